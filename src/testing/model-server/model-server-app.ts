// The hono app of the local model server: authentication, the request log, faults, and the model endpoints.
import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { resultFromStream, type GenerateResult, type LanguageModel } from '../../models/language-model.js';
import { applyRequestLimits } from './apply-request-limits.js';
import { isBadRequest, type ModelEndpoint } from './model-endpoint.js';
import type { ActiveFaults, FaultPlan } from './model-server-fault.js';
import { listModelsBody } from './list-models.js';
import { errorResponse, faultMessage, type ProviderDialect } from './provider-error.js';
import type { ServerCall } from './server-call.js';
import { sseResponse } from './sse-response.js';

/** One request the server received, as kept in {@link ModelServer.requests}. */
export interface ModelServerRequest {
  method: string;
  path: string;
  /** The `model` of the body, when it has one. */
  model: string | null;
  /** Whether the body asked for a stream. */
  stream: boolean;
  /** Request headers (lower-case names), with the values of credentials replaced by `<redacted>`. */
  headers: Record<string, string>;
  /** The parsed JSON body (`null` without one or when it is not JSON). */
  body: unknown;
  /** The HTTP status answered; `null` while the answer is pending or when the connection was dropped. */
  status: number | null;
  /** The kinds of the faults that hit this request. */
  faults: string[];
}

/** What the app reads and writes while serving. */
export interface ModelServerState {
  readonly faults: FaultPlan;
  readonly requests: ModelServerRequest[];
  /** The most requests `requests` keeps (older ones are dropped). */
  readonly requestLogLimit: number;
  readonly latencyMs: number;
  readonly apiKey: string | undefined;
  /** The model for a model name, or `undefined` for a model the server does not know (404). */
  readonly models: (modelName: string) => LanguageModel | undefined;
  /** Model names listed by `GET /v1/models`. */
  readonly modelNames: readonly string[];
  /** Called with each request once its status is known (or its connection dropped). */
  readonly onRequest?: ((request: ModelServerRequest) => void) | undefined;
}

const SECRET_HEADERS = new Set(['authorization', 'x-api-key', 'api-key', 'proxy-authorization', 'cookie']);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The app's environment: the Node bindings of @hono/node-server, and what the first middleware found out. */
export interface ModelServerEnv {
  Bindings: HttpBindings;
  Variables: { faults: ActiveFaults | undefined; body: unknown; answerNumber: number };
}

type AppContext = Context<ModelServerEnv>;

function dialectOf(c: AppContext): ProviderDialect {
  return c.req.path === '/v1/messages' || c.req.header('anthropic-version') !== undefined
    ? 'anthropic'
    : 'openai';
}

function redactedHeaders(c: AppContext): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(c.req.header())) {
    headers[name.toLowerCase()] = SECRET_HEADERS.has(name.toLowerCase()) ? '<redacted>' : value;
  }
  return headers;
}

function authorized(c: AppContext, apiKey: string | undefined): boolean {
  if (apiKey === undefined) return true;
  return c.req.header('authorization') === `Bearer ${apiKey}` || c.req.header('x-api-key') === apiKey;
}

async function readJson(c: AppContext): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const text = await c.req.text();
  if (text === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The server's hono app over a state (the server owns the state; tests may call `app.request` directly, though
 * `drop-connection` and `cut-stream` then only error the response, having no socket to close).
 *
 * @example
 * ```ts
 * const app = createModelServerApp(state);
 * const response = await app.request('/v1/models');
 * ```
 */
