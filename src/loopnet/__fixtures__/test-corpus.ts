// Helpers of the LoopNet tests: the shipped corpus's lines, and corpora written to a temporary directory.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LOOPNET_CORPUS } from '../default-corpus.js';
import type { LoopNetRecord } from '../loopnet-record.js';

/**
 * The lines of the shipped v0.2 corpus (read whole: tests only).
 *
 * @example
 * ```ts
 * shippedLines().length; // 545
 * ```
 */
export function shippedLines(): string[] {
  return readFileSync(DEFAULT_LOOPNET_CORPUS.records, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
}

/**
 * The records of the shipped v0.2 corpus, parsed without validation (tests only).
 *
 * @example
 * ```ts
 * shippedRecords()[0]?.record_id;
 * ```
 */
export function shippedRecords(): LoopNetRecord[] {
  return shippedLines().map((line) => JSON.parse(line) as LoopNetRecord);
}

/**
 * Writes `text` to a new temporary directory and returns the file's path.
 *
 * @example
 * ```ts
 * const file = writeTemporaryCorpus('{"a":1}\n');
 * ```
 */
export function writeTemporaryCorpus(text: string, name = 'records.jsonl'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'loopgym-loopnet-')), name);
  writeFileSync(file, text);
  return file;
}
