// The errors of reading LoopNet corpora: a missing corpus, and a bad line under `strict`.
import { LoopGymError } from '../core/errors.js';

/** One problem with one line of a corpus: where it is and what is wrong. */
export interface RecordLineProblem {
  /** The corpus file. */
  file: string;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's first byte in the file. */
  byteOffset: number;
  /** `json` when the line is not JSON, `schema` when it is JSON but not an `ln/record-v1` record. */
  kind: 'json' | 'schema';
  /** What is wrong, one entry per finding (`/trajectory/0/goal_score: must be <= 1`). */
  issues: readonly string[];
  /** The record's id when the line is JSON with a string `record_id`. */
  recordId?: string | undefined;
}

/**
 * A line of a corpus could not be read as a LoopNet record, under `strict` reading (otherwise the line is reported
 * and skipped). Carries the {@link RecordLineProblem}.
 *
 * @example
 * ```ts
 * try {
 *   for await (const entry of readLoopNetRecords('bad.jsonl', { strict: true })) use(entry);
 * } catch (error) {
 *   if (error instanceof RecordLineError) console.log(error.problem.line, error.problem.issues);
 * }
 * ```
 */
export class RecordLineError extends LoopGymError {
  readonly problem: RecordLineProblem;

  constructor(problem: RecordLineProblem) {
    super(
      `${problem.file}:${problem.line}: ${describeProblem(problem)} ` +
        'Fix the line, or read without `strict` to skip bad lines.',
      { code: 'loopnet-record-invalid' },
    );
    this.problem = problem;
  }
}

/**
 * A corpus (records or splits file) does not exist or cannot be read.
 *
 * @example
 * ```ts
 * make('replay/loopnet-v1', { records: 'missing.jsonl' }); // throws CorpusNotFoundError
 * ```
 */
export class CorpusNotFoundError extends LoopGymError {
  readonly file: string;

  constructor(file: string, what: string, cause?: unknown) {
    super(
      `Cannot read the LoopNet ${what} ${JSON.stringify(file)}: ${reasonOf(cause)}. ` +
        'Check the path (relative paths are resolved from the working directory); leave `records` out to use ' +
        'the LoopNet v0.2 corpus shipped with LoopGym.',
      { cause, code: 'loopnet-corpus-not-found' },
    );
    this.file = file;
  }
}

/**
 * A one-line description of a line problem.
 *
 * @example
 * ```ts
 * describeProblem(problem); // 'not JSON (Unexpected token } in JSON at position 12).'
 * ```
 */
export function describeProblem(problem: RecordLineProblem): string {
  const subject = problem.recordId === undefined ? '' : `record ${problem.recordId} `;
  const shown = problem.issues.slice(0, 5).join('; ');
  const more = problem.issues.length > 5 ? ` (and ${problem.issues.length - 5} more)` : '';
  return problem.kind === 'json'
    ? `not JSON (${shown}).`
    : `${subject}is not a valid ln/record-v1 record: ${shown}${more}.`;
}

function reasonOf(cause: unknown): string {
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return cause instanceof Error ? cause.message : String(cause);
}