export function createModelServerApp(
  state: ModelServerState,
  endpoints: readonly ModelEndpoint[],
): Hono<ModelServerEnv> {
  const app = new Hono<ModelServerEnv>();
  let answers = 0;

  let received = 0;
  app.use(async (c, next) => {
    // Latency counts from the request's arrival, so reading its body does not add to it.
    const arrived = performance.now();
    received += 1;
    const parsed = c.req.method === 'POST' ? await readJson(c) : { ok: true as const, value: null };
    const body = parsed.ok ? parsed.value : null;
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const entry: ModelServerRequest = {
      method: c.req.method,
      path: c.req.path,
      model: typeof fields.model === 'string' ? fields.model : null,
      stream: fields.stream === true,
      headers: redactedHeaders(c),
      body,
      status: null,
      faults: [],
    };
    if (state.requestLogLimit > 0) {
      state.requests.push(entry);
      while (state.requests.length > state.requestLogLimit) state.requests.shift();
    }
    const isModelCall = endpoints.some((endpoint) => endpoint.path === c.req.path) && c.req.method === 'POST';
    const faults = isModelCall ? state.faults.take(c.req.path, entry.stream) : undefined;
    if (faults?.dropConnection === true) {
      entry.faults.push('drop-connection');
      c.env?.incoming?.socket.destroy();
      state.onRequest?.(entry);
      return new Response(null, { status: 503 });
    }
    const delay = state.latencyMs + (faults?.latencyMs ?? 0);
    if ((faults?.latencyMs ?? 0) > 0) entry.faults.push('latency');
    const remaining = delay - (performance.now() - arrived);
    if (remaining > 0) await sleep(remaining);
    const dialect = dialectOf(c);
    if (!authorized(c, state.apiKey)) {
      const message =
        'Invalid API key. Send the key the model server was started with as `Authorization: Bearer <key>` or `x-api-key: <key>`.';
      c.res = errorResponse(dialect, 401, message);
    } else if (faults?.status !== undefined) {
      const { status, retryAfterSeconds } = faults.status;
      entry.faults.push('status');
      const headers: Record<string, string> =
        retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
      c.res = errorResponse(dialect, status, faultMessage(status), { headers });
    } else if (!parsed.ok) {
      c.res = errorResponse(dialect, 400, 'The request body is not valid JSON. Send a JSON object.');
    } else {
      answers += 1;
      c.set('faults', faults);
      c.set('body', body);
      c.set('answerNumber', answers);
      await next();
    }
    // Both SDKs expose the request id of an answer (`_request_id`, `request_id`).
    const requestId = `req_${String(received).padStart(6, '0')}`;
    c.res.headers.set('x-request-id', requestId);
    c.res.headers.set('request-id', requestId);
    entry.status = c.res.status;
    if (faults?.malformedJson === true && c.res.status === 200) entry.faults.push('malformed-json');
    if (faults?.cutStreamAfterChunks !== undefined && c.res.status === 200) entry.faults.push('cut-stream');
    if ((faults?.chunkDelayMs ?? 0) > 0 && c.res.status === 200) entry.faults.push('slow-stream');
    state.onRequest?.(entry);
    return c.res;
  });

  app.get('/v1/models', (c) => c.json(listModelsBody(dialectOf(c), state.modelNames)));
  app.get('/v1/models/:name', (c) => {
    const name = c.req.param('name');
    if (state.models(name) === undefined) {
      return errorResponse(dialectOf(c), 404, `The model \`${name}\` does not exist on this server.`, {
        param: 'model',
      });
    }
    return c.json(listModelsBody(dialectOf(c), [name]).data[0]);
  });

  for (const endpoint of endpoints) {
    app.post(endpoint.path, (c) => answer(c, endpoint, state));
  }

  app.notFound((c) =>
    errorResponse(
      dialectOf(c),
      404,
      `No route ${c.req.method} ${c.req.path}. The model server serves /v1/models, ${endpoints.map((endpoint) => endpoint.path).join(', ')}.`,
    ),
  );
  return app;
}

async function answer(c: AppContext, endpoint: ModelEndpoint, state: ModelServerState): Promise<Response> {
  const faults = c.get('faults');
  const call = endpoint.parse(c.get('body'));
  if (isBadRequest(call)) return errorResponse(endpoint.dialect, 400, call.message, { param: call.param });
  const model = state.models(call.modelName);
  if (model === undefined) {
    return errorResponse(
      endpoint.dialect,
      404,
      `The model \`${call.modelName}\` does not exist on this server.`,
      {
        param: 'model',
      },
    );
  }
  let limited;
  try {
    limited = applyRequestLimits(await generate(model, call), call.options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return errorResponse(endpoint.dialect, 500, `The model failed: ${message}`);
  }
  const number = c.get('answerNumber');
  const header = {
    id: `${endpoint.idPrefix}${String(number).padStart(6, '0')}`,
    created: Math.floor(Date.now() / 1000),
    model: call.modelName,
  };
  if (!call.stream) {
    if (faults?.malformedJson === true) {
      return new Response('{"id": "malformed", "choices": [', {
        headers: { 'content-type': 'application/json' },
      });
    }
    return c.json(endpoint.body(limited, call, header) as object);
  }
  const events = endpoint.events(limited, call, header);
  if (faults?.malformedJson === true) events.splice(1, 0, endpoint.malformedEvent);
  return sseResponse(events, {
    chunkDelayMs: faults?.chunkDelayMs ?? 0,
    cutAfterChunks: faults?.cutStreamAfterChunks,
    socket: c.env?.incoming?.socket,
  });
}

function generate(model: LanguageModel, call: ServerCall): Promise<GenerateResult> {
  return call.stream ? resultFromStream(model.doStream(call.options)) : model.doGenerate(call.options);
}
