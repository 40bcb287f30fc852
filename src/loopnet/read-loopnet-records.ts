// Streams the records of a LoopNet JSONL corpus, validating each against the official schema.
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { warnOnce } from '../core/warnings.js';
import { JsonlLineSplitter, type JsonlLine } from './jsonl-line-splitter.js';
import {
  CorpusNotFoundError,
  describeProblem,
  RecordLineError,
  type RecordLineProblem,
} from './loopnet-errors.js';
import type { LoopNetRecord } from './loopnet-record.js';
import type { LoopNetSplits } from './loopnet-splits.js';
import { parseRecordLine } from './parse-record-line.js';
import { recordMatcher, type RecordSelection } from './record-selection.js';

/** One record read from a corpus, with where it is. */
export interface LoopNetEntry {
  record: LoopNetRecord;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line in the file. */
  byteOffset: number;
  /** Bytes of the line, without its line break. */
  byteLength: number;
}

/** Options of {@link readLoopNetRecords}. */
export interface ReadLoopNetOptions {
  /** Throw a {@link RecordLineError} at the first bad line instead of reporting and skipping it. Default false. */
  strict?: boolean | undefined;
  /**
   * Receives each bad line (invalid JSON or not a valid record) that is skipped. Default: a LoopGym warning naming
   * the file, line and problem.
   */
  onProblem?: ((problem: RecordLineProblem) => void) | undefined;
  /** Only yield these records (see {@link RecordSelection}); every line is still validated. */
  selection?: RecordSelection | undefined;
  /** The splits file's assignment, for `selection.split`. */
  splits?: LoopNetSplits | undefined;
  /** Bytes read at a time. Default 1 MiB. */
  chunkBytes?: number | undefined;
}

const DEFAULT_CHUNK_BYTES = 1 << 20;

/**
 * Reports a skipped line as a LoopGym warning (the default of `onProblem`).
 *
 * @example
 * ```ts
 * warnRecordProblem(problem); // warning: records.jsonl:12: not JSON (…). The line is skipped.
 * ```
 */
export function warnRecordProblem(problem: RecordLineProblem): void {
  warnOnce(`${problem.file}:${problem.line}: ${describeProblem(problem)} The line is skipped.`);
}

type LineHandler = (line: JsonlLine) => LoopNetEntry | undefined;

function lineHandler(file: string, options: ReadLoopNetOptions): LineHandler {
  const matches =
    options.selection === undefined ? undefined : recordMatcher(options.selection, options.splits);
  const onProblem = options.onProblem ?? warnRecordProblem;
  return (line) => {
    const result = parseRecordLine(file, line);
    if ('problem' in result) {
      if (options.strict === true) throw new RecordLineError(result.problem);
      onProblem(result.problem);
      return undefined;
    }
    if (matches !== undefined && !matches(result.record)) return undefined;
    return {
      record: result.record,
      line: line.lineNumber,
      byteOffset: line.byteOffset,
      byteLength: line.byteLength,
    };
  };
}

/**
 * Reads a LoopNet JSONL corpus record by record, never holding more than one chunk of the file: each line is parsed
 * and validated against the official `ln/record-v1` schema; a bad line is reported (`onProblem`, with its line
 * number) and skipped, or stops the reading under `strict`. Blank lines are skipped silently.
 *
 * @throws {CorpusNotFoundError} when the file cannot be opened.
 * @throws {RecordLineError} at the first bad line, under `strict`.
 * @example
 * ```ts
 * for await (const { record, line } of readLoopNetRecords('records.jsonl', { selection: { split: 'test' } })) {
 *   console.log(line, record.record_id, record.outcome);
 * }
 * ```
 */
export async function* readLoopNetRecords(
  file: string,
  options: ReadLoopNetOptions = {},
): AsyncGenerator<LoopNetEntry> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw new CorpusNotFoundError(file, 'corpus', error);
  });
  try {
    const onLine = lineHandler(file, options);
    const splitter = new JsonlLineSplitter();
    const buffer = Buffer.allocUnsafe(options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null).catch((error: unknown) => {
        // A directory opens but does not read (EISDIR).
        throw new CorpusNotFoundError(file, 'corpus', error);
      });
      if (bytesRead === 0) break;
      for (const line of splitter.push(buffer.subarray(0, bytesRead))) {
        const entry = onLine(line);
        if (entry !== undefined) yield entry;
      }
    }
    for (const line of splitter.end()) {
      const entry = onLine(line);
      if (entry !== undefined) yield entry;
    }
  } finally {
    await handle.close();
  }
}

/**
 * The synchronous form of {@link readLoopNetRecords}, for building indexes where no `await` is possible (an
 * environment's constructor). Same streaming, validation and problem reporting.
 *
 * @throws {CorpusNotFoundError} when the file cannot be opened.
 * @throws {RecordLineError} at the first bad line, under `strict`.
 * @example
 * ```ts
 * const ids = [...readLoopNetRecordsSync('records.jsonl')].map((entry) => entry.record.record_id);
 * ```
 */
export function* readLoopNetRecordsSync(
  file: string,
  options: ReadLoopNetOptions = {},
): Generator<LoopNetEntry> {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch (error) {
    throw new CorpusNotFoundError(file, 'corpus', error);
  }
  try {
    const handle = lineHandler(file, options);
    const splitter = new JsonlLineSplitter();
    const buffer = Buffer.allocUnsafe(options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    for (;;) {
      const bytesRead = readChunk(file, descriptor, buffer);
      if (bytesRead === 0) break;
      for (const line of splitter.push(buffer.subarray(0, bytesRead))) {
        const entry = handle(line);
        if (entry !== undefined) yield entry;
      }
    }
    for (const line of splitter.end()) {
      const entry = handle(line);
      if (entry !== undefined) yield entry;
    }
  } finally {
    closeSync(descriptor);
  }
}

function readChunk(file: string, descriptor: number, buffer: Buffer): number {
  try {
    return readSync(descriptor, buffer, 0, buffer.length, null);
  } catch (error) {
    // A directory opens but does not read (EISDIR).
    throw new CorpusNotFoundError(file, 'corpus', error);
  }
}
