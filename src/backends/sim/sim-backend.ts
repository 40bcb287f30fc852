// The sim backend: every model binding of the spec answered by a simulated model of the same name.
import type { ModelBinding } from '../../lss/compile/loop-program.js';
import type { LoopBackend, ModelCaller } from '../../loop/loop-backend.js';
import { SimLanguageModel, type SimLanguageModelOptions } from './sim-language-model.js';

/**
 * A backend whose models are simulated ({@link SimLanguageModel}): deterministic, free (tokens are counted and priced
 * as the real model's, so budgets behave as they would live), and meaningful (answers come from the task's content).
 *
 * @example
 * ```ts
 * const backend = createSimBackend();
 * backend.model(worker.model, { kind: 'worker', id: worker.id }).modelName; // 'gpt-4.1-mini'
 * ```
 */
export function createSimBackend(options: SimLanguageModelOptions = {}): LoopBackend {
  const models = new Map<string, SimLanguageModel>();
  return {
    name: 'sim',
    // Simulated models answer without waiting on anything: the engine needs no wall-clock timer for them.
    answersAtOnce: true,
    model(binding: ModelBinding, _caller: ModelCaller) {
      let model = models.get(binding.name);
      if (model === undefined) {
        model = new SimLanguageModel(binding.name, options);
        models.set(binding.name, model);
      }
      return model;
    },
  };
}
