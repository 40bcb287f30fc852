import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../core/errors.js';
import { ScriptedLanguageModel } from '../../testing/scripted-language-model.js';
import { createLiveBackend, parseModelOverrides } from './live-backend.js';

const binding = (id: string) => {
  const [provider = '', name = ''] = id.split(':');
  return { provider, name, id, temperature: 0, maxTokens: undefined, topP: undefined };
};

describe('createLiveBackend', () => {
  it('calls the spec’s model unless overridden, for all or per caller, one model object per id', () => {
    const made: string[] = [];
    const backend = createLiveBackend({
      createModel: (id) => {
        made.push(id);
        const [provider = '', modelName = ''] = id.split(':');
        return new ScriptedLanguageModel(['x'], { provider, modelName });
      },
      models: { byCaller: { judge: 'anthropic:claude-sonnet-4-20250514' } },
    });
    expect(backend.model(binding('openai:gpt-4.1-mini'), { kind: 'worker', id: 'writer' }).modelName).toBe(
      'gpt-4.1-mini',
    );
    expect(backend.model(binding('openai:gpt-4.1-mini'), { kind: 'judge', id: 'judge' }).provider).toBe(
      'anthropic',
    );
    backend.model(binding('openai:gpt-4.1-mini'), { kind: 'worker', id: 'editor' });
    expect(made).toEqual(['openai:gpt-4.1-mini', 'anthropic:claude-sonnet-4-20250514']);
    const everything = createLiveBackend({
      createModel: (id) => new ScriptedLanguageModel(['x'], { modelName: id }),
      models: 'openai:o3',
    });
    expect(everything.model(binding('anthropic:x'), { kind: 'worker', id: 'a' }).modelName).toBe('openai:o3');
  });

  it('reads --model and refuses ids that are not provider:model', () => {
    expect(parseModelOverrides('openai:gpt-4.1-mini, judge=anthropic:claude-sonnet-4-20250514')).toEqual({
      default: 'openai:gpt-4.1-mini',
      byCaller: { judge: 'anthropic:claude-sonnet-4-20250514' },
    });
    expect(() => parseModelOverrides('gpt-4.1')).toThrow(InvalidArgumentError);
    expect(() => parseModelOverrides('openai:a,openai:b')).toThrow(/two default models/);
  });
});
