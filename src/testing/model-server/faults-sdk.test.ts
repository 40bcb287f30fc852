// Each injected fault as the official SDKs observe it.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelServerFault } from './model-server-fault.js';
import { startModelServer, type ModelServer } from './start-model-server.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const LONG = 'A message long enough to be streamed in quite a few separate chunks by the model server.';

async function openAi(faults: ModelServerFault[], options: { maxRetries?: number; timeout?: number } = {}) {
  server = await startModelServer({ faults });
  return new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: options.maxRetries ?? 0, ...options });
}

async function anthropic(faults: ModelServerFault[]) {
  server = await startModelServer({ faults });
  return new Anthropic({ baseURL: server.origin, apiKey: 'test', maxRetries: 0 });
}

const chat = (client: OpenAI) =>
  client.chat.completions.create({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: LONG }] });
const chatStream = (client: OpenAI) =>
  client.chat.completions.create({
    model: 'gpt-4.1-mini',
    messages: [{ role: 'user', content: LONG }],
    stream: true,
  });
const message = (client: Anthropic) =>
  client.messages.create({
    model: 'claude-3-5-haiku',
    max_tokens: 256,
    messages: [{ role: 'user', content: LONG }],
  });
const messageStream = (client: Anthropic) =>
  client.messages.stream({
    model: 'claude-3-5-haiku',
    max_tokens: 256,
    messages: [{ role: 'user', content: LONG }],
  });

async function collect(stream: AsyncIterable<unknown>): Promise<{ count: number; error: unknown }> {
  let count = 0;
  try {
    for await (const _chunk of stream) count += 1;
  } catch (error) {
    return { count, error };
  }
  return { count, error: undefined };
}

describe('status faults', () => {
  it('429 with Retry-After: the OpenAI SDK throws a RateLimitError with the header, once', async () => {
    const client = await openAi([{ kind: 'status', status: 429, retryAfterSeconds: 2, times: 1 }]);
    const error: unknown = await chat(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const apiError = error as InstanceType<typeof OpenAI.APIError>;
    expect(apiError.status).toBe(429);
    expect(apiError.headers?.get('retry-after')).toBe('2');
    expect(apiError.code).toBe('rate_limit_exceeded');
    expect(apiError.type).toBe('rate_limit_error');
    expect((await chat(client)).choices[0]?.finish_reason).toBe('stop');
    expect(server!.requests.map((request) => [request.status, request.faults])).toEqual([
      [429, ['status']],
      [200, []],
    ]);
  });

  it.each([408, 409, 500, 502, 503, 529])(
    '%i reaches the OpenAI SDK as an APIError with that status',
    async (status) => {
      const client = await openAi([{ kind: 'status', status }]);
      await expect(chat(client)).rejects.toMatchObject({ status });
    },
  );

  it.each([
    [429, 'rate_limit_error'],
    [500, 'api_error'],
    [503, 'api_error'],
    [529, 'overloaded_error'],
  ] as const)('%i reaches the Anthropic SDK with error type %s', async (status, type) => {
    const client = await anthropic([{ kind: 'status', status, retryAfterSeconds: 1 }]);
    const error: unknown = await message(client).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    const apiError = error as InstanceType<typeof Anthropic.APIError>;
    expect(apiError.status).toBe(status);
    expect(apiError.error).toMatchObject({ type: 'error', error: { type } });
    expect(apiError.headers?.get('retry-after')).toBe('1');
  });

  it('lets the SDK retry through a fault that hits twice', async () => {
    const client = await openAi([{ kind: 'status', status: 503, retryAfterSeconds: 0, times: 2 }], {
      maxRetries: 2,
    });
    expect((await chat(client)).choices[0]?.message.content).toContain('A message long enough');
    expect(server!.requests.map((request) => request.status)).toEqual([503, 503, 200]);
  });

  it('only hits the endpoint its path names, and setFaults replaces the faults', async () => {
    const client = await openAi([{ kind: 'status', status: 500, path: '/v1/messages' }]);
    await expect(chat(client)).resolves.toBeDefined();
    server!.setFaults([{ kind: 'status', status: 502, path: '/v1/chat/completions', times: 1 }]);
    await expect(chat(client)).rejects.toMatchObject({ status: 502 });
    await expect(chat(client)).resolves.toBeDefined();
  });
});

describe('latency faults', () => {
  it('delays the answer, and a shorter client timeout gives a timeout error', async () => {
    const client = await openAi([{ kind: 'latency', ms: 150, times: 1 }]);
    const start = performance.now();
    await chat(client);
    expect(performance.now() - start).toBeGreaterThanOrEqual(140);
    server!.setFaults([{ kind: 'latency', ms: 2000 }]);
    const hasty = new OpenAI({ baseURL: server!.url, apiKey: 'test', maxRetries: 0, timeout: 100 });
    await expect(chat(hasty)).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });
});

describe('malformed-json faults', () => {
  it('a whole answer that is not JSON makes both SDKs throw', async () => {
    const client = await openAi([{ kind: 'malformed-json' }]);
    await expect(chat(client)).rejects.toThrow();
    const other = new Anthropic({ baseURL: server!.origin, apiKey: 'test', maxRetries: 0 });
    await expect(message(other)).rejects.toThrow();
    expect(server!.requests.every((request) => request.status === 200)).toBe(true);
  });

  it('a stream event that is not JSON makes stream iteration throw', async () => {
    server = await startModelServer({ faults: [{ kind: 'malformed-json' }] });
    // The SDKs log the unparsable event before throwing; keep the test output quiet.
    const client = new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: 0, logLevel: 'off' });
    const { count, error } = await collect(await chatStream(client));
    expect(error).toBeDefined();
    expect(count).toBe(1);
    const other = new Anthropic({ baseURL: server.origin, apiKey: 'test', maxRetries: 0, logLevel: 'off' });
    await expect(messageStream(other).finalMessage()).rejects.toThrow();
  });
});

