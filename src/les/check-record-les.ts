// Checks a LoopNet record's recorded LES against LES 1.0: the canonical weighting of its own categories.
import type { LoopNetRecord } from '../loopnet/loopnet-record.js';
import { lesDisplay, weightedLes } from './les-composite.js';
import {
  LES_CATEGORIES,
  LES_WEIGHTS,
  LOOPGYM_0_1_4_EXPORT_WEIGHTS,
  type LesCategoryValues,
} from './les-weights.js';

/**
 * The default tolerance between a recorded composite and the recomputed one. Records store the composite and each
 * category rounded to 4 decimals: category rounding moves the weighted sum by at most `Σw × 0.00005 = 0.00005`, the
 * composite's own rounding by at most 0.00005, so a faithful record is within 0.0001 (plus float noise).
 *
 * @example
 * ```ts
 * checkRecordLes(record, RECORD_LES_TOLERANCE).canonical;
 * ```
 */
export const RECORD_LES_TOLERANCE = 0.0001 + 1e-9;

/**
 * Weight sets a record's LES is compared with, canonical first.
 *
 * @example
 * ```ts
 * Object.keys(KNOWN_LES_WEIGHTS); // ['les-1.0', 'loopgym-0.1.4-export']
 * ```
 */
export const KNOWN_LES_WEIGHTS: Readonly<Record<string, LesCategoryValues>> = Object.freeze({
  'les-1.0': LES_WEIGHTS,
  'loopgym-0.1.4-export': LOOPGYM_0_1_4_EXPORT_WEIGHTS,
});

/** What {@link checkRecordLes} found. */
export interface RecordLesCheck {
  recordId: string;
  /** `les_observed.les_normalized`. */
  recorded: number;
  /** The canonical LES 1.0 weighting of the record's own eight categories. */
  recomputed: number;
  /** `|recorded − recomputed|`. */
  difference: number;
  /** Whether the recorded value is the canonical weighting (within the tolerance). */
  canonical: boolean;
  /** The known weight set ({@link KNOWN_LES_WEIGHTS}) the recorded value matches, if any. */
  matchingWeights: string | undefined;
  /** `|les_display − round(les_normalized × 100, 1)|`, when the record has a display value. */
  displayDifference: number | undefined;
  /** Why the record's LES is not LES 1.0 (empty when it is). */
  problems: string[];
  /** Remarks that do not change the score (e.g. a `partial` flag with all eight categories weighted). */
  notes: string[];
}

/**
 * Recomputes a record's `les_observed` from its own category scores with the canonical LES 1.0 weights and flags a
 * record whose recorded composite is something else, naming the weights it matches instead (e.g. LoopGym 0.1.4's
 * export weights) — such a record is not LES 1.0 even though it pins `les@1.0.0`. Also checks `les_display`
 * (within 0.05 + rounding noise: the display is rounded to one decimal).
 *
 * @example
 * ```ts
 * const check = checkRecordLes(record);
 * if (!check.canonical) console.warn(check.problems.join('\n'));
 * ```
 */
export function checkRecordLes(record: LoopNetRecord, tolerance = RECORD_LES_TOLERANCE): RecordLesCheck {
  const les = record.les_observed;
  const recomputed = weightedLes(les.categories, LES_WEIGHTS);
  const difference = Math.abs(recomputed - les.les_normalized);
  const canonical = difference <= tolerance;
  let matchingWeights: string | undefined;
  for (const [name, weights] of Object.entries(KNOWN_LES_WEIGHTS)) {
    if (Math.abs(weightedLes(les.categories, weights) - les.les_normalized) <= tolerance) {
      matchingWeights = name;
      break;
    }
  }
  const problems: string[] = [];
  if (!canonical) {
    problems.push(
      `les_observed.les_normalized ${les.les_normalized} is not the LES 1.0 weighting of the record's categories ` +
        `(${recomputed.toFixed(6)}, off by ${difference.toFixed(6)})` +
        (matchingWeights === undefined
          ? '; it matches no known weight set.'
          : `; it matches the ${matchingWeights} weights (${describeWeights(KNOWN_LES_WEIGHTS[matchingWeights]!)}).`),
    );
  }
  let displayDifference: number | undefined;
  if (les.les_display !== undefined) {
    displayDifference = Math.abs(les.les_display - les.les_normalized * 100);
    if (displayDifference > 0.05 + 1e-9) {
      problems.push(
        `les_observed.les_display ${les.les_display} is not les_normalized × 100 rounded to one decimal (${lesDisplay(les.les_normalized)}).`,
      );
    }
  }
  const notes: string[] = [];
  if (les.partial === true) {
    notes.push(
      'les_observed.partial is true although all eight categories are scored and weighted; LES 1.0 §5 reserves ' +
        '"partial" for a score over fewer categories (LoopNet v0.1 sets it for runs that stopped before their ' +
        'budget without success).',
    );
  }
  return {
    recordId: record.record_id,
    recorded: les.les_normalized,
    recomputed,
    difference,
    canonical,
    matchingWeights,
    displayDifference,
    problems,
    notes,
  };
}

function describeWeights(weights: LesCategoryValues): string {
  return LES_CATEGORIES.map((category) => `${category} ${weights[category]}`).join(', ');
}
