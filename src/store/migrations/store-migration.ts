/**
 * One step of the store's schema: version `n` turns a version `n - 1` database into a version `n` one.
 *
 * @example
 * ```ts
 * const addNotes: StoreMigration = { version: 2, name: 'run notes', sql: 'ALTER TABLE runs ADD COLUMN notes TEXT' };
 * ```
 */
export interface StoreMigration {
  /** 1, 2, 3, … without gaps. */
  version: number;
  /** What the step does, in a few words (kept in `schema_migrations`). */
  name: string;
  /** SQL statements run in one transaction. */
  sql: string;
}
