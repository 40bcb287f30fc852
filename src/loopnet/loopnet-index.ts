// A compact index of a corpus's selected records: byte offsets and ids, so a record is read back on demand.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { InvalidArgumentError } from '../core/errors.js';
import { createRng } from '../core/random/rng.js';
import { CorpusNotFoundError, type RecordLineProblem } from './loopnet-errors.js';
import type { LoopNetRecord } from './loopnet-record.js';
import {
  readLoopNetRecordsSync,
  warnRecordProblem,
  type ReadLoopNetOptions,
} from './read-loopnet-records.js';

/** Record ids are `ln-` and a UUID: always 39 ASCII characters (the schema's `record_id` pattern). */
const ID_BYTES = 39;
/** Problems kept for inspection; the rest are only counted. */
const KEPT_PROBLEMS = 100;

/**
 * The selected records of a corpus as 55 bytes each (offset, length, line, id), built in one streaming pass that
 * validates every line. Records are read back from the file by position ({@link read}), so memory does not grow with
 * the records' size, only with their number.
 *
 * @example
 * ```ts
 * const index = LoopNetIndex.build('records.jsonl', { selection: { outcome: 'failure' } });
 * index.size; // the number of failure records
 * const record = index.read(index.indexOf('ln-df9928af-438d-47da-b7e8-dea98aedcb50'));
 * ```
 */
export class LoopNetIndex {
  readonly file: string;
  /** The first {@link KEPT_PROBLEMS} bad lines found while indexing (all were reported through `onProblem`). */
  readonly problems: readonly RecordLineProblem[];
  /** How many lines were bad. */
  readonly problemCount: number;
  /** Bytes of the file when it was indexed. */
  readonly bytes: number;
  private readonly offsets: Float64Array;
  private readonly lengths: Uint32Array;
  private readonly lines: Uint32Array;
  private readonly ids: Buffer;
  readonly size: number;

  private constructor(fields: {
    file: string;
    size: number;
    bytes: number;
    offsets: Float64Array;
    lengths: Uint32Array;
    lines: Uint32Array;
    ids: Buffer;
    problems: RecordLineProblem[];
    problemCount: number;
  }) {
    this.file = fields.file;
    this.size = fields.size;
    this.bytes = fields.bytes;
    this.offsets = fields.offsets;
    this.lengths = fields.lengths;
    this.lines = fields.lines;
    this.ids = fields.ids;
    this.problems = fields.problems;
    this.problemCount = fields.problemCount;
  }

  /**
   * Indexes the records of `file` that match `options.selection`, validating every line (see
   * `readLoopNetRecordsSync` for `strict` and `onProblem`).
   *
   * @throws {CorpusNotFoundError} when the file cannot be read.
   * @throws {RecordLineError} at the first bad line, under `strict`.
   */
  static build(file: string, options: ReadLoopNetOptions = {}): LoopNetIndex {
    let capacity = 1024;
    let offsets = new Float64Array(capacity);
    let lengths = new Uint32Array(capacity);
    let lines = new Uint32Array(capacity);
    let ids = Buffer.alloc(capacity * ID_BYTES);
    let size = 0;
    const problems: RecordLineProblem[] = [];
    let problemCount = 0;
    const report = options.onProblem ?? warnRecordProblem;
    const onProblem = (problem: RecordLineProblem): void => {
      problemCount++;
      if (problems.length < KEPT_PROBLEMS) problems.push(problem);
      report(problem);
    };
    for (const entry of readLoopNetRecordsSync(file, { ...options, onProblem })) {
      if (size === capacity) {
        capacity *= 2;
        offsets = grow(offsets, new Float64Array(capacity));
        lengths = grow(lengths, new Uint32Array(capacity));
        lines = grow(lines, new Uint32Array(capacity));
        const wider = Buffer.alloc(capacity * ID_BYTES);
        ids.copy(wider);
        ids = wider;
      }
      offsets[size] = entry.byteOffset;
      lengths[size] = entry.byteLength;
      lines[size] = entry.line;
      ids.write(entry.record.record_id, size * ID_BYTES, ID_BYTES, 'latin1');
      size++;
    }
    return new LoopNetIndex({
      file,
      size,
      bytes: statSync(file).size,
      offsets: offsets.slice(0, size),
      lengths: lengths.slice(0, size),
      lines: lines.slice(0, size),
      ids: Buffer.from(ids.subarray(0, size * ID_BYTES)),
      problems,
      problemCount,
    });
  }

  /** Bytes the index holds in memory (offsets, lengths, line numbers and ids). */
  get memoryBytes(): number {
    return this.offsets.byteLength + this.lengths.byteLength + this.lines.byteLength + this.ids.length;
  }

  /** The id of the `index`-th selected record. */
  recordId(index: number): string {
    this.check(index);
    return this.ids.toString('latin1', index * ID_BYTES, (index + 1) * ID_BYTES);
  }

  /** The line number of the `index`-th selected record. */
  lineOf(index: number): number {
    this.check(index);
    return this.lines[index]!;
  }

  /**
   * The position of the record a seed picks: uniform over the selected records, the same for the same seed (and the
   * one `replay/loopnet-v1` replays after `reset({ seed })`).
   */
  pick(seed: number): number {
    if (this.size === 0) throw new InvalidArgumentError('No record is selected, so none can be picked.');
    return createRng(seed).integers(this.size);
  }

  /** The position of a record among the selected ones, or -1 when it is not one of them. */
  indexOf(recordId: string): number {
    if (recordId.length !== ID_BYTES) return -1;
    const needle = Buffer.from(recordId, 'latin1');
    for (let at = this.ids.indexOf(needle); at !== -1; at = this.ids.indexOf(needle, at + 1)) {
      if (at % ID_BYTES === 0) return at / ID_BYTES;
    }
    return -1;
  }

  /**
   * Reads the `index`-th selected record back from the file (already validated when indexed).
   *
   * @throws {CorpusNotFoundError} when the file cannot be read any more.
   * @throws {InvalidArgumentError} when the file changed since it was indexed.
   */
  read(index: number): LoopNetRecord {
    this.check(index);
    const length = this.lengths[index]!;
    const buffer = Buffer.allocUnsafe(length);
    let descriptor: number;
    try {
      descriptor = openSync(this.file, 'r');
    } catch (error) {
      throw new CorpusNotFoundError(this.file, 'corpus', error);
    }
    try {
      let done = 0;
      while (done < length) {
        const read = readSync(descriptor, buffer, done, length - done, this.offsets[index]! + done);
        if (read === 0) break;
        done += read;
      }
    } finally {
      closeSync(descriptor);
    }
    const id = this.recordId(index);
    let record: LoopNetRecord | undefined;
    try {
      record = JSON.parse(buffer.toString('utf8')) as LoopNetRecord;
    } catch {
      record = undefined;
    }
    if (record?.record_id !== id) {
      throw new InvalidArgumentError(
        `${this.file} changed since it was indexed: line ${this.lines[index]} no longer holds record ${id}. ` +
          'Make the environment again to re-index the corpus.',
      );
    }
    return record;
  }

  private check(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new InvalidArgumentError(`Record index ${index} is outside 0..${this.size - 1}.`);
    }
  }
}

function grow<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
