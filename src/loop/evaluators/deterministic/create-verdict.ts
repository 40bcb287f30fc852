// Builds evaluator verdicts that are the same for the same inputs: sorted codes, bounded scores, no empty fields.
import type { EvaluatorVerdict } from '../evaluator-verdict.js';

/**
 * What {@link createVerdict} needs: a score and a summary; everything else defaults to empty.
 *
 * @example
 * ```ts
 * const parts: VerdictParts = { score: 1, summary: 'Within the limit.' };
 * ```
 */
export interface VerdictParts {
  score: number;
  /** Defaults to `score === 1`. */
  passed?: boolean | undefined;
  failureCodes?: readonly string[] | undefined;
  remediationHints?: readonly string[] | undefined;
  summary: string;
  dimensionScores?: Readonly<Record<string, number>> | undefined;
  details?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * The most hints a verdict carries; the rest are counted in the last hint.
 *
 * @example
 * ```ts
 * createVerdict({ score: 0, remediationHints: manyHints, summary: '…' }).remediationHints.length <= MAX_REMEDIATION_HINTS; // true
 * ```
 */
export const MAX_REMEDIATION_HINTS = 10;

/**
 * A verdict from its parts: the score clamped to [0, 1] (`NaN` becomes 0), failure codes de-duplicated and sorted,
 * hints de-duplicated in the order given (callers give them in a stable order) and capped at
 * {@link MAX_REMEDIATION_HINTS}, `passed` defaulting to `score === 1`.
 *
 * @example
 * ```ts
 * createVerdict({ score: 0.5, failureCodes: ['too_long'], remediationHints: ['Cut 40 words.'], summary: '140 words.' });
 * // { score: 0.5, passed: false, failureCodes: ['too_long'], …, dimensionScores: {}, details: {} }
 * ```
 */
export function createVerdict(parts: VerdictParts): EvaluatorVerdict {
  const score = Number.isFinite(parts.score) ? Math.min(1, Math.max(0, parts.score)) : 0;
  const hints = [...new Set(parts.remediationHints ?? [])];
  const remediationHints =
    hints.length > MAX_REMEDIATION_HINTS
      ? [
          ...hints.slice(0, MAX_REMEDIATION_HINTS - 1),
          `…and ${hints.length - MAX_REMEDIATION_HINTS + 1} more problems of the same kind.`,
        ]
      : hints;
  return {
    score,
    passed: parts.passed ?? score === 1,
    failureCodes: [...new Set(parts.failureCodes ?? [])].sort(),
    remediationHints,
    summary: parts.summary,
    dimensionScores: parts.dimensionScores ?? {},
    details: parts.details ?? {},
  };
}
