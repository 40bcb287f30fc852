import type { Command } from 'commander';
import { InvalidArgumentError } from '../../core/errors.js';
import type { ModelServerRequest } from '../../testing/model-server/model-server-app.js';
import {
  modelServerFaultSchema,
  type ModelServerFault,
} from '../../testing/model-server/model-server-fault.js';
import { startModelServer, type ModelServerOptions } from '../../testing/model-server/start-model-server.js';
import type { CliIo } from '../cli-io.js';
import { parseCount } from '../parse-options.js';
import { waitForSignal } from '../wait-for-signal.js';

/** The flags of `loopgym serve-model`, as commander hands them over. */
export interface ServeModelFlags {
  port: string;
  host: string;
  latency?: string | undefined;
  apiKey?: string | undefined;
  fault: string[];
}

/** What each fault kind's argument is, for messages and help. */
const FAULT_ARGUMENTS: Readonly<Record<ModelServerFault['kind'], string | null>> = {
  status: 'HTTP status',
  latency: 'milliseconds',
  'malformed-json': null,
  'cut-stream': 'events sent before the cut',
  'slow-stream': 'milliseconds between events',
  'drop-connection': null,
};

const PATHS: Readonly<Record<string, string>> = {
  chat: '/v1/chat/completions',
  messages: '/v1/messages',
  '/v1/chat/completions': '/v1/chat/completions',
  '/v1/messages': '/v1/messages',
};

const FAULT_SYNTAX =
  'kind[:argument][:times][:retry-after=seconds][:path=chat|messages], e.g. status:429:2:retry-after=1, ' +
  'latency:500, cut-stream:3, slow-stream:50, malformed-json:1, drop-connection';

function invalidFault(text: string, problem: string): InvalidArgumentError {
  return new InvalidArgumentError(`Invalid --fault \`${text}\`: ${problem}. Write ${FAULT_SYNTAX}.`);
}

/**
 * Reads one `--fault` flag: `kind[:argument][:times][:key=value…]`. Kinds taking an argument: `status` (the HTTP
 * status), `latency` (ms), `cut-stream` (events before the cut), `slow-stream` (ms between events); `malformed-json`
 * and `drop-connection` take none. `times` limits the fault to the next N matching requests (every request without
 * it); `retry-after=S` adds a Retry-After header to a status fault; `path=chat|messages` limits it to one endpoint.
 *
 * @example
 * ```ts
 * parseFaultFlag('status:429:2:retry-after=1'); // { kind: 'status', status: 429, times: 2, retryAfterSeconds: 1 }
 * ```
 */
export function parseFaultFlag(text: string): ModelServerFault {
  const [kind = '', ...fields] = text.split(':');
  if (!(kind in FAULT_ARGUMENTS)) {
    throw invalidFault(text, `unknown kind \`${kind}\` (kinds: ${Object.keys(FAULT_ARGUMENTS).join(', ')})`);
  }
  const fault: Record<string, unknown> = { kind };
  const argumentName = FAULT_ARGUMENTS[kind as ModelServerFault['kind']];
  if (argumentName !== null) {
    const value = fields.shift();
    if (value === undefined || !/^\d+$/.test(value)) {
      throw invalidFault(text, `\`${kind}\` needs its ${argumentName} as a whole number after the kind`);
    }
    const key = {
      status: 'status',
      latency: 'ms',
      'cut-stream': 'afterChunks',
      'slow-stream': 'chunkDelayMs',
    }[kind as 'status' | 'latency' | 'cut-stream' | 'slow-stream'];
    fault[key] = Number(value);
  }
  for (const field of fields) {
    if (field === '' || field === '*') continue;
    if (/^\d+$/.test(field) && fault.times === undefined) {
      fault.times = Number(field);
    } else if (field.startsWith('retry-after=') && kind === 'status') {
      const seconds = Number(field.slice('retry-after='.length));
      if (!Number.isFinite(seconds)) throw invalidFault(text, 'retry-after needs a number of seconds');
      fault.retryAfterSeconds = seconds;
    } else if (field.startsWith('path=')) {
      const path = PATHS[field.slice('path='.length)];
      if (path === undefined) throw invalidFault(text, 'path is `chat` or `messages`');
      fault.path = path;
    } else {
      throw invalidFault(text, `unexpected \`${field}\``);
    }
  }
  const parsed = modelServerFaultSchema.safeParse(fault);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw invalidFault(text, problems.join('; '));
  }
  return parsed.data;
}

