// The problem every reference rule reports: a name that nothing declares, with the closest declared name as the fix.
import { didYouMean } from '../did-you-mean.js';
import type { PathSegment } from '../../spec-problem.js';
import { quoteList } from './document-access.js';
import type { RuleProblem } from './spec-rule.js';

/** What {@link unknownReference} needs to know. */
export interface UnknownReference {
  path: readonly PathSegment[];
  /** The sentence saying what refers to what, e.g. "Evaluator `judge` runs after `writr`, which is not a worker." */
  message: string;
  /** The name that was not found (without its prefix). */
  name: string;
  /** The names that would have been valid. */
  candidates: readonly string[];
  /** Written before a suggested name, e.g. `workers.`. */
  prefix?: string;
  /** What kind of thing the candidates are, for the fix when none is close ("worker"). */
  kind: string;
  severity?: 'error' | 'warning';
  rule?: string;
}

/**
 * A reference problem whose fix names the closest candidate ("Did you mean `workers.writer`?") or, when none is
 * close, lists what is declared.
 *
 * @example
 * ```ts
 * unknownReference({ path: ['evaluators', 0, 'runs_after', 0], message: '…', name: 'writr', candidates: ['writer'], kind: 'worker' });
 * ```
 */
export function unknownReference(reference: UnknownReference): RuleProblem {
  const prefix = reference.prefix ?? '';
  const listed = reference.candidates.slice(0, 12).map((candidate) => `${prefix}${candidate}`);
  const more = reference.candidates.length > listed.length ? ', …' : '';
  const fix =
    didYouMean(reference.name, reference.candidates, prefix) ??
    (reference.candidates.length === 0
      ? `Declare a ${reference.kind} named \`${reference.name}\`, or remove this reference.`
      : `Use a declared ${reference.kind}: ${quoteList(listed, 'or')}${more}.`);
  return {
    severity: reference.severity ?? 'error',
    rule: reference.rule ?? 'reference',
    message: reference.message,
    path: reference.path,
    fix,
  };
}
