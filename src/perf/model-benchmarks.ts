// Model calls per second through the facade against the local model server, and the CPU LoopGym spends per call.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import type { GenerateOptions, GenerateResult, LanguageModel } from '../models/language-model.js';
import { ProviderLimits } from '../models/middleware/provider-limits.js';
import { createModelClient } from '../models/model-client.js';
import { nodeHttpFetch } from '../models/providers/node-http-fetch.js';
import { OpenAIChatModel } from '../models/providers/openai-provider.js';
import { startModelServer } from '../testing/model-server/index.js';

/** How the model benchmark runs. */
export interface ModelBenchmarkOptions {
  /** The server's latency per request, in ms (default 50). */
  latencyMs?: number;
  /** Calls kept in flight (default 64). */
  concurrency?: number;
  /** Calls per measured run over HTTP (default 40 per slot: 2 560 at 64, about 2 s). */
  calls?: number;
  /** Calls per run of the CPU measurements without HTTP (default 20 000). */
  cpuCalls?: number;
  /** Runs of each measurement, taken in turn; the best is kept (default 3). */
  repetitions?: number;
  /**
   * Where the server runs: a child process (default; its CPU is then not the client's) or this process (for quick
   * checks where a child cannot be started, e.g. from TypeScript sources; client CPU then includes the server's).
   */
  server?: 'child-process' | 'in-process';
}

/** A target and whether it was met. */
export interface BenchmarkTarget {
  text: string;
  met: boolean;
}

/** What the model benchmark measured (CPU figures in ms per call). */
export interface ModelBenchmarkResult {
  latencyMs: number;
  concurrency: number;
  calls: number;
  server: 'child-process' | 'in-process';
  /** Calls per second through the facade and the `openai` provider over HTTP (best run). */
  callsPerSecond: number;
  /** The same load through the bare OpenAI SDK (with the global fetch), for comparison (best run). */
  sdkCallsPerSecond: number;
  /** The same load as bare HTTP requests (keep-alive node:http, JSON parsed): what this machine allows (best run). */
  rawHttpCallsPerSecond: number;
  /** `concurrency / latency`: what a client and server with no overhead would reach. */
  boundCallsPerSecond: number;
  /** CPU of this process per call over HTTP: facade, provider, SDK and HTTP client. */
  clientCpuMsPerCall: number;
  /** CPU of the server process per call (NaN when it runs in this process). */
  serverCpuMsPerCall: number;
  /**
   * LoopGym's share: facade and provider around the SDK, measured without HTTP (the SDK answered by a canned
   * `fetch`) as the CPU per call through them minus through the bare SDK.
   */
  frameworkCpuMsPerCall: number;
  /** The facade alone (cache check, limits, retries, timeout, accounting) over an instant in-process model. */
  facadeCpuMsPerCall: number;
  targets: { throughput: BenchmarkTarget; cpu: BenchmarkTarget };
}

const CHILD_FLAG = '--loopgym-benchmark-model-server';
const MODEL = 'gpt-4.1-mini';
const MESSAGES = [
  { role: 'system', content: 'Answer briefly.' },
  { role: 'user', content: 'What is the capital of France?' },
] as const satisfies GenerateOptions['messages'];

const RAW_BODY = JSON.stringify({ model: MODEL, messages: MESSAGES });

type Call = () => Promise<unknown>;

/** Keeps `concurrency` calls in flight until `calls` have finished: calls per second and CPU ms per call. */
async function drive(
  calls: number,
  concurrency: number,
  call: Call,
): Promise<{ perSecond: number; cpuMs: number }> {
  let started = 0;
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const slot = async (): Promise<void> => {
    while (started < calls) {
      started++;
      await call();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, calls) }, slot));
  const seconds = (performance.now() - wallBefore) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: calls / seconds, cpuMs: (cpu.user + cpu.system) / 1000 / calls };
}

/**
 * Runs each variant once to warm up, then `repetitions` rounds of every variant in turn (so that a disturbance of the
 * shared machine hits all alike); keeps each variant's best rate and least CPU per call.
 */
