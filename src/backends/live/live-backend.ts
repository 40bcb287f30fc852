// The live backend: each worker and judge calls its model from the spec (or an override) through real providers.
import { InvalidArgumentError } from '../../core/errors.js';
import type { ModelBinding } from '../../lss/compile/loop-program.js';
import type { LoopBackend, ModelCaller } from '../../loop/loop-backend.js';
import type { LanguageModel } from '../../models/language-model.js';

/**
 * Which model answers whom: one model for every caller (`'openai:gpt-4.1-mini'`), or a default and per-caller models
 * by worker or evaluator id. A caller without an override calls the model its spec names.
 */
export type ModelOverrides =
  string | { default?: string | undefined; byCaller?: Readonly<Record<string, string>> };

/** Options of {@link createLiveBackend}. */
export interface LiveBackendOptions {
  /** Builds the model of an id (`provider:model`): a provider behind the facade of retries, limits and cache. */
  createModel: (modelId: string) => LanguageModel;
  /** Models that replace the spec's, for everything or per worker/evaluator. */
  models?: ModelOverrides | undefined;
  /** The backend's name in events (default `live`). */
  name?: string | undefined;
}

/**
 * A backend whose models are real: each worker and judge calls the model its spec names (`model.provider`,
 * `model.name`; the spec's `temperature`, `max_tokens` and `top_p` go with every call), unless `models` overrides it.
 * One model object per id is shared by every caller, so per-provider limits and the cache see all of an episode's calls.
 *
 * @example
 * ```ts
 * const backend = createLiveBackend({ createModel: (id) => createModelClient(createModel(id)), models: { byCaller: { judge: 'openai:gpt-4.1' } } });
 * ```
 */
export function createLiveBackend(options: LiveBackendOptions): LoopBackend {
  const models = new Map<string, LanguageModel>();
  const overrides = normalizeOverrides(options.models);
  return {
    name: options.name ?? 'live',
    model(binding: ModelBinding, caller: ModelCaller): LanguageModel {
      const modelId = overrides.byCaller[caller.id] ?? overrides.default ?? binding.id;
      let model = models.get(modelId);
      if (model === undefined) {
        model = options.createModel(modelId);
        models.set(modelId, model);
      }
      return model;
    },
  };
}

function normalizeOverrides(models: ModelOverrides | undefined): {
  default: string | undefined;
  byCaller: Readonly<Record<string, string>>;
} {
  if (models === undefined) return { default: undefined, byCaller: {} };
  if (typeof models === 'string') return { default: checkId(models), byCaller: {} };
  const byCaller: Record<string, string> = {};
  for (const [caller, id] of Object.entries(models.byCaller ?? {})) byCaller[caller] = checkId(id);
  return { default: models.default === undefined ? undefined : checkId(models.default), byCaller };
}

function checkId(id: string): string {
  if (!/^[\w.-]+:.+$/.test(id)) {
    throw new InvalidArgumentError(
      `A model id is \`provider:model\` (e.g. \`openai:gpt-4.1-mini\`); got \`${id}\`.`,
    );
  }
  return id;
}

/**
 * Reads `--model` as the CLI writes it: `openai:gpt-4.1-mini` (every caller), or comma-separated entries where
 * `caller=provider:model` overrides one worker or evaluator and a bare id is the default.
 *
 * @example
 * ```ts
 * parseModelOverrides('openai:gpt-4.1-mini,quality_rubric=anthropic:claude-sonnet-4-20250514');
 * // { default: 'openai:gpt-4.1-mini', byCaller: { quality_rubric: 'anthropic:claude-sonnet-4-20250514' } }
 * ```
 */
export function parseModelOverrides(text: string): ModelOverrides {
  let fallback: string | undefined;
  const byCaller: Record<string, string> = {};
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const equals = entry.indexOf('=');
    if (equals === -1) {
      if (fallback !== undefined) {
        throw new InvalidArgumentError(
          `--model names two default models (\`${fallback}\` and \`${entry}\`); give one.`,
        );
      }
      fallback = checkId(entry);
    } else {
      byCaller[entry.slice(0, equals).trim()] = checkId(entry.slice(equals + 1).trim());
    }
  }
  return { default: fallback, byCaller };
}
