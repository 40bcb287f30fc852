import { InvalidArgumentError } from '../core/errors.js';
import type { EnvMetadata, RenderMode } from '../core/env.js';
import type { AutoresetMode } from '../core/vector-env.js';
import { checkAutoresetMode } from './autoreset-mode.js';

/** Options every natively batched vector environment accepts. */
export interface BatchedVectorEnvOptions {
  /** When finished sub-environments reset (default `next-step`). */
  autoresetMode?: AutoresetMode | undefined;
  /** Steps after which a sub-environment's episode is truncated (Gymnasium's `TimeLimit`); none when omitted. */
  maxEpisodeSteps?: number | undefined;
  /**
   * Return fresh arrays from `reset`/`step` (default true). With false, the returned observations, rewards and
   * flags are internal buffers that the next call overwrites: no allocation per step, for hot training loops.
   */
  copy?: boolean | undefined;
  /** How `render()` renders each sub-environment. */
  renderMode?: RenderMode | undefined;
}

/**
 * The checked settings of a batched vector environment: its autoreset mode, step limit and render mode.
 *
 * @example
 * ```ts
 * readBatchedOptions(4, { renderModes: ['ansi'] }, { maxEpisodeSteps: 500 }); // {mode: 'next-step', limit: 500, ...}
 * ```
 */
export function readBatchedOptions(
  numEnvs: number,
  metadata: EnvMetadata,
  options: BatchedVectorEnvOptions,
): { mode: AutoresetMode; limit: number | undefined; renderMode: RenderMode | undefined } {
  if (!Number.isSafeInteger(numEnvs) || numEnvs < 1) {
    throw new InvalidArgumentError(`numEnvs must be a positive integer, got ${numEnvs}.`);
  }
  const mode = checkAutoresetMode(options.autoresetMode);
  const limit = options.maxEpisodeSteps;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit > 0)) {
    throw new InvalidArgumentError(`maxEpisodeSteps must be a positive integer, got ${limit}.`);
  }
  const renderMode = options.renderMode;
  if (renderMode !== undefined && !metadata.renderModes.includes(renderMode)) {
    throw new InvalidArgumentError(
      `Render mode ${JSON.stringify(renderMode)} is not supported; supported: ${metadata.renderModes.join(', ')}.`,
    );
  }
  return { mode, limit, renderMode };
}
