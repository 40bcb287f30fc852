// The official OpenAI SDK against the local model server: whole answers, streams, tools, JSON mode and usage.
import OpenAI, { type APIError } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedLanguageModel } from '../scripted-language-model.js';
import { startModelServer, type ModelServer } from './start-model-server.js';

let server: ModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(options: Parameters<typeof startModelServer>[0] = {}): Promise<OpenAI> {
  server = await startModelServer(options);
  return new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: 0 });
}

const weatherTool: OpenAI.Chat.Completions.ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } },
      required: ['city', 'days'],
    },
  },
};

describe('the OpenAI SDK against the model server', () => {
  it('gets a whole answer with usage', async () => {
    const client = await clientFor();
    const completion = await client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello there, model' },
      ],
      temperature: 0.2,
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion._request_id).toBe('req_000001');
    expect(completion.model).toBe('gpt-4.1-mini');
    expect(completion.choices[0]?.message.content).toBe('Hello there, model');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const usage = completion.usage!;
    expect(usage.completion_tokens).toBe(5);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
    expect(server!.requests[0]).toMatchObject({
      path: '/v1/chat/completions',
      model: 'gpt-4.1-mini',
      stream: false,
      status: 200,
    });
    expect(server!.requests[0]!.headers.authorization).toBe('<redacted>');
  });

  it('streams text that the SDK reassembles, with a final usage chunk', async () => {
    const client = await clientFor();
    const content = 'A longer message that will certainly need several stream chunks to arrive.';
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let chunks = 0;
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      chunks += 1;
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(content);
    expect(chunks).toBeGreaterThan(4);
    expect(finish).toBe('stop');
    expect(usage?.completion_tokens).toBe(Math.ceil(content.length / 4));
  });

  it('streams tool calls that the stream helper reassembles', async () => {
    const client = await clientFor();
    const runner = client.chat.completions.stream({
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'Use get_weather for Paris' }],
      tools: [weatherTool],
    });
    const completion = await runner.finalChatCompletion();
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type).toBe('function');
    if (call?.type !== 'function') throw new Error('expected a function call');
    expect(call.function.name).toBe('get_weather');
    expect(JSON.parse(call.function.arguments)).toEqual({ city: 'Use get_weather for Paris', days: 1 });
  });

  it('round-trips a tool call: call, tool result, answer', async () => {
    const client = await clientFor();
    const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
      { role: 'user', content: 'What is the weather? Call get_weather.' },
    ];
    const first = await client.chat.completions.create({ model: 'gpt-4.1', messages, tools: [weatherTool] });
    const assistant = first.choices[0]!.message;
    const call = assistant.tool_calls![0]!;
    messages.push(assistant, { role: 'tool', tool_call_id: call.id, content: 'Sunny, 24 °C' });
    const second = await client.chat.completions.create({ model: 'gpt-4.1', messages, tools: [weatherTool] });
    expect(second.choices[0]?.message.content).toBe('Sunny, 24 °C');
    expect(second.choices[0]?.finish_reason).toBe('stop');
  });

  it('forces a named tool, and calls none with tool_choice none', async () => {
    const client = await clientFor();
    const messages = [{ role: 'user' as const, content: 'Tell me something.' }];
    const forced = await client.chat.completions.create({
      model: 'gpt-4.1',
      messages,
      tools: [weatherTool],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    expect(forced.choices[0]?.message.tool_calls?.[0]).toMatchObject({ function: { name: 'get_weather' } });
    const none = await client.chat.completions.create({
      model: 'gpt-4.1',
      messages: [{ role: 'user', content: 'Call get_weather please' }],
      tools: [weatherTool],
      tool_choice: 'none',
    });
    expect(none.choices[0]?.message.tool_calls).toBeUndefined();
  });

  it('answers JSON in json_object and json_schema modes', async () => {
    const client = await clientFor();
    const object = await client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'Reply in JSON: hello' }],
      response_format: { type: 'json_object' },
    });
    expect(JSON.parse(object.choices[0]!.message.content!)).toEqual({ answer: 'Reply in JSON: hello' });
    const schema = await client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'Rate it' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'rating',
          strict: true,
          schema: {
            type: 'object',
            properties: { score: { type: 'number', minimum: 1 }, verdict: { enum: ['good', 'bad'] } },
            required: ['score', 'verdict'],
            additionalProperties: false,
          },
        },
      },
    });
    expect(JSON.parse(schema.choices[0]!.message.content!)).toEqual({ score: 1, verdict: 'good' });
  });

  it('honours max_completion_tokens (finish length) and stop sequences', async () => {
    const client = await clientFor();
    const content = 'one two three four five six seven eight nine ten eleven twelve';
    const short = await client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content }],
      max_completion_tokens: 3,
    });
    expect(short.choices[0]?.finish_reason).toBe('length');
    expect(short.usage?.completion_tokens).toBe(3);
    expect(content.startsWith(short.choices[0]!.message.content!)).toBe(true);
    const stopped = await client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content }],
      stop: [' four', ' three'],
    });
    expect(stopped.choices[0]?.message.content).toBe('one two');
    expect(stopped.choices[0]?.finish_reason).toBe('stop');
  });

  it('answers with the models the factory gives, and lists models', async () => {
    const client = await clientFor({
      models: (name) => (name === 'scripted' ? new ScriptedLanguageModel(['scripted answer']) : undefined),
      modelNames: ['scripted'],
    });
    const completion = await client.chat.completions.create({
      model: 'scripted',
      messages: [{ role: 'user', content: 'anything' }],
    });
    expect(completion.choices[0]?.message.content).toBe('scripted answer');
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(['scripted']);
    await expect(
      client.chat.completions.create({ model: 'unknown', messages: [{ role: 'user', content: 'x' }] }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a wrong API key with 401 and a bad request with 400', async () => {
    server = await startModelServer({ apiKey: 'right' });
    const wrong = new OpenAI({ baseURL: server.url, apiKey: 'wrong', maxRetries: 0 });
    const messages = [{ role: 'user' as const, content: 'Hi' }];
    const unauthorized: unknown = await wrong.chat.completions
      .create({ model: 'gpt-4.1', messages })
      .catch((caught: unknown) => caught);
    expect(unauthorized).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((unauthorized as APIError).code).toBe('invalid_api_key');
    const right = new OpenAI({ baseURL: server.url, apiKey: 'right', maxRetries: 0 });
    await expect(right.chat.completions.create({ model: 'gpt-4.1', messages })).resolves.toBeDefined();
    const bad: unknown = await right.chat.completions
      .create({ model: 'gpt-4.1', messages, n: 2 })
      .catch((caught: unknown) => caught);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect((bad as APIError).param).toBe('n');
    expect((bad as APIError).message).toContain('n=2 is not supported');
  });

  it('is deterministic: the same request gives the same answer', async () => {
    const client = await clientFor();
    const request = {
      model: 'gpt-4.1-nano',
      messages: [{ role: 'user' as const, content: 'Same\nagain' }],
      seed: 3,
    };
    const first = await client.chat.completions.create(request);
    const second = await client.chat.completions.create(request);
    expect(second.choices).toEqual(first.choices);
    expect(second.usage).toEqual(first.usage);
  });
});
