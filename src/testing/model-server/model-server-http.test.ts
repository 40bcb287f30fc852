// The model server over plain fetch: model listing, authentication, the request log and the lifecycle.
import { afterEach, describe, expect, it } from 'vitest';
import { SIM_MODEL_PROFILES } from '../../backends/sim/sim-profile.js';
import { ServerSimModel } from './server-sim-model.js';
import { startModelServer, type ModelServer, type ModelServerOptions } from './start-model-server.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: ModelServerOptions = {}): Promise<ModelServer> {
  server = await startModelServer(options);
  return server;
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server!.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const chatBody = (extra: Record<string, unknown> = {}) => ({
  model: 'gpt-4.1-mini',
  messages: [{ role: 'user', content: 'Hello, server' }],
  ...extra,
});

describe('GET /v1/models', () => {
  it('lists the simulated profiles in OpenAI shape, and one model by name', async () => {
    await start();
    const list = (await (await fetch(`${server!.url}/models`)).json()) as {
      object: string;
      data: { id: string }[];
    };
    expect(list.object).toBe('list');
    expect(list.data.map((model) => model.id)).toEqual(Object.keys(SIM_MODEL_PROFILES));
    expect(await (await fetch(`${server!.url}/models/any-name`)).json()).toMatchObject({
      id: 'any-name',
      object: 'model',
    });
  });
});

describe('GET /v1/models with a model factory', () => {
  it('lists the names given and answers 404 for a model the factory does not know', async () => {
    await start({
      models: (name) => (name === 'mine' ? new ServerSimModel(name) : undefined),
      modelNames: ['mine'],
    });
    expect((await fetch(`${server!.url}/models/mine`)).status).toBe(200);
    const missing = await fetch(`${server!.url}/models/theirs`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      error: { param: 'model', message: expect.stringContaining('`theirs`') },
    });
  });
});

describe('authentication', () => {
  it('takes the key as a bearer token or x-api-key, and answers 401 in the endpoint’s shape', async () => {
    await start({ apiKey: 'sesame' });
    expect((await post('/v1/chat/completions', chatBody())).status).toBe(401);
    expect((await post('/v1/chat/completions', chatBody(), { authorization: 'Bearer sesame' })).status).toBe(
      200,
    );
    expect((await post('/v1/chat/completions', chatBody(), { 'x-api-key': 'sesame' })).status).toBe(200);
    expect((await fetch(`${server!.url}/models`)).status).toBe(401);
    const anthropic = await post(
      '/v1/messages',
      { model: 'm', max_tokens: 5, messages: [] },
      { 'x-api-key': 'nope' },
    );
    expect(anthropic.status).toBe(401);
    expect(await anthropic.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
    expect(
      server!.requests.map((request) => request.headers['x-api-key'] ?? request.headers.authorization),
    ).toEqual([undefined, '<redacted>', '<redacted>', undefined, '<redacted>']);
  });
});

describe('the request log, unknown routes and the lifecycle', () => {
  it('keeps method, path, model, stream, body and status of every request', async () => {
    const seen: string[] = [];
    await start({ onRequest: (request) => seen.push(`${request.path} ${request.status}`) });
    await post('/v1/chat/completions', chatBody({ stream: true }));
    const missing = await fetch(`${server!.origin}/v2/whatever`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toContain(
      'No route GET /v2/whatever',
    );
    expect(server!.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      model: 'gpt-4.1-mini',
      stream: true,
      status: 200,
      body: chatBody({ stream: true }),
      faults: [],
    });
    expect(seen).toEqual(['/v1/chat/completions 200', '/v2/whatever 404']);
  });

  it('keeps only the newest requestLogLimit requests, so a long-running server does not grow without bound', async () => {
    await start({ requestLogLimit: 3 });
    for (let i = 0; i < 5; i++) {
      await post('/v1/chat/completions', chatBody({ messages: [{ role: 'user', content: `message ${i}` }] }));
    }
    expect(server!.requests.map((request) => JSON.stringify(request.body))).toEqual(
      [2, 3, 4].map((i) =>
        JSON.stringify(chatBody({ messages: [{ role: 'user', content: `message ${i}` }] })),
      ),
    );
  });

  it('keeps no requests with requestLogLimit 0, and still reports each to onRequest', async () => {
    const seen: string[] = [];
    await start({ requestLogLimit: 0, onRequest: (request) => seen.push(request.path) });
    await post('/v1/chat/completions', chatBody());
    expect(server!.requests).toEqual([]);
    expect(seen).toEqual(['/v1/chat/completions']);
  });

  it('refuses a negative or fractional requestLogLimit', async () => {
    await expect(startModelServer({ requestLogLimit: -1 })).rejects.toThrow(/requestLogLimit/);
    await expect(startModelServer({ requestLogLimit: 1.5 })).rejects.toThrow(/requestLogLimit/);
  });

  it('waits latencyMs before answering', async () => {
    await start({ latencyMs: 120 });
    const begin = performance.now();
    await post('/v1/chat/completions', chatBody());
    expect(performance.now() - begin).toBeGreaterThanOrEqual(110);
  });

  it('answers 500 in the provider’s shape when the model fails', async () => {
    await start({
      models: () => ({
        specificationVersion: 'loopgym-model-1',
        provider: 'broken',
        modelName: 'broken',
        doGenerate: () => Promise.reject(new Error('out of cheese')),
        doStream: () => ({
          [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('out of cheese')) }),
        }),
      }),
    });
    const response = await post('/v1/messages', {
      model: 'x',
      max_tokens: 5,
      messages: [{ role: 'user', content: 'x' }],
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({
      error: { type: 'api_error', message: 'The model failed: out of cheese' },
    });
  });

  it('listens on the port asked for, refuses a busy port clearly, and closes twice safely', async () => {
    const first = await start();
    await expect(startModelServer({ port: first.port })).rejects.toThrow(
      `Port ${first.port} on 127.0.0.1 is already in use`,
    );
    await first.close();
    await first.close();
    await expect(fetch(`${first.url}/models`)).rejects.toThrow();
    await using again = await startModelServer({ port: first.port });
    expect(again.url).toBe(`http://127.0.0.1:${first.port}/v1`);
  });

  it('cut-stream after zero events and drop-connection reach fetch as network errors', async () => {
    await start({
      faults: [
        { kind: 'cut-stream', afterChunks: 0, times: 1 },
        { kind: 'drop-connection', times: 1, path: '/v1/messages' },
      ],
    });
    await expect(
      post('/v1/chat/completions', chatBody({ stream: true })).then((response) => response.text()),
    ).rejects.toThrow();
    await expect(
      post('/v1/messages', { model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toThrow();
    expect((await post('/v1/chat/completions', chatBody({ stream: true }))).status).toBe(200);
  });
});
