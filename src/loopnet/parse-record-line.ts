// One JSONL line to a validated LoopNet record, or the problem with it.
import type { RecordLineProblem } from './loopnet-errors.js';
import type { JsonlLine } from './jsonl-line-splitter.js';
import type { LoopNetRecord } from './loopnet-record.js';
import { validateLoopNetRecord } from './record-schema.js';

/**
 * Parses and validates one line of a corpus.
 *
 * @param validate `false` skips the schema (for lines already validated, e.g. read back through an index).
 * @example
 * ```ts
 * const result = parseRecordLine('records.jsonl', line);
 * if ('problem' in result) console.log(result.problem.line, result.problem.issues);
 * ```
 */
export function parseRecordLine(
  file: string,
  line: JsonlLine,
  validate = true,
): { record: LoopNetRecord } | { problem: RecordLineProblem } {
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (error) {
    return {
      problem: {
        file,
        line: line.lineNumber,
        byteOffset: line.byteOffset,
        kind: 'json',
        issues: [error instanceof Error ? error.message : String(error)],
      },
    };
  }
  if (!validate) return { record: value as LoopNetRecord };
  const result = validateLoopNetRecord(value);
  if (result.valid) return { record: result.record };
  const recordId = (value as { record_id?: unknown } | null)?.record_id;
  return {
    problem: {
      file,
      line: line.lineNumber,
      byteOffset: line.byteOffset,
      kind: 'schema',
      issues: result.issues,
      recordId: typeof recordId === 'string' ? recordId : undefined,
    },
  };
}
