// The official Anthropic SDK against the local model server: whole messages, streams, tools, stops and usage.
import Anthropic, { type APIError } from '@anthropic-ai/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { startModelServer, type ModelServer } from './start-model-server.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(options: Parameters<typeof startModelServer>[0] = {}): Promise<Anthropic> {
  server = await startModelServer(options);
  return new Anthropic({ baseURL: server.origin, apiKey: 'test', maxRetries: 0 });
}

const weatherTool: Anthropic.Tool = {
  name: 'get_weather',
  description: 'The weather in a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

describe('the Anthropic SDK against the model server', () => {
  it('gets a whole message with usage', async () => {
    const client = await clientFor();
    const message = await client.messages.create({
      model: 'claude-sonnet-4-20250514',
      max_tokens: 256,
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Hello there, model' }],
    });
    expect(message.type).toBe('message');
    expect(message._request_id).toBe('req_000001');
    expect(message.role).toBe('assistant');
    expect(message.content).toEqual([{ type: 'text', text: 'Hello there, model' }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBe(5);
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(server!.requests[0]).toMatchObject({
      path: '/v1/messages',
      model: 'claude-sonnet-4-20250514',
      status: 200,
    });
    // This SDK version sends its key as a bearer token; the server accepts that or x-api-key.
    const headers = server!.requests[0]!.headers;
    expect(headers.authorization ?? headers['x-api-key']).toBe('<redacted>');
    expect(headers['anthropic-version']).toBeDefined();
  });

  it('streams text that the SDK reassembles', async () => {
    const client = await clientFor();
    const content = 'A longer message that will certainly need several stream events to arrive.';
    const stream = client.messages.stream({
      model: 'claude-3-5-haiku',
      max_tokens: 256,
      messages: [{ role: 'user', content }],
    });
    const deltas: string[] = [];
    stream.on('text', (text) => deltas.push(text));
    const message = await stream.finalMessage();
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(content);
    expect(message.content).toEqual([{ type: 'text', text: content }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBe(Math.ceil(content.length / 4));
  });

  it('sees every event type of a raw stream', async () => {
    const client = await clientFor();
    const stream = await client.messages.create({
      model: 'claude-3-5-haiku',
      max_tokens: 256,
      messages: [{ role: 'user', content: 'Use get_weather for Paris' }],
      tools: [weatherTool],
      stream: true,
    });
    const types = new Set<string>();
    for await (const event of stream) {
      types.add(event.type === 'content_block_delta' ? `${event.type}:${event.delta.type}` : event.type);
    }
    expect([...types].sort()).toEqual([
      'content_block_delta:input_json_delta',
      'content_block_start',
      'content_block_stop',
      'message_delta',
      'message_start',
      'message_stop',
    ]);
  });

  it('round-trips a tool use, streamed and whole', async () => {
    const client = await clientFor();
    const messages: Anthropic.MessageParam[] = [
      { role: 'user', content: 'What is the weather? Call get_weather.' },
    ];
    const first = await client.messages
      .stream({ model: 'claude-opus-4', max_tokens: 256, messages, tools: [weatherTool] })
      .finalMessage();
    expect(first.stop_reason).toBe('tool_use');
    const use = first.content.find((block) => block.type === 'tool_use');
    expect(use).toMatchObject({
      type: 'tool_use',
      name: 'get_weather',
      input: { city: 'What is the weather? Call get_weather.' },
    });
    messages.push(
      { role: 'assistant', content: first.content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: use!.id, content: 'Sunny, 24 °C' }] },
    );
    const second = await client.messages.create({
      model: 'claude-opus-4',
      max_tokens: 256,
      messages,
      tools: [weatherTool],
    });
    expect(second.content).toEqual([{ type: 'text', text: 'Sunny, 24 °C' }]);
    expect(second.stop_reason).toBe('end_turn');
  });

  it('forces a tool with tool_choice any or tool', async () => {
    const client = await clientFor();
    for (const toolChoice of [{ type: 'any' }, { type: 'tool', name: 'get_weather' }] as const) {
      const message = await client.messages.create({
        model: 'claude-opus-4',
        max_tokens: 64,
        messages: [{ role: 'user', content: 'Tell me something' }],
        tools: [weatherTool],
        tool_choice: toolChoice,
      });
      expect(message.content[0]).toMatchObject({ type: 'tool_use', name: 'get_weather' });
    }
  });

  it('stops at stop sequences (stop_sequence) and at max_tokens', async () => {
    const client = await clientFor();
    const content = 'one two three four five six seven eight nine ten eleven twelve';
    const stopped = await client.messages.create({
      model: 'claude-3-5-haiku',
      max_tokens: 256,
      messages: [{ role: 'user', content }],
      stop_sequences: [' three'],
    });
    expect(stopped.content).toEqual([{ type: 'text', text: 'one two' }]);
    expect(stopped.stop_reason).toBe('stop_sequence');
    expect(stopped.stop_sequence).toBe(' three');
    const short = await client.messages
      .stream({ model: 'claude-3-5-haiku', max_tokens: 2, messages: [{ role: 'user', content }] })
      .finalMessage();
    expect(short.stop_reason).toBe('max_tokens');
    expect(short.usage.output_tokens).toBe(2);
  });

  it('answers with a value of the output_config JSON schema', async () => {
    const client = await clientFor();
    const message = await client.messages.create({
      model: 'claude-sonnet-4-20250514',
      max_tokens: 256,
      messages: [{ role: 'user', content: 'Rate it' }],
      output_config: {
        format: {
          type: 'json_schema',
          schema: {
            type: 'object',
            properties: { score: { type: 'integer', minimum: 3 } },
            required: ['score'],
          },
        },
      },
    });
    const block = message.content[0];
    expect(block?.type).toBe('text');
    expect(JSON.parse(block?.type === 'text' ? block.text : '')).toEqual({ score: 3 });
  });

  it('lists models in the Anthropic shape', async () => {
    const client = await clientFor();
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('claude-sonnet-4-20250514');
    expect(ids).toContain('gpt-4.1-mini');
  });

  it('refuses a wrong API key with an authentication_error', async () => {
    server = await startModelServer({ apiKey: 'right' });
    const wrong = new Anthropic({ baseURL: server.origin, apiKey: 'wrong', maxRetries: 0 });
    const request = {
      model: 'claude-3-5-haiku',
      max_tokens: 16,
      messages: [{ role: 'user' as const, content: 'Hi' }],
    };
    const error: unknown = await wrong.messages.create(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((error as APIError).error).toMatchObject({ error: { type: 'authentication_error' } });
    const right = new Anthropic({ baseURL: server.origin, apiKey: 'right', maxRetries: 0 });
    await expect(right.messages.create(request)).resolves.toMatchObject({ type: 'message' });
  });

  it('refuses a request without max_tokens with an invalid_request_error', async () => {
    const client = await clientFor();
    const error: unknown = await client.messages
      .create({
        model: 'claude-3-5-haiku',
        messages: [{ role: 'user', content: 'x' }],
      } as unknown as Anthropic.MessageCreateParamsNonStreaming)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as APIError).error).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    });
    expect((error as APIError).message).toContain('max_tokens');
  });
});
