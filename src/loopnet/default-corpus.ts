// Where the LoopNet data that ships with LoopGym lives (`data/loopnet/` in the package).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root: this module sits two directories below it, in `src/loopnet/` (tests, run from source) or in
 * `dist/loopnet/` (after build).
 */
const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The files of the LoopNet v0.2 corpus shipped with LoopGym (545 records, CC BY 4.0, unmodified): the records, the
 * official train/val/test splits, and the `ln/record-v1` JSON Schema.
 *
 * @example
 * ```ts
 * for await (const { record } of readLoopNetRecords(DEFAULT_LOOPNET_CORPUS.records)) count++;
 * ```
 */
export const DEFAULT_LOOPNET_CORPUS = Object.freeze({
  records: join(packageRoot, 'data', 'loopnet', 'v0.2', 'records.jsonl'),
  splits: join(packageRoot, 'data', 'loopnet', 'v0.2', 'splits.json'),
  schema: join(packageRoot, 'data', 'loopnet', 'schema', 'loopnet-record-v1.json'),
});
