// The model server's wire formats and request validation, over plain fetch.
import { afterEach, describe, expect, it } from 'vitest';
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

/** The data payloads of an SSE body, with their event names. */
function parseSse(text: string): { event: string | undefined; data: string }[] {
  return text
    .split('\n\n')
    .filter((block) => block !== '')
    .map((block) => {
      const lines = block.split('\n');
      return {
        event: lines.find((line) => line.startsWith('event: '))?.slice(7),
        data: lines.find((line) => line.startsWith('data: '))!.slice(6),
      };
    });
}

const chatBody = (extra: Record<string, unknown> = {}) => ({
  model: 'gpt-4.1-mini',
  messages: [{ role: 'user', content: 'Hello, server' }],
  ...extra,
});

describe('POST /v1/chat/completions on the wire', () => {
  it('answers a whole chat.completion', async () => {
    await start();
    const response = await post('/v1/chat/completions', chatBody());
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toMatchObject({
      id: 'chatcmpl-000001',
      object: 'chat.completion',
      model: 'gpt-4.1-mini',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Hello, server' }, finish_reason: 'stop' },
      ],
      usage: { completion_tokens: 4 },
    });
  });

  it('streams data chunks, the usage chunk when asked, then [DONE]', async () => {
    await start();
    const response = await post(
      '/v1/chat/completions',
      chatBody({ stream: true, stream_options: { include_usage: true } }),
    );
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = parseSse(await response.text());
    expect(events.every((event) => event.event === undefined)).toBe(true);
    expect(events.at(-1)?.data).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.data) as Record<string, unknown>);
    expect(chunks[0]).toMatchObject({
      object: 'chat.completion.chunk',
      choices: [{ delta: { role: 'assistant' } }],
    });
    expect(chunks.at(-2)).toMatchObject({ choices: [{ delta: {}, finish_reason: 'stop' }], usage: null });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { completion_tokens: 4 } });
    const withoutUsage = parseSse(
      await (await post('/v1/chat/completions', chatBody({ stream: true }))).text(),
    );
    expect(withoutUsage.some((event) => event.data.includes('"usage"'))).toBe(false);
  });

  it('streams a tool call as its id and name, then argument pieces', async () => {
    await start();
    const tools = [
      {
        type: 'function',
        function: { name: 'search', parameters: { type: 'object', properties: { q: { type: 'string' } } } },
      },
    ];
    const response = await post(
      '/v1/chat/completions',
      chatBody({
        stream: true,
        tools,
        messages: [{ role: 'user', content: 'search for a long query about weather' }],
      }),
    );
    const deltas = parseSse(await response.text())
      .slice(0, -1)
      .map(
        (event) =>
          (JSON.parse(event.data) as { choices: { delta: { tool_calls?: unknown[] } }[] }).choices[0]!.delta,
      )
      .flatMap((delta) => delta.tool_calls ?? []) as {
      index: number;
      id?: string;
      function: { name?: string; arguments: string };
    }[];
    expect(deltas[0]).toMatchObject({
      index: 0,
      type: 'function',
      function: { name: 'search', arguments: '' },
    });
    expect(deltas[0]?.id).toMatch(/^call_/);
    expect(deltas.length).toBeGreaterThan(2);
    expect(
      deltas.slice(1).every((delta) => delta.id === undefined && delta.function.name === undefined),
    ).toBe(true);
    expect(JSON.parse(deltas.map((delta) => delta.function.arguments).join(''))).toEqual({
      q: 'search for a long query about weather',
    });
  });

  it.each([
    ['a body that is not JSON', '{"model":', 'not valid JSON', null],
    ['no messages', { model: 'gpt-4.1' }, 'messages', 'messages'],
    ['empty messages', { model: 'gpt-4.1', messages: [] }, 'messages', 'messages'],
    [
      'an unknown role',
      chatBody({ messages: [{ role: 'robot', content: 'x' }] }),
      'messages.0.role',
      'messages.0.role',
    ],
    ['n=3', chatBody({ n: 3 }), 'n=3 is not supported', 'n'],
    ['temperature 3', chatBody({ temperature: 3 }), 'temperature', 'temperature'],
    [
      'an image part',
      chatBody({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] }),
      'only text content parts',
      'messages.0.content.0.type',
    ],
    [
      'stream_options without stream',
      chatBody({ stream_options: { include_usage: true } }),
      'stream_options',
      'stream_options',
    ],
    [
      'json_object without the word',
      chatBody({ response_format: { type: 'json_object' } }),
      "must contain the word 'json'",
      'messages',
    ],
    [
      'a tool message answering nothing',
      chatBody({ messages: [{ role: 'tool', tool_call_id: 'call_x', content: 'r' }] }),
      'no tool call has the id `call_x`',
      'messages.0.tool_call_id',
    ],
    [
      'tool arguments that are not JSON',
      chatBody({
        messages: [
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{' } }],
          },
        ],
      }),
      'not valid JSON',
      'messages.0.tool_calls.0.function.arguments',
    ],
    [
      'a tool_choice naming no tool',
      chatBody({ tool_choice: { type: 'function', function: { name: 'f' } } }),
      'not among tools',
      'tool_choice',
    ],
    ['required without tools', chatBody({ tool_choice: 'required' }), 'no tools', 'tool_choice'],
  ])('refuses %s with 400 in OpenAI shape', async (_name, body, message, param) => {
    await start();
    const response = await post('/v1/chat/completions', body);
    expect(response.status).toBe(400);
    const error = (
      (await response.json()) as { error: { message: string; type: string; param: string | null } }
    ).error;
    expect(error.message).toContain(message);
    expect(error.type).toBe('invalid_request_error');
    expect(error.param).toBe(param);
  });
});