async function compare<Name extends string>(
  variants: Record<Name, Call>,
  calls: number,
  concurrency: number,
  repetitions: number,
  onRun?: (name: Name) => Promise<() => Promise<number>>,
): Promise<Record<Name, { perSecond: number; cpuMs: number; otherCpuMs: number }>> {
  const names = Object.keys(variants) as Name[];
  const best = {} as Record<Name, { perSecond: number; cpuMs: number; otherCpuMs: number }>;
  for (const name of names) {
    await drive(Math.min(calls, concurrency * 8), concurrency, variants[name]);
    best[name] = { perSecond: 0, cpuMs: Infinity, otherCpuMs: Infinity };
  }
  for (let round = 0; round < repetitions; round++) {
    for (const name of names) {
      const finish = await onRun?.(name);
      const run = await drive(calls, concurrency, variants[name]);
      const other = finish === undefined ? Number.NaN : (await finish()) / calls;
      best[name].perSecond = Math.max(best[name].perSecond, run.perSecond);
      best[name].cpuMs = Math.min(best[name].cpuMs, run.cpuMs);
      best[name].otherCpuMs = Number.isNaN(other) ? other : Math.min(best[name].otherCpuMs, other);
    }
  }
  return best;
}

/** A running benchmark server: its URL, how to stop it, and its CPU time so far (ms; NaN when unknown). */
interface RunningServer {
  url: string;
  stop: () => Promise<void>;
  cpuMs: () => Promise<number>;
}

/** A server in a child process (this module, started with {@link CHILD_FLAG}). */
async function startChildServer(latencyMs: number): Promise<RunningServer> {
  const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, String(latencyMs)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve(String((message as { url: unknown }).url)));
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`The benchmark's model server exited early (code ${code}).`)),
    );
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      await exited;
    },
    cpuMs: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve(Number((message as { cpuMs: unknown }).cpuMs)));
        child.send('cpu');
      }),
  };
}

async function startServer(where: 'child-process' | 'in-process', latencyMs: number): Promise<RunningServer> {
  if (where === 'child-process') return startChildServer(latencyMs);
  const server = await startModelServer({ latencyMs, requestLogLimit: 0 });
  return { url: server.url, stop: () => server.close(), cpuMs: () => Promise.resolve(Number.NaN) };
}

/** The answer of the canned `fetch`: what the model server sends for {@link MESSAGES}. */
const CANNED_COMPLETION = JSON.stringify({
  id: 'chatcmpl-benchmark',
  object: 'chat.completion',
  created: 0,
  model: MODEL,
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Paris.' } }],
  usage: { prompt_tokens: 12, completion_tokens: 2, total_tokens: 14 },
});
const cannedFetch = (): Promise<Response> =>
  Promise.resolve(new Response(CANNED_COMPLETION, { headers: { 'content-type': 'application/json' } }));

/** A model that answers at once, for the facade's own cost. */
const instantModel: LanguageModel = {
  specificationVersion: 'loopgym-model-1',
  provider: 'instant',
  modelName: 'model',
  doGenerate: (): Promise<GenerateResult> =>
    Promise.resolve({
      text: 'Paris',
      toolCalls: [],
      finishReason: 'stop',
      usage: { inputTokens: 12, outputTokens: 1 },
      latencySeconds: 0,
      warnings: [],
      modelId: 'instant:model',
    }),
  doStream: () => {
    throw new Error('not used');
  },
};

const clientOptions = { providerLimits: new ProviderLimits(), cache: 'never' as const };

/**
 * Measures model calls per second through the facade and the `openai` provider against the local model server (a
 * fixed latency, a fixed number of calls in flight) beside the bound `concurrency / latency`, the bare SDK and bare
 * HTTP requests (what the machine allows), and
 * the CPU per call: of the client over HTTP, of the server, LoopGym's share (facade and provider around the SDK,
 * without HTTP), and the facade alone. Targets: at least 95% of the bound, and under 0.2 ms of LoopGym CPU per call.
 *
 * @example
 * ```ts
 * const result = await runModelBenchmark();
 * console.log(formatModelBenchmark(result).join('\n'));
 * ```
 */
