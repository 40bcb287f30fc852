// Model ids `provider:model` → models, through a registry of provider factories.
import { closestMatches } from '../registry/closest-matches.js';
import type { LanguageModel } from './language-model.js';
import { UnknownProviderError } from './model-errors.js';
import { createAnthropicModel, type AnthropicProviderOptions } from './providers/anthropic-provider.js';
import { createOpenAIModel, type OpenAIProviderOptions } from './providers/openai-provider.js';

/** Options passed to a provider's factory (each provider reads what it knows: `apiKey`, `baseURL`, …). */
export type ProviderOptions = OpenAIProviderOptions &
  AnthropicProviderOptions &
  Readonly<Record<string, unknown>>;

/** Makes a model of a provider from its name within the provider (`gpt-4.1-mini`) and options. */
export type ProviderFactory = (modelName: string, options: ProviderOptions) => LanguageModel;

const factories = new Map<string, ProviderFactory>();

/**
 * Registers (or replaces) a provider. Names are lower-case letters, digits, `-` and `_`.
 *
 * @example
 * ```ts
 * registerProvider('sim', (name) => new SimLanguageModel(name));
 * ```
 */
export function registerProvider(name: string, factory: ProviderFactory): void {
  if (!/^[a-z][a-z0-9_-]*$/.test(name)) {
    throw new UnknownProviderError(
      name,
      `Invalid provider name \`${name}\`: use lower-case letters, digits, - and _, starting with a letter.`,
    );
  }
  factories.set(name, factory);
}

/**
 * The names of the registered providers, sorted.
 *
 * @example
 * ```ts
 * providerNames(); // ['anthropic', 'openai', 'sim']
 * ```
 */
export function providerNames(): string[] {
  return [...factories.keys()].sort();
}

/** A model id split into its provider and the model's name within it. */
export interface ParsedModelId {
  provider: string;
  modelName: string;
}

/**
 * Splits `provider:model` at the first colon (model names may contain colons, e.g. Ollama's `llama3.1:8b`).
 *
 * @example
 * ```ts
 * parseModelId('openai:llama3.1:8b'); // { provider: 'openai', modelName: 'llama3.1:8b' }
 * ```
 */
export function parseModelId(modelId: string): ParsedModelId {
  const colon = modelId.indexOf(':');
  const provider = colon < 0 ? '' : modelId.slice(0, colon).trim();
  const modelName = colon < 0 ? '' : modelId.slice(colon + 1).trim();
  if (provider === '' || modelName === '') {
    throw new UnknownProviderError(
      modelId,
      `Invalid model id \`${modelId}\`: write \`provider:model\`, e.g. \`openai:gpt-4.1-mini\`, ` +
        `\`anthropic:claude-sonnet-4-20250514\` or \`sim:gpt-4.1-mini\` (providers: ${providerNames().join(', ')}).`,
    );
  }
  return { provider: provider.toLowerCase(), modelName };
}

/**
 * The model of a `provider:model` id, made by its provider's factory with `options`. An unknown provider is an
 * {@link UnknownProviderError} that suggests the closest registered names; a provider that needs a key and has none
 * throws {@link MissingApiKeyError} (never a fall back to another provider).
 *
 * @example
 * ```ts
 * const model = createModel('openai:gpt-4.1-mini');
 * const local = createModel('openai:qwen2.5-7b-instruct', { baseURL: 'http://localhost:8000/v1', apiKey: 'local' });
 * ```
 */
export function createModel(modelId: string, options: ProviderOptions = {}): LanguageModel {
  const { provider, modelName } = parseModelId(modelId);
  const factory = factories.get(provider);
  if (factory === undefined) {
    const suggestions = closestMatches(provider, factories.keys());
    const hint =
      suggestions.length > 0
        ? ` Did you mean ${suggestions.map((name) => `\`${name}\``).join(' or ')}?`
        : ` Registered providers: ${providerNames().join(', ')}.`;
    const simHint = factories.has('sim') ? '' : ' (`sim` is registered when the backends are loaded.)';
    throw new UnknownProviderError(
      modelId,
      `No model provider \`${provider}\` for \`${modelId}\`.${hint}${simHint}`,
      suggestions,
    );
  }
  return factory(modelName, options);
}

registerProvider('openai', (modelName, options) => createOpenAIModel(modelName, options));
registerProvider('anthropic', (modelName, options) => createAnthropicModel(modelName, options));
