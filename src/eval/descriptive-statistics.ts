// Means, medians and quantiles of plain numbers, without sorting the caller's array.

/**
 * The arithmetic mean, or `null` for no values.
 *
 * @example
 * ```ts
 * mean([1, 2, 3]); // 2
 * ```
 */
export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index]!;
  return sum / values.length;
}

/**
 * The population standard deviation, or `null` for no values.
 *
 * @example
 * ```ts
 * standardDeviation([1, 3]); // 1
 * ```
 */
export function standardDeviation(values: ArrayLike<number>): number | null {
  const average = mean(values);
  if (average === null) return null;
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += (values[index]! - average) ** 2;
  return Math.sqrt(sum / values.length);
}

/**
 * The q-quantile (0 ≤ q ≤ 1) with linear interpolation between the closest ranks (NumPy's default), or `null` for no
 * values. `quantile(values, 0.5)` is the median.
 *
 * @example
 * ```ts
 * quantile([4, 1, 3, 2], 0.5); // 2.5
 * ```
 */
export function quantile(values: ArrayLike<number>, q: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return quantileOfSorted(sorted, q);
}

/**
 * The median (see {@link quantile}).
 *
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * ```
 */
export function median(values: ArrayLike<number>): number | null {
  return quantile(values, 0.5);
}

/**
 * {@link quantile} of values already sorted ascending.
 *
 * @example
 * ```ts
 * quantileOfSorted(Float64Array.of(1, 2, 3, 4), 0.25); // 1.75
 * ```
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`A quantile is between 0 and 1; got ${q}.`);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const lower = sorted[below]!;
  return lower + (sorted[above]! - lower) * (position - below);
}