export async function runModelBenchmark(options: ModelBenchmarkOptions = {}): Promise<ModelBenchmarkResult> {
  const latencyMs = options.latencyMs ?? 50;
  const concurrency = options.concurrency ?? 64;
  const calls = options.calls ?? concurrency * 40;
  const cpuCalls = options.cpuCalls ?? 20_000;
  const repetitions = options.repetitions ?? 3;
  const where = options.server ?? 'child-process';
  const ask = { messages: MESSAGES };

  const server = await startServer(where, latencyMs);
  let http;
  try {
    const model = new OpenAIChatModel(MODEL, { baseURL: server.url, apiKey: 'benchmark', env: {} });
    const client = createModelClient(model, clientOptions);
    const sdk = new OpenAI({ baseURL: server.url, apiKey: 'benchmark', maxRetries: 0 });
    http = await compare(
      {
        facade: () => client.doGenerate(ask),
        sdk: () => sdk.chat.completions.create({ model: MODEL, messages: [...MESSAGES] }),
        rawHttp: async () => {
          const response = await nodeHttpFetch(`${server.url}/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: 'Bearer benchmark' },
            body: RAW_BODY,
          });
          return await response.json();
        },
      },
      calls,
      concurrency,
      repetitions,
      async () => {
        const before = await server.cpuMs();
        return async () => (await server.cpuMs()) - before;
      },
    );
  } finally {
    await server.stop();
  }

  const cannedModel = new OpenAIChatModel(MODEL, {
    baseURL: 'http://canned/v1',
    apiKey: 'x',
    fetch: cannedFetch,
  });
  const cannedClient = createModelClient(cannedModel, clientOptions);
  const cannedSdk = new OpenAI({
    baseURL: 'http://canned/v1',
    apiKey: 'x',
    maxRetries: 0,
    fetch: cannedFetch,
  });
  const instantClient = createModelClient(instantModel, clientOptions);
  const cpu = await compare(
    {
      facade: () => cannedClient.doGenerate(ask),
      sdk: () => cannedSdk.chat.completions.create({ model: MODEL, messages: [...MESSAGES] }),
      instantFacade: () => instantClient.doGenerate(ask),
      instant: () => instantModel.doGenerate(ask),
    },
    cpuCalls,
    concurrency,
    repetitions,
  );

  const boundCallsPerSecond = concurrency / (latencyMs / 1000);
  const frameworkCpuMsPerCall = Math.max(0, cpu.facade.cpuMs - cpu.sdk.cpuMs);
  const facadeCpuMsPerCall = Math.max(0, cpu.instantFacade.cpuMs - cpu.instant.cpuMs);
  return {
    latencyMs,
    concurrency,
    calls,
    server: where,
    callsPerSecond: http.facade.perSecond,
    sdkCallsPerSecond: http.sdk.perSecond,
    rawHttpCallsPerSecond: http.rawHttp.perSecond,
    boundCallsPerSecond,
    clientCpuMsPerCall: http.facade.cpuMs,
    serverCpuMsPerCall: http.facade.otherCpuMs,
    frameworkCpuMsPerCall,
    facadeCpuMsPerCall,
    targets: {
      throughput: {
        text: `>= 95% of ${boundCallsPerSecond.toFixed(0)} calls/s`,
        met: http.facade.perSecond >= 0.95 * boundCallsPerSecond,
      },
      cpu: { text: '< 0.2 ms LoopGym CPU per call', met: frameworkCpuMsPerCall < 0.2 },
    },
  };
}

/**
 * The benchmark's result as lines of text.
 *
 * @example
 * ```ts
 * for (const line of formatModelBenchmark(await runModelBenchmark())) console.log(line);
 * ```
 */
export function formatModelBenchmark(result: ModelBenchmarkResult): string[] {
  const ms = (value: number): string => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(3)} ms`);
  const percent = (perSecond: number): string =>
    `${((100 * perSecond) / result.boundCallsPerSecond).toFixed(1)}%`;
  const { throughput, cpu } = result.targets;
  return [
    `Model calls: ${result.concurrency} in flight, server latency ${result.latencyMs} ms, bound ` +
      `${result.boundCallsPerSecond.toFixed(0)} calls/s (server in a ${result.server})`,
    `  facade + openai provider ${result.callsPerSecond.toFixed(0)} calls/s (${percent(result.callsPerSecond)}), ` +
      `bare SDK ${result.sdkCallsPerSecond.toFixed(0)} (${percent(result.sdkCallsPerSecond)}), ` +
      `raw HTTP ${result.rawHttpCallsPerSecond.toFixed(0)} (${percent(result.rawHttpCallsPerSecond)})  |  ` +
      `target ${throughput.text}: ${throughput.met ? 'met' : 'MISSED'}`,
    `  CPU per call: client ${ms(result.clientCpuMsPerCall)}, server ${ms(result.serverCpuMsPerCall)}; ` +
      `LoopGym ${ms(result.frameworkCpuMsPerCall)} (facade alone ${ms(result.facadeCpuMsPerCall)})  |  ` +
      `target ${cpu.text}: ${cpu.met ? 'met' : 'MISSED'}`,
  ];
}

/** The child process side: serve until the parent disconnects; answer CPU questions. */
async function serveForParent(latencyMs: number): Promise<void> {
  const server = await startModelServer({ latencyMs, requestLogLimit: 0 });
  process.on('message', () => {
    const usage = process.cpuUsage();
    process.send?.({ cpuMs: (usage.user + usage.system) / 1000 });
  });
  process.once('disconnect', () => {
    void server.close().then(() => process.exit(0));
  });
  process.send?.({ url: server.url });
}

if (process.argv[2] === CHILD_FLAG) await serveForParent(Number(process.argv[3] ?? '50'));
