// Percentile bootstrap confidence intervals of the mean and the median, seeded and deterministic.
import { quantileOfSorted } from './descriptive-statistics.js';

/** A confidence interval. */
export interface ConfidenceInterval {
  low: number;
  high: number;
  /** E.g. 0.95. */
  confidence: number;
}

/** Options of {@link bootstrapIntervals}. */
export interface BootstrapOptions {
  /** Default 0.95. */
  confidence?: number | undefined;
  /** Resamples drawn (default 2000). */
  resamples?: number | undefined;
  /** Seed of the resampling (default 0): the same values and seed always give the same interval. */
  seed?: number | undefined;
}

/** The intervals of {@link bootstrapIntervals}; `null` for no values. */
export interface BootstrapIntervals {
  mean: ConfidenceInterval | null;
  median: ConfidenceInterval | null;
}

/**
 * Percentile bootstrap intervals of the mean and of the median: `resamples` times, n values are drawn with
 * replacement and their mean and median taken; the interval runs between the (1 - confidence)/2 and
 * (1 + confidence)/2 quantiles of those statistics. The draws come from a small seeded generator, so the result
 * depends only on the values, their order and the seed. Each resample costs O(n) (no sorting: the values are sorted
 * once and a resample is counted per rank).
 *
 * @example
 * ```ts
 * const { mean, median } = bootstrapIntervals([0, 1, 1, 0, 1], { seed: 0 });
 * console.log(`mean in [${mean?.low}, ${mean?.high}] (95%)`);
 * ```
 */
export function bootstrapIntervals(
  values: ArrayLike<number>,
  options: BootstrapOptions = {},
): BootstrapIntervals {
  const confidence = options.confidence ?? 0.95;
  const resamples = options.resamples ?? 2000;
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be between 0 and 1 (exclusive); got ${confidence}.`);
  }
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a whole number ≥ 1; got ${resamples}.`);
  }
  const n = values.length;
  if (n === 0) return { mean: null, median: null };
  const sorted = Float64Array.from(values).sort();
  const counts = new Uint32Array(n);
  const means = new Float64Array(resamples);
  const medians = new Float64Array(resamples);
  const next = mulberry32(options.seed ?? 0);
  const lowerRank = Math.floor((n - 1) / 2);
  const upperRank = Math.ceil((n - 1) / 2);
  for (let resample = 0; resample < resamples; resample++) {
    counts.fill(0);
    for (let draw = 0; draw < n; draw++) counts[Math.floor(next() * n)]! += 1;
    let sum = 0;
    let seen = 0;
    let lower = NaN;
    let upper = NaN;
    for (let rank = 0; rank < n; rank++) {
      const count = counts[rank]!;
      if (count === 0) continue;
      sum += count * sorted[rank]!;
      if (seen <= lowerRank && lowerRank < seen + count) lower = sorted[rank]!;
      if (seen <= upperRank && upperRank < seen + count) upper = sorted[rank]!;
      seen += count;
    }
    means[resample] = sum / n;
    medians[resample] = (lower + upper) / 2;
  }
  return { mean: interval(means, confidence), median: interval(medians, confidence) };
}

function interval(statistics: Float64Array, confidence: number): ConfidenceInterval {
  statistics.sort();
  const tail = (1 - confidence) / 2;
  return {
    low: quantileOfSorted(statistics, tail),
    high: quantileOfSorted(statistics, 1 - tail),
    confidence,
  };
}

/** A small, fast 32-bit generator (Mulberry32): uniform numbers in [0, 1) from a seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
