import { describe, expect, it } from 'vitest';
import type { GenerateOptions } from '../language-model.js';
import { isCacheable, MemoryResponseCache, responseCacheKey, stableJson } from './response-cache.js';

const identity = { provider: 'openai', modelName: 'gpt-4.1-mini' };
const base: GenerateOptions = {
  messages: [
    { role: 'system', content: 'Be brief.' },
    { role: 'user', content: 'Hello' },
  ],
  temperature: 0,
  tools: [{ name: 'search', description: 'Search', parameters: { type: 'object', properties: { q: {} } } }],
};

describe('response cache keys', () => {
  it('is a sha256 that ignores key order, the signal and the purpose', () => {
    const key = responseCacheKey(identity, base);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const reordered: GenerateOptions = {
      temperature: 0,
      tools: [
        { parameters: { properties: { q: {} }, type: 'object' }, description: 'Search', name: 'search' },
      ],
      messages: base.messages,
    };
    expect(responseCacheKey(identity, reordered)).toBe(key);
    expect(
      responseCacheKey(identity, {
        ...base,
        abortSignal: new AbortController().signal,
        purpose: { kind: 'worker', id: 'w' },
      }),
    ).toBe(key);
  });

  it('changes with the model, the endpoint, the messages and every sampling parameter', () => {
    const key = responseCacheKey(identity, base);
    const variants = [
      responseCacheKey({ ...identity, modelName: 'gpt-4.1' }, base),
      responseCacheKey({ ...identity, provider: 'anthropic' }, base),
      responseCacheKey({ ...identity, baseURL: 'http://localhost:1/v1' }, base),
      responseCacheKey(identity, { ...base, messages: [{ role: 'user', content: 'Hello!' }] }),
      responseCacheKey(identity, { ...base, tools: [] }),
      responseCacheKey(identity, { ...base, temperature: 0.1 }),
      responseCacheKey(identity, { ...base, topP: 0.9 }),
      responseCacheKey(identity, { ...base, maxTokens: 5 }),
      responseCacheKey(identity, { ...base, seed: 1 }),
      responseCacheKey(identity, { ...base, stopSequences: ['\n'] }),
      responseCacheKey(identity, { ...base, responseFormat: { type: 'json' } }),
    ];
    expect(new Set([key, ...variants]).size).toBe(variants.length + 1);
  });

  it('caches at temperature 0 in auto mode, never for sim', () => {
    expect(isCacheable('auto', 'openai', base)).toBe(true);
    expect(isCacheable('auto', 'openai', { ...base, temperature: 0.7 })).toBe(false);
    expect(isCacheable('auto', 'openai', { messages: base.messages })).toBe(false);
    expect(isCacheable('auto', 'sim', base)).toBe(false);
    expect(isCacheable('always', 'sim', { messages: base.messages })).toBe(true);
    expect(isCacheable('never', 'openai', base)).toBe(false);
  });

  it('writes stable JSON', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: 3 }], e: undefined })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });
});

describe('MemoryResponseCache', () => {
  it('forgets the oldest entries beyond its size', () => {
    const cache = new MemoryResponseCache(2);
    const result = {
      text: 't',
      toolCalls: [],
      finishReason: 'stop' as const,
      usage: { inputTokens: 1, outputTokens: 1 },
      latencySeconds: 1,
      warnings: [],
      modelId: 'x:y',
    };
    cache.set('a', result);
    cache.set('b', result);
    cache.set('c', result);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe(result);
  });
});
