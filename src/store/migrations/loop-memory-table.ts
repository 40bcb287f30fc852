import type { StoreMigration } from './store-migration.js';

/**
 * Schema version 2: the `persistent` memory of loops, one row per namespace (the loop's name) holding its entries as
 * JSON, so that what a loop learned survives the process.
 *
 * @example
 * ```ts
 * const migrations = [initialSchema, loopMemoryTable];
 * ```
 */
export const loopMemoryTable: StoreMigration = {
  version: 2,
  name: 'loop memory',
  sql: `
CREATE TABLE loop_memory (
  namespace TEXT PRIMARY KEY,
  entries_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`,
};
