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
