// P4 `model_downgrade`: workers answer with a weaker model than their spec names.
import { z } from 'zod';
import { stringList } from './string-list.js';
import type { ModelBinding } from '../../lss/compile/loop-program.js';
import { mapBackendModels } from './map-backend-models.js';
import type { PerturbationDefinition } from './perturbation.js';

/** The next weaker model of each known model (by name, longest prefix first). */
export const WEAKER_MODELS: Readonly<Record<string, string>> = Object.freeze({
  'gpt-4.1-mini': 'gpt-4.1-nano',
  'gpt-4.1-nano': 'gpt-4.1-nano',
  'gpt-4.1': 'gpt-4.1-mini',
  'gpt-4o-mini': 'gpt-4.1-nano',
  'gpt-4o': 'gpt-4o-mini',
  'claude-opus-4': 'claude-sonnet-4-20250514',
  'claude-sonnet-4': 'claude-3-5-haiku',
  'claude-3-5-haiku': 'claude-3-5-haiku',
});

/**
 * The weaker model for a model name: from {@link WEAKER_MODELS} (the longest known name it starts with), else
 * `claude-3-5-haiku` for Anthropic and `gpt-4.1-nano` for any other provider.
 *
 * @example
 * ```ts
 * weakerModel('openai', 'gpt-4.1-mini'); // 'gpt-4.1-nano'
 * ```
 */
export function weakerModel(provider: string, name: string): string {
  const known = Object.keys(WEAKER_MODELS)
    .filter((candidate) => name.startsWith(candidate))
    .sort((a, b) => b.length - a.length)[0];
  if (known !== undefined) return WEAKER_MODELS[known]!;
  return provider === 'anthropic' ? 'claude-3-5-haiku' : 'gpt-4.1-nano';
}

const parameters = z.strictObject({
  /** The model every downgraded worker uses instead (`name` or `provider:name`); default: the next weaker model. */
  to: z.string().min(1).optional(),
  /** The workers downgraded (default: all). */
  workers: stringList().optional(),
});

/**
 * `model_downgrade` (LoopBench P4): the workers (all, or those listed) call a weaker model than their spec names
 * (`to`, else the next weaker one: `gpt-4.1` → `gpt-4.1-mini` → `gpt-4.1-nano`, `claude-sonnet-4` →
 * `claude-3-5-haiku`, …). Judges keep theirs. In sim, the weaker model's profile is less skilled; live, the weaker
 * model is called. A backend whose `models` override every caller ignores the spec's names and so the downgrade.
 *
 * @example
 * ```ts
 * make('loopbench/research-synthesis-v1', { perturbations: [{ name: 'model_downgrade', to: 'gpt-4o-mini' }] });
 * ```
 */
export const modelDowngrade: PerturbationDefinition<z.infer<typeof parameters>> = {
  name: 'model_downgrade',
  description: 'Workers call a weaker model than their spec names.',
  parameters,
  apply(episode, { to, workers }) {
    const swapped: Record<string, string> = {};
    const bindings = new Map<string, ModelBinding>();
    for (const worker of episode.program.workers) {
      if (workers !== undefined && !workers.includes(worker.id)) continue;
      const { provider, name } = worker.model;
      const target = to ?? weakerModel(provider, name);
      const colon = target.indexOf(':');
      const binding: ModelBinding =
        colon === -1
          ? { ...worker.model, name: target, id: `${provider}:${target}` }
          : {
              ...worker.model,
              provider: target.slice(0, colon),
              name: target.slice(colon + 1),
              id: target,
            };
      bindings.set(worker.id, binding);
      swapped[worker.id] = `${worker.model.id} → ${binding.id}`;
    }
    episode.backend = mapBackendModels(episode.backend, {
      binding: (binding, caller) =>
        caller.kind === 'worker' ? (bindings.get(caller.id) ?? binding) : binding,
    });
    return { workers: swapped };
  },
};
