import { LoopGymError } from '../../core/errors.js';

/**
 * A checkpoint cannot be read: not a LoopGym agent checkpoint, an unknown format version or algorithm, or damaged
 * contents. The message says which and what to do.
 *
 * @example
 * ```ts
 * try { loadLearner(JSON.parse(text)); } catch (error) { if (error instanceof CheckpointError) console.error(error.message); }
 * ```
 */
export class CheckpointError extends LoopGymError {
  /** Where in the checkpoint the problem is (`state.qTable`, `version`, …), when known. */
  readonly path: string | undefined;

  constructor(message: string, options: { path?: string; cause?: unknown } = {}) {
    super(message, { code: 'checkpoint-invalid', cause: options.cause });
    this.path = options.path;
  }
}
