import { describe, expect, it } from 'vitest';
import { ScriptedLanguageModel } from '../testing/scripted-language-model.js';
import { MissingApiKeyError, UnknownProviderError } from './model-errors.js';
import { createModel, parseModelId, providerNames, registerProvider } from './provider-registry.js';
import { AnthropicMessagesModel } from './providers/anthropic-provider.js';
import { OpenAIChatModel } from './providers/openai-provider.js';

describe('provider registry', () => {
  it('parses provider:model at the first colon', () => {
    expect(parseModelId('openai:gpt-4.1-mini')).toEqual({ provider: 'openai', modelName: 'gpt-4.1-mini' });
    expect(parseModelId('openai:llama3.1:8b')).toEqual({ provider: 'openai', modelName: 'llama3.1:8b' });
    expect(parseModelId('OpenAI:x')).toEqual({ provider: 'openai', modelName: 'x' });
    for (const bad of ['gpt-4.1', ':x', 'openai:', '']) {
      expect(() => parseModelId(bad)).toThrow(UnknownProviderError);
    }
    expect(() => parseModelId('gpt-4.1')).toThrow(/write `provider:model`/);
  });

  it('makes the built-in providers, with options', () => {
    const openai = createModel('openai:gpt-4.1-mini', {
      apiKey: 'k',
      baseURL: 'http://localhost:1/v1',
      env: {},
    });
    expect(openai).toBeInstanceOf(OpenAIChatModel);
    expect(openai).toMatchObject({
      provider: 'openai',
      modelName: 'gpt-4.1-mini',
      baseURL: 'http://localhost:1/v1',
    });
    const anthropic = createModel('anthropic:claude-sonnet-4-20250514', { apiKey: 'k', env: {} });
    expect(anthropic).toBeInstanceOf(AnthropicMessagesModel);
    expect(providerNames()).toEqual(expect.arrayContaining(['anthropic', 'openai']));
  });

  it('never falls back when a key is missing', () => {
    expect(() => createModel('openai:gpt-4.1-mini', { env: {} })).toThrow(MissingApiKeyError);
    expect(() => createModel('anthropic:claude-x', { env: {} })).toThrow(
      /Set ANTHROPIC_API_KEY or pass apiKey/,
    );
  });

  it('suggests the closest provider for an unknown one', () => {
    const error = (() => {
      try {
        createModel('opena:gpt-4.1');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UnknownProviderError);
    expect((error as UnknownProviderError).suggestions).toEqual(['openai']);
    expect((error as Error).message).toContain('Did you mean `openai`?');
    expect(() => createModel('zzzzzz:x')).toThrow(/Registered providers: .*openai/);
  });

  it('registers providers, refusing malformed names', () => {
    registerProvider('scripted-test', (modelName) => new ScriptedLanguageModel(['hi'], { modelName }));
    expect(createModel('scripted-test:m').modelName).toBe('m');
    expect(() => registerProvider('Bad Name', () => new ScriptedLanguageModel([]))).toThrow(
      UnknownProviderError,
    );
  });
});
