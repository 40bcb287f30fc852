import { InvalidArgumentError } from '../core/errors.js';
import type { VectorResetOptions } from '../core/vector-env.js';

/**
 * The seed of each sub-environment for a vector `reset`, as Gymnasium's vector environments assign them: none →
 * every generator continues; a number `s` → sub-environment `i` gets `s + i`; a list → one seed (or `undefined`) each.
 *
 * @example
 * ```ts
 * seedsFor(10, 3); // [10, 11, 12]
 * ```
 */
export function seedsFor(seed: VectorResetOptions['seed'], numEnvs: number): (number | undefined)[] {
  if (seed === undefined) return new Array<number | undefined>(numEnvs).fill(undefined);
  if (typeof seed === 'number') {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new InvalidArgumentError(`reset: seed must be a non-negative integer, got ${seed}.`);
    }
    return Array.from({ length: numEnvs }, (_, i) => seed + i);
  }
  if (!Array.isArray(seed) || seed.length !== numEnvs) {
    throw new InvalidArgumentError(
      `reset: a list of seeds must have one seed (or undefined) per sub-environment (${numEnvs}), got ${
        Array.isArray(seed) ? seed.length : typeof seed
      }.`,
    );
  }
  const list: readonly (number | null | undefined)[] = seed;
  return list.map((s) => (s === null ? undefined : s));
}

/** What {@link splitResetOptions} returns. */
export interface SplitResetOptions {
  /** One 0/1 flag per sub-environment: which to reset (all when no mask was given). */
  mask: Uint8Array;
  /** Whether a mask was given. */
  masked: boolean;
  /** The options without `resetMask`, as passed to each sub-environment (`undefined` when none were given). */
  options: Record<string, unknown> | undefined;
}

/**
 * Splits a vector `reset`'s options into the reset mask (`resetMask`, or Gymnasium's `reset_mask`) and the options
 * each sub-environment receives. A mask must have one entry per sub-environment and select at least one.
 *
 * @example
 * ```ts
 * splitResetOptions({ resetMask: [true, false], low: -0.1 }, 2); // mask [1, 0], options {low: -0.1}
 * ```
 */
export function splitResetOptions(
  options: VectorResetOptions['options'],
  numEnvs: number,
): SplitResetOptions {
  const mask = new Uint8Array(numEnvs);
  if (options === undefined || !('resetMask' in options || 'reset_mask' in options)) {
    mask.fill(1);
    return { mask, masked: false, options };
  }
  const { resetMask, reset_mask: snakeMask, ...rest } = options as Record<string, unknown>;
  const given = resetMask ?? snakeMask;
  const ok = Array.isArray(given) || (ArrayBuffer.isView(given) && !(given instanceof DataView));
  if (!ok || (given as ArrayLike<unknown>).length !== numEnvs) {
    throw new InvalidArgumentError(
      `reset: options.resetMask must be an array of ${numEnvs} booleans (one per sub-environment).`,
    );
  }
  let any = false;
  const values = given as ArrayLike<unknown>;
  for (let i = 0; i < numEnvs; i++) {
    const value = values[i];
    if (value !== true && value !== false && value !== 0 && value !== 1) {
      throw new InvalidArgumentError(
        `reset: options.resetMask[${i}] must be a boolean (or 0/1), got ${String(value)}.`,
      );
    }
    mask[i] = value === true || value === 1 ? 1 : 0;
    any ||= mask[i] === 1;
  }
  if (!any) {
    throw new InvalidArgumentError(
      'reset: options.resetMask selects no sub-environment; mark at least one true.',
    );
  }
  return { mask, masked: true, options: rest };
}
