import { describe, expect, it } from 'vitest';
import { startModelServer } from '../../testing/model-server/index.js';
import { resultFromStream } from '../language-model.js';
import { createModelClient } from '../model-client.js';
import { runProviderContract } from './__fixtures__/provider-contract.js';
import { OPENAI_DEFAULT_BASE_URL, OpenAIChatModel } from './openai-provider.js';

runProviderContract({
  name: 'openai',
  path: '/v1/chat/completions',
  keyVariable: 'OPENAI_API_KEY',
  make: (server, modelName, options = {}) =>
    new OpenAIChatModel(modelName, { baseURL: server.url, apiKey: options.apiKey ?? 'test-key', env: {} }),
  makeWithoutKey: () => new OpenAIChatModel('gpt-4.1-mini', { env: { OPENAI_API_KEY: ' ' } }),
});

describe('OpenAIChatModel', () => {
  it('reads the key and base URL from the environment, options first', () => {
    const fromEnv = new OpenAIChatModel('m', {
      env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://localhost:8000/v1/' },
    });
    expect(fromEnv.baseURL).toBe('http://localhost:8000/v1');
    expect(fromEnv.maxTokensField).toBe('max_tokens');
    const fromOptions = new OpenAIChatModel('m', {
      apiKey: 'k',
      baseURL: 'http://other/v1',
      env: { OPENAI_BASE_URL: 'http://localhost:8000/v1' },
    });
    expect(fromOptions.baseURL).toBe('http://other/v1');
    const official = new OpenAIChatModel('m', { env: { OPENAI_API_KEY: 'k' } });
    expect(official.baseURL).toBe(OPENAI_DEFAULT_BASE_URL);
    expect(official.maxTokensField).toBe('max_completion_tokens');
  });

  it('sends what the call asks for in OpenAI’s fields', async () => {
    await using server = await startModelServer();
    const model = new OpenAIChatModel('gpt-4.1-mini', {
      baseURL: server.url,
      apiKey: 'k',
      maxTokensField: 'max_completion_tokens',
      headers: { 'x-title': 'loopgym' },
    });
    await model.doGenerate({
      messages: [{ role: 'user', content: 'Reply in JSON: hi' }],
      temperature: 0,
      topP: 0.9,
      maxTokens: 20,
      seed: 7,
      stopSequences: ['\n\n'],
      responseFormat: { type: 'json' },
    });
    const request = server.requests[0]!;
    expect(request.body).toMatchObject({
      model: 'gpt-4.1-mini',
      temperature: 0,
      top_p: 0.9,
      max_completion_tokens: 20,
      seed: 7,
      stop: ['\n\n'],
      response_format: { type: 'json_object' },
    });
    expect(request.headers['x-title']).toBe('loopgym');
    await model.doGenerate({
      messages: [{ role: 'user', content: 'x' }],
      responseFormat: { type: 'json', schema: { type: 'object' } },
    });
    expect(server.requests[1]!.body).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'response', schema: { type: 'object' } } },
    });
    await resultFromStream(model.doStream({ messages: [{ role: 'user', content: 'x' }] }));
    expect(server.requests[2]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('turns malformed tool arguments into {} and a warning', async () => {
    const badArguments = async (): Promise<Response> =>
      Promise.resolve(
        Response.json({
          id: 'x',
          object: 'chat.completion',
          created: 0,
          model: 'gpt-4.1-mini-2025-04-14',
          choices: [
            {
              index: 0,
              finish_reason: 'tool_calls',
              message: {
                role: 'assistant',
                content: null,
                tool_calls: [{ id: 'c1', type: 'function', function: { name: 'f', arguments: '{"a": ' } }],
              },
            },
          ],
        }),
      );
    const model = new OpenAIChatModel('gpt-4.1-mini', {
      apiKey: 'k',
      baseURL: 'http://x/v1',
      fetch: badArguments,
    });
    const result = await model.doGenerate({ messages: [{ role: 'user', content: 'x' }] });
    expect(result.toolCalls).toEqual([{ id: 'c1', name: 'f', arguments: {} }]);
    expect(result.warnings).toEqual([
      expect.stringContaining('Tool call f: the arguments are not valid JSON'),
      expect.stringContaining('no token usage'),
    ]);
    expect(result.modelId).toBe('openai:gpt-4.1-mini-2025-04-14');
  });

  it.skipIf(process.env['OPENAI_API_KEY'] === undefined)('answers through the real OpenAI API', async () => {
    const client = createModelClient(new OpenAIChatModel(process.env['OPENAI_TEST_MODEL'] ?? 'gpt-4.1-nano'));
    const result = await client.doGenerate({
      messages: [{ role: 'user', content: 'Reply with the single word: pong' }],
      temperature: 0,
      maxTokens: 5,
    });
    expect(result.text.toLowerCase()).toContain('pong');
    expect(client.usage().costUsd).toBeGreaterThan(0);
  });
});