describe('stream faults', () => {
  it('cut-stream: the OpenAI stream throws after the chunks sent, without [DONE]', async () => {
    const client = await openAi([{ kind: 'cut-stream', afterChunks: 3 }]);
    const { count, error } = await collect(await chatStream(client));
    expect(count).toBe(3);
    expect(error).toBeInstanceOf(Error);
    expect(server!.requests[0]?.faults).toEqual(['cut-stream']);
    // Stream faults leave whole answers alone.
    await expect(chat(client)).resolves.toBeDefined();
  });

  it('cut-stream: the Anthropic stream helper rejects', async () => {
    const client = await anthropic([{ kind: 'cut-stream', afterChunks: 4, times: 1 }]);
    await expect(messageStream(client).finalMessage()).rejects.toThrow();
    await expect(messageStream(client).finalMessage()).resolves.toMatchObject({ stop_reason: 'end_turn' });
  });

  it('slow-stream: chunks arrive at least the delay apart', async () => {
    const client = await openAi([{ kind: 'slow-stream', chunkDelayMs: 25 }]);
    const arrivals: number[] = [];
    let text = '';
    for await (const chunk of await chatStream(client)) {
      arrivals.push(performance.now());
      text += chunk.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe(LONG);
    expect(arrivals.length).toBeGreaterThan(5);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(25 * (arrivals.length - 1) * 0.9);
  });
});

describe('drop-connection faults', () => {
  it('both SDKs see a connection error, and the log has no status', async () => {
    const client = await openAi([{ kind: 'drop-connection', times: 2 }]);
    await expect(chat(client)).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
    const other = new Anthropic({ baseURL: server!.origin, apiKey: 'test', maxRetries: 0 });
    await expect(message(other)).rejects.toBeInstanceOf(Anthropic.APIConnectionError);
    expect(server!.requests.map((request) => [request.status, request.faults])).toEqual([
      [null, ['drop-connection']],
      [null, ['drop-connection']],
    ]);
    await expect(chat(client)).resolves.toBeDefined();
  });
});