describe('POST /v1/messages on the wire', () => {
  const messagesBody = (extra: Record<string, unknown> = {}) => ({
    model: 'claude-3-5-haiku',
    max_tokens: 100,
    messages: [{ role: 'user', content: 'Hello, server' }],
    ...extra,
  });

  it('streams named events whose data carries the same type', async () => {
    await start();
    const events = parseSse(await (await post('/v1/messages', messagesBody({ stream: true }))).text());
    expect(events.map((event) => event.event)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    for (const event of events) expect((JSON.parse(event.data) as { type: string }).type).toBe(event.event);
    expect(JSON.parse(events[5]!.data)).toMatchObject({
      delta: { stop_reason: 'end_turn' },
      usage: { output_tokens: 4 },
    });
  });

  it.each([
    ['no max_tokens', { model: 'm', messages: [{ role: 'user', content: 'x' }] }, 'max_tokens is required'],
    ['temperature 1.5', messagesBody({ temperature: 1.5 }), 'temperature'],
    [
      'an image block',
      messagesBody({ messages: [{ role: 'user', content: [{ type: 'image', source: {} }] }] }),
      'only text, tool_use and tool_result',
    ],
    [
      'a system role message',
      messagesBody({ messages: [{ role: 'system', content: 'x' }] }),
      'messages.0.role',
    ],
    [
      'a tool_result answering nothing',
      messagesBody({
        messages: [
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_x', content: 'r' }] },
        ],
      }),
      'no tool_use has the id `toolu_x`',
    ],
    [
      'a tool_use in a user turn',
      messagesBody({
        messages: [{ role: 'user', content: [{ type: 'tool_use', id: 'a', name: 'f', input: {} }] }],
      }),
      'tool_use blocks belong in assistant turns',
    ],
  ])('refuses %s with 400 in Anthropic shape', async (_name, body, message) => {
    await start();
    const response = await post('/v1/messages', body);
    expect(response.status).toBe(400);
    const error = (await response.json()) as { type: string; error: { type: string; message: string } };
    expect(error.type).toBe('error');
    expect(error.error.type).toBe('invalid_request_error');
    expect(error.error.message).toContain(message);
  });
});
