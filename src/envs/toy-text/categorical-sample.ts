import type { Rng } from '../../core/random/rng.js';

/**
 * The running sums of `probabilities`, accumulated left to right in float64 (NumPy's `cumsum`).
 *
 * @example
 * ```ts
 * cumulativeSum([0.25, 0.25, 0.5]); // Float64Array [0.25, 0.5, 1]
 * ```
 */
export function cumulativeSum(probabilities: ArrayLike<number>): Float64Array {
  const sums = new Float64Array(probabilities.length);
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) {
    total += probabilities[i]!;
    sums[i] = total;
  }
  return sums;
}

/**
 * An index drawn from a categorical distribution given by its running sums, as Gymnasium's toy-text
 * `categorical_sample`: one `rng.random()` draw, then the first index whose running sum exceeds it. When none does
 * (the sums fall short of 1 by rounding), index 0 is returned, as NumPy's `argmax` of an all-false array.
 *
 * @example
 * ```ts
 * const sums = cumulativeSum([1 / 3, 1 / 3, 1 / 3]);
 * sampleCumulative(sums, createRng(0)); // 1, as categorical_sample([1/3]*3, np.random.default_rng(0))
 * ```
 */
export function sampleCumulative(sums: ArrayLike<number>, rng: Rng): number {
  const draw = rng.random();
  for (let i = 0; i < sums.length; i++) {
    if (sums[i]! > draw) return i;
  }
  return 0;
}

/**
 * An index drawn from the categorical distribution `probabilities` (Gymnasium's `categorical_sample`).
 *
 * @example
 * ```ts
 * categoricalSample([0.1, 0.8, 0.1], createRng(0)); // 1
 * ```
 */
export function categoricalSample(probabilities: ArrayLike<number>, rng: Rng): number {
  return sampleCumulative(cumulativeSum(probabilities), rng);
}
