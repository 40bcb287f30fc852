// Which records of a corpus to use: by id, loop name, pattern, split or outcome.
import { InvalidArgumentError } from '../core/errors.js';
import { closestMatches } from '../registry/closest-matches.js';
import type { LoopNetSplits } from './loopnet-splits.js';
import {
  LOOPNET_OUTCOMES,
  LOOPNET_SPLITS,
  PATTERN_SLUGS,
  type LoopNetOutcome,
  type LoopNetRecord,
  type LoopNetSplit,
  type PatternSlug,
} from './loopnet-record.js';

/** One value or any of several. */
export type OneOrMany<T> = T | readonly T[];

/**
 * A selection of records. Every given criterion must hold (and); a criterion with several values holds when any
 * value does (or). An empty selection selects everything.
 *
 * @example
 * ```ts
 * const selection: RecordSelection = { split: 'test', outcome: ['failure', 'partial'], pattern: 'debate-loop' };
 * ```
 */
export interface RecordSelection {
  recordId?: OneOrMany<string> | undefined;
  loopName?: OneOrMany<string> | undefined;
  /** A pattern slug the record lists among its `patterns`. */
  pattern?: OneOrMany<PatternSlug> | undefined;
  /** The split, from the splits file when one is given, else from the record's own `split` field. */
  split?: OneOrMany<LoopNetSplit> | undefined;
  outcome?: OneOrMany<LoopNetOutcome> | undefined;
}

const asList = <T>(value: OneOrMany<T> | undefined): readonly T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T];

function checkValues(name: string, values: readonly string[] | undefined, allowed: readonly string[]): void {
  for (const value of values ?? []) {
    if (allowed.includes(value)) continue;
    const close = closestMatches(value, allowed, 1)[0];
    throw new InvalidArgumentError(
      `Unknown ${name} ${JSON.stringify(value)}` +
        (close === undefined ? '' : `; did you mean \`${close}\`?`) +
        ` Allowed: ${allowed.join(', ')}.`,
    );
  }
}

/**
 * Checks the values of a selection (known patterns, splits and outcomes; non-empty strings), so that a typo is an
 * error rather than an empty selection.
 *
 * @throws {InvalidArgumentError} naming the bad value and the closest allowed one.
 * @example
 * ```ts
 * checkRecordSelection({ outcome: 'sucess' }); // throws: Unknown outcome "sucess"; did you mean `success`?
 * ```
 */
export function checkRecordSelection(selection: RecordSelection): void {
  checkValues('pattern', asList(selection.pattern), PATTERN_SLUGS);
  checkValues('split', asList(selection.split), LOOPNET_SPLITS);
  checkValues('outcome', asList(selection.outcome), LOOPNET_OUTCOMES);
  for (const [name, values] of [
    ['recordId', asList(selection.recordId)],
    ['loopName', asList(selection.loopName)],
  ] as const) {
    if (values?.length === 0 || values?.some((value) => typeof value !== 'string' || value === '')) {
      throw new InvalidArgumentError(`${name} must be a non-empty string or a non-empty list of them.`);
    }
  }
}

/**
 * A predicate for a selection, prepared once (sets for the lists) and then applied to each record.
 *
 * @param splits the corpus's splits file; without it, `split` reads each record's own `split` field. With it, a
 *   record the file does not list is in no split.
 * @example
 * ```ts
 * const matches = recordMatcher({ split: 'test' }, loadLoopNetSplits(DEFAULT_LOOPNET_CORPUS.splits));
 * matches(record); // true when the record is in the test split
 * ```
 */
export function recordMatcher(
  selection: RecordSelection,
  splits?: LoopNetSplits,
): (record: LoopNetRecord) => boolean {
  checkRecordSelection(selection);
  const set = <T>(value: OneOrMany<T> | undefined): ReadonlySet<T> | undefined => {
    const list = asList(value);
    return list === undefined ? undefined : new Set(list);
  };
  const ids = set(selection.recordId);
  const names = set(selection.loopName);
  const patterns = set<string>(selection.pattern);
  const splitSet = set<string>(selection.split);
  const outcomes = set<string>(selection.outcome);
  return (record) =>
    (ids === undefined || ids.has(record.record_id)) &&
    (names === undefined || names.has(record.loop_name)) &&
    (outcomes === undefined || outcomes.has(record.outcome)) &&
    (patterns === undefined || record.patterns.some((pattern) => patterns.has(pattern))) &&
    (splitSet === undefined ||
      splitSet.has((splits === undefined ? record.split : splits.get(record.record_id)) ?? ''));
}

/**
 * Whether a selection selects everything (no criterion given).
 *
 * @example
 * ```ts
 * isEmptySelection({}); // true
 * ```
 */
export function isEmptySelection(selection: RecordSelection): boolean {
  return Object.values(selection).every((value) => value === undefined);
}
