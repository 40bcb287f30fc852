// What every evaluator (deterministic, rubric, human) says about an iteration's outputs.

/**
 * An evaluator's judgement of one iteration. `score` is on [0, 1]; `failureCodes` are short stable identifiers
 * (`tests_failing`, `too_long`, `missing_citation`) that feedback channels carry; `remediationHints` say in words what
 * to change.
 *
 * @example
 * ```ts
 * const verdict: EvaluatorVerdict = {
 *   score: 0.5,
 *   passed: false,
 *   failureCodes: ['tests_failing'],
 *   remediationHints: ['test_parse_invalid fails: parse_int("x") should raise ValueError.'],
 *   summary: '1 of 2 tests pass.',
 *   dimensionScores: {},
 *   details: { passed: 1, total: 2 },
 * };
 * ```
 */
export interface EvaluatorVerdict {
  score: number;
  passed: boolean;
  failureCodes: readonly string[];
  remediationHints: readonly string[];
  /** One line saying what was found. */
  summary: string;
  /** Per-dimension scores on [0, 1] (rubric evaluators). */
  dimensionScores: Readonly<Record<string, number>>;
  /** Anything else worth keeping (counts, test names, …); JSON-serializable. */
  details: Readonly<Record<string, unknown>>;
}
