// The LES composite (§3): the weighted sum of the category scores, renormalized over the categories present.
import { InvalidArgumentError } from '../core/errors.js';
import {
  clampUnit,
  LES_CATEGORIES,
  LES_WEIGHTS,
  type LesCategory,
  type LesCategoryValues,
  type PartialLesCategoryValues,
} from './les-weights.js';

/** A composite LES and how it was formed. */
export interface LesComposite {
  /** The composite on [0, 1] (full precision; round for reports). */
  normalized: number;
  /** `round(normalized × 100, 1)`. */
  display: number;
  /** True when fewer than eight categories took part (§5: "LES-1.0 (partial, n categories)"). */
  partial: boolean;
  /** The categories that took part. */
  categoriesUsed: LesCategory[];
  /** The weight each used category had after renormalization (sums to 1). */
  effectiveWeights: Partial<Record<LesCategory, number>>;
}

/**
 * The display form of a normalized LES: `round(normalized × 100, 1)`, rounding the binary value of the product as
 * Python's `round` and the LoopNet corpus do (`0.5125 × 100` is 51.2499… and shows as 51.2).
 *
 * @example
 * ```ts
 * lesDisplay(0.8235); // 82.3
 * ```
 */
export function lesDisplay(normalized: number): number {
  return Number((normalized * 100).toFixed(1));
}

/**
 * The LES composite: `Σ w_c × N_c` over the eight categories, each score clamped to [0, 1]. A category that is `null`
 * or absent (no data, e.g. no perturbation runs for robustness) is left out and the remaining weights are
 * renormalized to sum to 1, as §5 prescribes for missing perturbation data; the result is then `partial`.
 *
 * @param weights default the canonical {@link LES_WEIGHTS}.
 * @throws {InvalidArgumentError} when no category has a score, or a weight is negative or not finite.
 * @example
 * ```ts
 * lesComposite({ effectiveness: 1, speed: 1, cost: 1, robustness: null, scalability: 1, safety: 1, adaptability: 1, autonomy: 1 });
 * // { normalized: 1, display: 100, partial: true, categoriesUsed: [7 categories], … }
 * ```
 */
export function lesComposite(
  categories: PartialLesCategoryValues,
  weights: LesCategoryValues = LES_WEIGHTS,
): LesComposite {
  const used: LesCategory[] = [];
  let weightSum = 0;
  let sum = 0;
  for (const category of LES_CATEGORIES) {
    const weight = weights[category];
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new InvalidArgumentError(
        `The LES weight of ${category} must be a finite number ≥ 0, got ${weight}.`,
      );
    }
    const score = categories[category];
    if (score === null || score === undefined) continue;
    used.push(category);
    weightSum += weight;
    sum += weight * clampUnit(score);
  }
  if (used.length === 0 || weightSum === 0) {
    throw new InvalidArgumentError(
      'An LES needs at least one category score with a positive weight; none was given.',
    );
  }
  const normalized = clampUnit(sum / weightSum);
  const effectiveWeights: Partial<Record<LesCategory, number>> = {};
  for (const category of used) effectiveWeights[category] = weights[category] / weightSum;
  return {
    normalized,
    display: lesDisplay(normalized),
    partial: used.length < LES_CATEGORIES.length,
    categoriesUsed: used,
    effectiveWeights,
  };
}

/**
 * The plain weighted sum `Σ w_c × N_c` over all eight categories (no renormalization), as a record stores it.
 *
 * @example
 * ```ts
 * weightedLes(record.les_observed.categories); // 0.564507 for the corpus's first record
 * ```
 */
export function weightedLes(categories: LesCategoryValues, weights: LesCategoryValues = LES_WEIGHTS): number {
  let sum = 0;
  for (const category of LES_CATEGORIES) sum += weights[category] * clampUnit(categories[category]);
  return sum;
}
