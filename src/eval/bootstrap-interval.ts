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
  /** Resamples drawn (default 1000). */
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
 * depends only on the values, their order and the seed. Each resample costs n draws and a scan of the distinct
 * values (no sorting: the values are sorted once).
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
  const resamples = options.resamples ?? 1000;
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence must be between 0 and 1 (exclusive); got ${confidence}.`);
  }
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a whole number ≥ 1; got ${resamples}.`);
  }
  const n = values.length;
  if (n === 0) return { mean: null, median: null };
  // The distinct values, ascending, and for each sorted position its value's bucket: a resample is counted per
  // bucket, so the median is found by scanning the distinct values only (few, for rewards like 0/1).
  const sorted = Float64Array.from(values).sort();
  const bucketOf = new Uint32Array(n);
  const distinct: number[] = [];
  for (let rank = 0; rank < n; rank++) {
    if (rank === 0 || sorted[rank] !== sorted[rank - 1]) distinct.push(sorted[rank]!);
    bucketOf[rank] = distinct.length - 1;
  }
  const counts = new Uint32Array(distinct.length);
  const means = new Float64Array(resamples);
  const medians = new Float64Array(resamples);
  // Mulberry32 (a small, fast 32-bit generator), inlined in the hot loop below.
  let state = (options.seed ?? 0) >>> 0;
  const lowerRank = Math.floor((n - 1) / 2);
  const upperRank = Math.ceil((n - 1) / 2);
  for (let resample = 0; resample < resamples; resample++) {
    counts.fill(0);
    let sum = 0;
    for (let draw = 0; draw < n; draw++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const rank = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
      sum += sorted[rank]!;
      counts[bucketOf[rank]!]! += 1;
    }
    let seen = 0;
    let lower = NaN;
    let upper = NaN;
    for (let bucket = 0; bucket < distinct.length; bucket++) {
      const count = counts[bucket]!;
      if (seen <= lowerRank && lowerRank < seen + count) lower = distinct[bucket]!;
      if (seen <= upperRank && upperRank < seen + count) {
        upper = distinct[bucket]!;
        break;
      }
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
