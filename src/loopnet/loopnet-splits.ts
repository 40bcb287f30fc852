// The official train/val/test assignment of a corpus (`splits.json`): which split each record id belongs to.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InvalidArgumentError } from '../core/errors.js';
import { CorpusNotFoundError } from './loopnet-errors.js';
import type { LoopNetSplit } from './loopnet-record.js';

const splitsFileSchema = z.strictObject({
  train: z.array(z.string()),
  val: z.array(z.string()),
  test: z.array(z.string()),
});

/** Record id → split, from a splits file. */
export type LoopNetSplits = ReadonlyMap<string, LoopNetSplit>;

/**
 * Reads a `splits.json` (`{ "train": [ids], "val": [ids], "test": [ids] }`, as LoopNet publishes it).
 *
 * @throws {CorpusNotFoundError} when the file cannot be read.
 * @throws {InvalidArgumentError} when it is not JSON of that shape, or an id is in two splits.
 * @example
 * ```ts
 * const splits = loadLoopNetSplits(DEFAULT_LOOPNET_CORPUS.splits);
 * splits.get('ln-df9928af-438d-47da-b7e8-dea98aedcb50'); // 'train'
 * ```
 */
export function loadLoopNetSplits(file: string): LoopNetSplits {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CorpusNotFoundError(file, 'splits file', error);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError(
      `The splits file ${JSON.stringify(file)} is not JSON: ${(error as Error).message}.`,
    );
  }
  const parsed = splitsFileSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new InvalidArgumentError(
      `The splits file ${JSON.stringify(file)} must be { "train": [ids], "val": [ids], "test": [ids] }: ${issues.join('; ')}.`,
    );
  }
  const splits = new Map<string, LoopNetSplit>();
  for (const split of ['train', 'val', 'test'] as const) {
    for (const id of parsed.data[split]) {
      const other = splits.get(id);
      if (other !== undefined) {
        throw new InvalidArgumentError(
          `The splits file ${JSON.stringify(file)} puts ${id} in both ${other} and ${split}; a record belongs to one split.`,
        );
      }
      splits.set(id, split);
    }
  }
  return splits;
}
