// The eight LES 1.0 categories and their canonical weights (les-1.0.md §2 and §3).

/**
 * The LES categories, in the standard's order.
 *
 * @example
 * ```ts
 * for (const category of LES_CATEGORIES) console.log(category, LES_WEIGHTS[category]);
 * ```
 */
export const LES_CATEGORIES = [
  'effectiveness',
  'speed',
  'cost',
  'robustness',
  'scalability',
  'safety',
  'adaptability',
  'autonomy',
] as const;

/** One of the eight LES categories. */
export type LesCategory = (typeof LES_CATEGORIES)[number];

/** A score (or weight) for each category. */
export type LesCategoryValues = Readonly<Record<LesCategory, number>>;

/** Category scores where some may be missing (`null` or absent: no data to compute them). */
export type PartialLesCategoryValues = Readonly<Partial<Record<LesCategory, number | null>>>;

/**
 * The canonical LES 1.0 weights (`les@1.0.0`); they sum to 1.
 *
 * @example
 * ```ts
 * LES_WEIGHTS.effectiveness; // 0.2
 * ```
 */
export const LES_WEIGHTS: LesCategoryValues = Object.freeze({
  effectiveness: 0.2,
  speed: 0.15,
  cost: 0.12,
  robustness: 0.13,
  scalability: 0.1,
  safety: 0.12,
  adaptability: 0.1,
  autonomy: 0.08,
});

/**
 * The weights LoopGym 0.1.4 (the Python reference) used when it exported captured runs to LoopNet — not LES 1.0. The
 * 45 `case_study` records of LoopNet v0.2 were scored with them; kept only to name them when a record is flagged.
 *
 * @example
 * ```ts
 * checkRecordLes(record).matchingWeights; // 'loopgym-0.1.4-export' for a captured v0.2 record
 * ```
 */
export const LOOPGYM_0_1_4_EXPORT_WEIGHTS: LesCategoryValues = Object.freeze({
  effectiveness: 0.25,
  speed: 0.15,
  cost: 0.15,
  robustness: 0.15,
  scalability: 0.1,
  safety: 0.1,
  adaptability: 0.05,
  autonomy: 0.05,
});

/**
 * Clamps to [0, 1] (`NaN` becomes 0).
 *
 * @example
 * ```ts
 * clampUnit(1.3); // 1
 * ```
 */
export function clampUnit(value: number): number {
  return value > 1 ? 1 : value >= 0 ? value : 0;
}

/**
 * The standard's baseline normalization (§1.3): `clamp((x − floor) / (ceiling − floor), 0, 1)`. An infinite `x`
 * (e.g. progress at zero cost) is 1.
 *
 * @example
 * ```ts
 * normalizeToBaselines(0.75, 0.5, 1.0); // 0.5
 * ```
 */
export function normalizeToBaselines(value: number, floor: number, ceiling: number): number {
  if (value === Number.POSITIVE_INFINITY) return 1;
  return clampUnit((value - floor) / (ceiling - floor));
}