/**
 * The server options the flags of `loopgym serve-model` ask for.
 *
 * @example
 * ```ts
 * serveModelOptions({ port: '8787', host: '127.0.0.1', fault: ['status:503:1'] }).faults; // [{ kind: 'status', status: 503, times: 1 }]
 * ```
 */
export function serveModelOptions(flags: ServeModelFlags): ModelServerOptions {
  const port = parseCount('--port', flags.port);
  if (port > 65_535) throw new InvalidArgumentError(`--port must be at most 65535, got \`${flags.port}\`.`);
  if (flags.host.trim() === '') throw new InvalidArgumentError('--host must not be empty (e.g. 127.0.0.1).');
  return {
    host: flags.host,
    port,
    latencyMs: flags.latency === undefined ? 0 : parseCount('--latency', flags.latency),
    apiKey: flags.apiKey === '' ? undefined : flags.apiKey,
    faults: flags.fault.map(parseFaultFlag),
  };
}

function describeRequest(request: ModelServerRequest): string {
  const faults = request.faults.length === 0 ? '' : ` [${request.faults.join(', ')}]`;
  const model = request.model === null ? '' : ` ${request.model}${request.stream ? ' (stream)' : ''}`;
  return `${request.method} ${request.path}${model} → ${request.status ?? 'dropped'}${faults}`;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/**
 * `loopgym serve-model [--port 8787] [--host 127.0.0.1] [--latency ms] [--api-key key] [--fault spec …]`: serves
 * simulated models over the OpenAI and Anthropic APIs until SIGINT or SIGTERM, printing the base URL first and
 * each request on stderr. `waitForStop` replaces the wait for a signal (for tests).
 *
 * @example
 * ```sh
 * loopgym serve-model --port 8787 --fault status:429:1:retry-after=2
 * ```
 */
export function addServeModelCommand(
  program: Command,
  io: CliIo,
  waitForStop: () => Promise<void> = waitForSignal,
): void {
  program
    .command('serve-model')
    .description('Serve simulated models over the OpenAI and Anthropic APIs (for tests without a network)')
    .option('-p, --port <port>', 'port to listen on (0 for a free one)', '8787')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--latency <ms>', 'wait this long before every answer')
    .option('--api-key <key>', 'require this key (Authorization: Bearer <key> or x-api-key)')
    .option('--fault <spec>', `inject a fault (repeatable): ${FAULT_SYNTAX}`, collect, [])
    .addHelpText(
      'after',
      '\nExamples:\n  $ loopgym serve-model\n' +
        '  $ loopgym serve-model --port 0 --latency 200 --api-key secret\n' +
        '  $ loopgym serve-model --fault status:429:2:retry-after=1 --fault cut-stream:5::path=chat\n' +
        '\nPoint an OpenAI client at the printed URL, and an Anthropic client at it without /v1.',
    )
    .action(async (flags: ServeModelFlags) => {
      const options = serveModelOptions(flags);
      const server = await startModelServer({
        ...options,
        // Each request is logged on stderr; none is kept, so a server left running does not grow.
        requestLogLimit: 0,
        onRequest: (request) => io.err(describeRequest(request)),
      });
      io.out(server.url);
      io.err(
        `Serving simulated models (OpenAI: baseURL ${server.url}; Anthropic: baseURL ${server.origin}). ` +
          'Stop with Ctrl-C.',
      );
      await waitForStop();
      await server.close();
      io.err('Model server stopped.');
    });
}
