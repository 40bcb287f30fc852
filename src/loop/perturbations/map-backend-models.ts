// Backend wrappers for perturbations: each model the backend hands out, wrapped.
import type { ModelBinding } from '../../lss/compile/loop-program.js';
import {
  streamFromResult,
  type GenerateOptions,
  type GenerateResult,
  type LanguageModel,
  type StreamPart,
} from '../../models/language-model.js';
import type { LoopBackend, ModelCaller } from '../loop-backend.js';
import type { LoopTask } from '../tasks/loop-task.js';

/** How a wrapped model changes a call: the options before it, the result after it. */
export interface ModelCallTransform {
  before?: ((options: GenerateOptions) => GenerateOptions) | undefined;
  after?: ((result: GenerateResult, options: GenerateOptions) => GenerateResult) | undefined;
}

/**
 * A language model whose calls pass through a transform (options in, result out). Streams are the whole answer
 * split into parts.
 *
 * @example
 * ```ts
 * const slow = transformModel(model, { after: (result) => ({ ...result, latencySeconds: result.latencySeconds + 2 }) });
 * ```
 */
export function transformModel(model: LanguageModel, transform: ModelCallTransform): LanguageModel {
  const generate = async (options: GenerateOptions): Promise<GenerateResult> => {
    const changed = transform.before === undefined ? options : transform.before(options);
    const result = await model.doGenerate(changed);
    return transform.after === undefined ? result : transform.after(result, changed);
  };
  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelName: model.modelName,
    doGenerate: generate,
    doStream: (options: GenerateOptions): AsyncIterable<StreamPart> => streamFromResult(generate(options)),
  };
}

/**
 * A backend that answers as `backend` does, with the binding (which model) and the model (how it answers) of each
 * caller changed by `map`. Its name and `answersAtOnce` are the original's.
 *
 * @example
 * ```ts
 * const perturbed = mapBackendModels(backend, { model: (model, caller) => caller.kind === 'worker' ? slow(model) : model });
 * ```
 */
export function mapBackendModels(
  backend: LoopBackend,
  map: {
    binding?: ((binding: ModelBinding, caller: ModelCaller) => ModelBinding) | undefined;
    model?: ((model: LanguageModel, caller: ModelCaller) => LanguageModel) | undefined;
  },
): LoopBackend {
  return {
    name: backend.name,
    answersAtOnce: backend.answersAtOnce,
    model: (binding, caller) => {
      const model = backend.model(map.binding === undefined ? binding : map.binding(binding, caller), caller);
      return map.model === undefined ? model : map.model(model, caller);
    },
  };
}

/**
 * A backend whose workers' calls carry another view of the task (`purpose.context.task`, what simulated models read):
 * `view` gets the call's task and context and returns the task to show, or the same task to leave the call as it is.
 * Judges keep the task as it is. Live models read their prompts and are unaffected.
 *
 * @example
 * ```ts
 * const backend = mapWorkerTaskView(episode.backend, (task) => (task === episode.task ? withoutS1 : task));
 * ```
 */
export function mapWorkerTaskView(
  backend: LoopBackend,
  view: (task: LoopTask, context: Readonly<Record<string, unknown>>) => LoopTask,
): LoopBackend {
  return mapBackendModels(backend, {
    model: (model, caller) =>
      caller.kind !== 'worker'
        ? model
        : transformModel(model, {
            before: (options) => {
              const context = options.purpose?.context;
              const task = context?.task as LoopTask | undefined;
              if (context === undefined || task === undefined) return options;
              const shown = view(task, context);
              return shown === task
                ? options
                : { ...options, purpose: { ...options.purpose!, context: { ...context, task: shown } } };
            },
          }),
  });
}
