import { describe, expect, it } from 'vitest';
import { startModelServer } from '../../testing/model-server/index.js';
import { createModelClient } from '../model-client.js';
import { runProviderContract } from './__fixtures__/provider-contract.js';
import { JSON_INSTRUCTION, toAnthropicRequest } from './anthropic-messages.js';
import { ANTHROPIC_DEFAULT_BASE_URL, AnthropicMessagesModel } from './anthropic-provider.js';

runProviderContract({
  name: 'anthropic',
  path: '/v1/messages',
  keyVariable: 'ANTHROPIC_API_KEY',
  make: (server, modelName, options = {}) =>
    new AnthropicMessagesModel(modelName, {
      baseURL: server.origin,
      apiKey: options.apiKey ?? 'test-key',
      env: {},
    }),
  makeWithoutKey: () => new AnthropicMessagesModel('claude-sonnet-4-20250514', { env: {} }),
});

const settings = { modelName: 'claude-x', defaultMaxTokens: 1024 };

describe('AnthropicMessagesModel', () => {
  it('reads the key and base URL from the environment, options first', () => {
    const fromEnv = new AnthropicMessagesModel('m', {
      env: { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'http://localhost:9000/' },
    });
    expect(fromEnv.baseURL).toBe('http://localhost:9000');
    expect(new AnthropicMessagesModel('m', { apiKey: 'k', env: {} }).baseURL).toBe(
      ANTHROPIC_DEFAULT_BASE_URL,
    );
  });

  it('puts system messages in `system`, merges turns, and sends tool results first in a user turn', () => {
    const { request, warnings } = toAnthropicRequest(
      {
        messages: [
          { role: 'system', content: 'A' },
          { role: 'user', content: 'q' },
          {
            role: 'assistant',
            content: 'let me look',
            toolCalls: [{ id: 't1', name: 'f', arguments: { x: 1 } }],
          },
          { role: 'tool', toolCallId: 't1', name: 'f', content: 'r1' },
          { role: 'user', content: 'and?' },
          { role: 'system', content: 'B' },
        ],
        seed: 3,
        temperature: 1.5,
      },
      settings,
    );
    expect(request.system).toBe('A\n\nB');
    expect(request.max_tokens).toBe(1024);
    expect(request.temperature).toBe(1);
    expect(request.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'q' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'let me look' },
          { type: 'tool_use', id: 't1', name: 'f', input: { x: 1 } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 't1', content: 'r1' },
          { type: 'text', text: 'and?' },
        ],
      },
    ]);
    expect(warnings).toEqual([
      expect.stringContaining('temperature is at most 1'),
      expect.stringContaining('does not support a seed'),
    ]);
  });

  it('asks for JSON in the system prompt without a schema, through structured outputs with one', () => {
    const plain = toAnthropicRequest(
      { messages: [{ role: 'user', content: 'x' }], responseFormat: { type: 'json' } },
      settings,
    );
    expect(plain.request.system).toBe(JSON_INSTRUCTION);
    expect(plain.warnings).toEqual([expect.stringContaining('no JSON mode')]);
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const typed = toAnthropicRequest(
      { messages: [{ role: 'user', content: 'x' }], responseFormat: { type: 'json', schema } },
      settings,
    );
    expect(typed.request.output_config).toEqual({ format: { type: 'json_schema', schema } });
    expect(typed.warnings).toEqual([]);
  });

  it('sends the call’s fields to the server', async () => {
    await using server = await startModelServer();
    const model = new AnthropicMessagesModel('claude-3-5-haiku', {
      baseURL: server.origin,
      apiKey: 'k',
      defaultMaxTokens: 77,
    });
    await model.doGenerate({ messages: [{ role: 'user', content: 'hi' }], stopSequences: ['x'], topP: 0.5 });
    expect(server.requests[0]!.body).toMatchObject({ max_tokens: 77, stop_sequences: ['x'], top_p: 0.5 });
    // The SDK sends the key as x-api-key or (for some base URLs) as a bearer token.
    const headers = server.requests[0]!.headers;
    expect(headers['x-api-key'] ?? headers['authorization']).toBe('<redacted>');
  });

  it.skipIf(process.env['ANTHROPIC_API_KEY'] === undefined)(
    'answers through the real Anthropic API',
    async () => {
      const client = createModelClient(
        new AnthropicMessagesModel(process.env['ANTHROPIC_TEST_MODEL'] ?? 'claude-haiku-4-5'),
      );
      const result = await client.doGenerate({
        messages: [{ role: 'user', content: 'Reply with the single word: pong' }],
        maxTokens: 5,
      });
      expect(result.text.toLowerCase()).toContain('pong');
      expect(client.usage().costUsd).toBeGreaterThan(0);
    },
  );
});
