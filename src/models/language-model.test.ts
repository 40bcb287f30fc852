import { describe, expect, it } from 'vitest';
import {
  resultFromStream,
  streamFromResult,
  type GenerateResult,
  type StreamPart,
} from './language-model.js';

const result: GenerateResult = {
  text: 'Hello, streaming world!',
  toolCalls: [{ id: 'c1', name: 'search', arguments: { query: 'x' } }],
  finishReason: 'tool-calls',
  usage: { inputTokens: 5, outputTokens: 6 },
  latencySeconds: 0.25,
  warnings: ['w'],
  modelId: 'sim:m',
};

describe('streams', () => {
  it('splits a whole answer into deltas, tool calls and a finish part, and collects it back', async () => {
    const parts: StreamPart[] = [];
    for await (const part of streamFromResult(Promise.resolve(result), 8)) parts.push(part);
    expect(parts.map((part) => part.type)).toEqual([
      'text-delta',
      'text-delta',
      'text-delta',
      'tool-call',
      'finish',
    ]);
    expect(await resultFromStream(streamFromResult(Promise.resolve(result), 5))).toEqual(result);
  });

  it('refuses a stream without a finish part', async () => {
    async function* broken(): AsyncGenerator<StreamPart> {
      yield await Promise.resolve({ type: 'text-delta' as const, text: 'cut' });
    }
    await expect(resultFromStream(broken())).rejects.toThrow(/without a finish part/);
  });
});
