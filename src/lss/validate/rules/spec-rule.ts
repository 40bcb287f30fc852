// The contract every semantic rule follows.
import type { PathSegment, SpecProblem } from '../../spec-problem.js';

/** A problem found by a rule, before the validator adds the file, line and column. */
export interface RuleProblem {
  severity: SpecProblem['severity'];
  rule: string;
  message: string;
  path: readonly PathSegment[];
  fix?: string | undefined;
  /** Point at the key of the entry at `path` instead of its value (for misplaced or unknown keys). */
  anchor?: 'key' | 'value' | undefined;
}

/**
 * A semantic rule: a pure function of the whole document (which may be schema-invalid) that never throws.
 *
 * @example
 * ```ts
 * const rule: SpecRule = (document) =>
 *   asRecord(document) === undefined ? [] : [{ severity: 'error', rule: 'demo', message: 'Wrong.', path: [] }];
 * ```
 */
export type SpecRule = (document: unknown) => RuleProblem[];
