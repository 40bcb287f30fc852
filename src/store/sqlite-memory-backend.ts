// Persistent loop memory kept in the run store's database.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { MemoryBackend, MemoryEntry } from '../loop/loop-memory.js';
import { StoreError } from './store-error.js';

const memoryEntriesSchema = z.array(
  z.object({
    key: z.string(),
    value: z.unknown(),
    writer: z.string(),
    iteration: z.number(),
    time: z.number(),
  }),
);

/**
 * A {@link MemoryBackend} over the store's `loop_memory` table: `load` reads a namespace's entries, `save` replaces
 * them in one statement (so a crash keeps either the old or the new entries, never a mix). Get one from
 * `RunStore.memoryBackend()`.
 *
 * @example
 * ```ts
 * const store = openRunStore();
 * const env = make('my-loop.yaml', { services: { memoryBackend: store.memoryBackend() } });
 * ```
 */
export class SqliteMemoryBackend implements MemoryBackend {
  private readonly select: Database.Statement<[string], { entries_json: string }>;
  private readonly upsert: Database.Statement<[string, string, string]>;

  constructor(database: Database.Database) {
    this.select = database.prepare<[string], { entries_json: string }>(
      'SELECT entries_json FROM loop_memory WHERE namespace = ?',
    );
    this.upsert = database.prepare<[string, string, string]>(
      'INSERT INTO loop_memory (namespace, entries_json, updated_at) VALUES (?, ?, ?) ' +
        'ON CONFLICT (namespace) DO UPDATE SET entries_json = excluded.entries_json, updated_at = excluded.updated_at',
    );
  }

  load(namespace: string): readonly MemoryEntry[] {
    const row = this.select.get(namespace);
    if (row === undefined) return [];
    const parsed = memoryEntriesSchema.safeParse(JSON.parse(row.entries_json));
    if (!parsed.success) {
      throw new StoreError(
        `The persistent memory of "${namespace}" in the store is not a list of memory entries ` +
          `(${parsed.error.issues[0]?.message ?? 'invalid'}). Delete its row from loop_memory to start afresh.`,
        { code: 'memory-invalid' },
      );
    }
    return parsed.data;
  }

  save(namespace: string, entries: readonly MemoryEntry[]): void {
    this.upsert.run(namespace, JSON.stringify(entries), new Date().toISOString());
  }
}
