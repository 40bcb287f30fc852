import { initialSchema } from './initial-schema.js';
import { loopMemoryTable } from './loop-memory-table.js';
import type { StoreMigration } from './store-migration.js';

/**
 * Every migration of the run store, oldest first. Append a new one (never edit a released one) to change the schema.
 *
 * @example
 * ```ts
 * const newest = STORE_MIGRATIONS.at(-1)?.version; // the schema version this LoopGym writes
 * ```
 */
export const STORE_MIGRATIONS: readonly StoreMigration[] = [initialSchema, loopMemoryTable];

/**
 * The schema version this LoopGym writes.
 *
 * @example
 * ```ts
 * console.log(`store schema v${STORE_SCHEMA_VERSION}`);
 * ```
 */
export const STORE_SCHEMA_VERSION: number = STORE_MIGRATIONS.length;
