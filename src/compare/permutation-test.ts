// Permutation tests of a difference in mean return: paired (sign flips) and unpaired (relabelling), seeded.
import { createRng } from '../core/random/rng.js';

/** What a permutation test found. */
export interface PermutationTestResult {
  /** `paired permutation (sign-flip)` or `unpaired permutation`. */
  test: string;
  /** Exact (every arrangement enumerated) or Monte Carlo with `resamples` draws. */
  exact: boolean;
  resamples: number;
  /** Mean of b − a (paired: mean of the per-pair differences). */
  difference: number;
  /** Two-sided p-value. */
  pValue: number;
  /** Pairs (paired) or the two sample sizes (unpaired). */
  n: number | [number, number];
}

/** Options of the tests. */
export interface PermutationTestOptions {
  /** Seed of the Monte Carlo draws (default 0). */
  seed?: number | undefined;
  /** Monte Carlo draws (default 10 000). */
  resamples?: number | undefined;
  /** Pairs up to which every sign arrangement is enumerated (default 16: 65 536 arrangements). */
  exactUpTo?: number | undefined;
}

/** Slack for comparing a statistic with the observed one (floating-point sums in another order). */
const TOLERANCE = 1e-9;

/**
 * Paired permutation test: under the null hypothesis each pair's difference is as likely positive as negative, so
 * the p-value is the share of sign arrangements whose |mean| reaches the observed one. Exact up to `exactUpTo`
 * pairs, else Monte Carlo (p = (hits + 1) / (resamples + 1)).
 *
 * @example
 * ```ts
 * pairedPermutationTest([1, 0.5, 2, 1.5, 1]).pValue; // 0.0625: all 5 differences positive
 * ```
 */
export function pairedPermutationTest(
  differences: readonly number[],
  options: PermutationTestOptions = {},
): PermutationTestResult {
  const n = differences.length;
  const observed = Math.abs(sum(differences));
  const base = { test: 'paired permutation (sign-flip)', difference: n === 0 ? 0 : sum(differences) / n, n };
  if (n === 0) return { ...base, exact: true, resamples: 0, pValue: 1 };
  if (n <= (options.exactUpTo ?? 16)) {
    const arrangements = 2 ** n;
    let hits = 0;
    for (let mask = 0; mask < arrangements; mask++) {
      let total = 0;
      for (let i = 0; i < n; i++) total += mask & (1 << i) ? -differences[i]! : differences[i]!;
      if (Math.abs(total) >= observed - TOLERANCE) hits += 1;
    }
    return { ...base, exact: true, resamples: arrangements, pValue: hits / arrangements };
  }
  const resamples = options.resamples ?? 10_000;
  const rng = createRng(options.seed ?? 0);
  let hits = 0;
  for (let r = 0; r < resamples; r++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += rng.random() < 0.5 ? -differences[i]! : differences[i]!;
    if (Math.abs(total) >= observed - TOLERANCE) hits += 1;
  }
  return { ...base, exact: false, resamples, pValue: (hits + 1) / (resamples + 1) };
}

/**
 * Unpaired permutation test of the difference in means: under the null hypothesis the labels are exchangeable, so
 * the p-value is the share of random relabellings (Monte Carlo, seeded) whose |mean(b) − mean(a)| reaches the
 * observed one, p = (hits + 1) / (resamples + 1).
 *
 * @example
 * ```ts
 * unpairedPermutationTest([0, 0, 1, 0], [1, 1, 1, 0], { seed: 0 }).pValue;
 * ```
 */
export function unpairedPermutationTest(
  a: readonly number[],
  b: readonly number[],
  options: PermutationTestOptions = {},
): PermutationTestResult {
  const base = { test: 'unpaired permutation', n: [a.length, b.length] as [number, number] };
  if (a.length === 0 || b.length === 0)
    return { ...base, exact: true, resamples: 0, difference: 0, pValue: 1 };
  const pooled = Float64Array.from([...a, ...b]);
  const total = sum(pooled);
  const observedB = sum(b);
  const statistic = (sumB: number): number => Math.abs(sumB / b.length - (total - sumB) / a.length);
  const observed = statistic(observedB);
  const resamples = options.resamples ?? 10_000;
  const rng = createRng(options.seed ?? 0);
  let hits = 0;
  for (let r = 0; r < resamples; r++) {
    // A partial Fisher-Yates shuffle: the first b.length entries are a uniformly random subset.
    let sumB = 0;
    for (let i = 0; i < b.length; i++) {
      const j = i + rng.integers(pooled.length - i);
      const picked = pooled[j]!;
      pooled[j] = pooled[i]!;
      pooled[i] = picked;
      sumB += picked;
    }
    if (statistic(sumB) >= observed - TOLERANCE) hits += 1;
  }
  return {
    ...base,
    exact: false,
    resamples,
    difference: observedB / b.length - (total - observedB) / a.length,
    pValue: (hits + 1) / (resamples + 1),
  };
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}
