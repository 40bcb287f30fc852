// A backend decides who answers a loop's model calls; the engine does everything else.
import type { ModelBinding } from '../lss/compile/loop-program.js';
import type { LanguageModel } from '../models/language-model.js';

/** Who is calling a model: a worker, or the judge of a rubric evaluator. */
export interface ModelCaller {
  kind: 'worker' | 'judge';
  /** The worker or evaluator id. */
  id: string;
}

/**
 * The backend of a loop environment: `sim` (simulated models), `live` (real providers), `replay` (recorded
 * answers). It maps each model binding of the spec to a {@link LanguageModel}; everything else (prompts, graders,
 * safety, costs, termination) is the engine's and the same in every backend.
 *
 * @example
 * ```ts
 * const backend: LoopBackend = { name: 'sim', model: (binding, caller) => simModels.forCaller(binding, caller) };
 * ```
 */
export interface LoopBackend {
  readonly name: string;
  model(binding: ModelBinding, caller: ModelCaller): LanguageModel;
  /**
   * `true` when every model of this backend answers within the call, without I/O or timers (its promise settles
   * before any timer could fire), as simulated models do. The engine then arms no wall-clock timeout for a worker
   * without tools: such a timeout could never fire. The latency the model reports is still held against the
   * worker's `timeout_seconds`. Default `false`.
   */
  readonly answersAtOnce?: boolean | undefined;
}
