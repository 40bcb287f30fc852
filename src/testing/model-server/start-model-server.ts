// A local server speaking the OpenAI and Anthropic APIs, answered by simulated models, with fault injection.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { SIM_MODEL_PROFILES } from '../../backends/sim/sim-profile.js';
import type { LanguageModel } from '../../models/language-model.js';
import { anthropicMessagesEndpoint } from './anthropic-messages-endpoint.js';
import { createModelServerApp, type ModelServerRequest } from './model-server-app.js';
import { FaultPlan, type ModelServerFault } from './model-server-fault.js';
import { openAiChatEndpoint } from './openai-chat-endpoint.js';
import { ServerSimModel } from './server-sim-model.js';

/** Options of {@link startModelServer}. */
export interface ModelServerOptions {
  /** The address to listen on. Default `127.0.0.1`. */
  host?: string | undefined;
  /** The port; 0 (the default) picks a free one. */
  port?: number | undefined;
  /** Milliseconds to wait before answering every request. Default 0. */
  latencyMs?: number | undefined;
  /** When set, requests must carry `Authorization: Bearer <key>` or `x-api-key: <key>`, else get a 401. */
  apiKey?: string | undefined;
  /** Faults to inject from the start (see {@link ModelServerFault}); `setFaults` replaces them. */
  faults?: readonly ModelServerFault[] | undefined;
  /**
   * The model answering a model name, or `undefined` for an unknown model (answered with 404). Default: a
   * {@link ServerSimModel} for every name.
   */
  models?: ((modelName: string) => LanguageModel | undefined) | undefined;
  /** The names `GET /v1/models` lists. Default: the simulated model profiles. */
  modelNames?: readonly string[] | undefined;
  /**
   * How many requests {@link ModelServer.requests} keeps, newest last; older ones are dropped so that a server
   * running for hours does not grow without bound. Default 10 000; 0 keeps none (`onRequest` still sees each).
   */
  requestLogLimit?: number | undefined;
  /** Called with each request once its status is known (or its connection dropped), e.g. to log it. */
  onRequest?: ((request: ModelServerRequest) => void) | undefined;
}

/** A running model server. */
export interface ModelServer {
  /** The base URL of the API, ending in `/v1` (what the OpenAI SDK takes as `baseURL`). */
  readonly url: string;
  /** The server's root, without `/v1` (what the Anthropic SDK takes as `baseURL`). */
  readonly origin: string;
  readonly port: number;
  /** The requests received so far, oldest first, at most `requestLogLimit` of them (a live list). */
  readonly requests: readonly ModelServerRequest[];
  /** Replaces the faults (and restarts their counts). */
  setFaults(faults: readonly ModelServerFault[]): void;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Starts a local model server that speaks OpenAI's chat completions (`POST /v1/chat/completions`, `GET /v1/models`)
 * and Anthropic's messages (`POST /v1/messages`), streaming or not, answered by deterministic simulated models, so
 * that providers are tested end to end through the real SDKs without a network. Faults (error statuses, latency,
 * malformed bodies, cut or slow streams, dropped connections) can be injected per request.
 *
 * @example
 * ```ts
 * const server = await startModelServer({ faults: [{ kind: 'status', status: 429, retryAfterSeconds: 1, times: 1 }] });
 * const client = new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: 0 });
 * await client.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'Hi' }] }); // throws a 429 once
 * await server.close();
 * ```
 */
export async function startModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const host = options.host ?? '127.0.0.1';
  const requestLogLimit = options.requestLogLimit ?? 10_000;
  if (!Number.isSafeInteger(requestLogLimit) || requestLogLimit < 0) {
    throw new RangeError(
      `requestLogLimit must be a whole number >= 0, not ${String(options.requestLogLimit)}.`,
    );
  }
  const faults = new FaultPlan(options.faults ?? []);
  const requests: ModelServerRequest[] = [];
  const models = options.models ?? ((modelName: string) => new ServerSimModel(modelName));
  const app = createModelServerApp(
    {
      faults,
      requests,
      requestLogLimit,
      latencyMs: options.latencyMs ?? 0,
      apiKey: options.apiKey,
      models,
      modelNames: options.modelNames ?? Object.keys(SIM_MODEL_PROFILES),
      onRequest: options.onRequest,
    },
    [openAiChatEndpoint, anthropicMessagesEndpoint],
  );
  const server = serve({
    fetch: app.fetch,
    hostname: host,
    port: options.port ?? 0,
    overrideGlobalObjects: false,
  }) as Server;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${options.port ?? 0} on ${host} is already in use. Choose another port, or 0 for a free one.`
            : `The model server could not listen on ${host}:${options.port ?? 0}: ${error.message}`,
          { cause: error },
        ),
      );
    };
    server.once('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  return {
    url: `${origin}/v1`,
    origin,
    port,
    requests,
    setFaults: (next) => faults.replace(next),
    close,
    [Symbol.asyncDispose]: close,
  };
}
