import type Database from 'better-sqlite3';
import type { StoreMigration } from './migrations/store-migration.js';
import { SchemaTooNewError, StoreError } from './store-error.js';

/**
 * Brings a database up to the newest of `migrations`: creates `schema_migrations` if missing, runs every migration
 * above the recorded version in its own transaction, and refuses a database whose version is newer than any known.
 * Returns the version the database has afterwards.
 *
 * @example
 * ```ts
 * const version = applyMigrations(new Database(':memory:'), STORE_MIGRATIONS, ':memory:');
 * ```
 */
export function applyMigrations(
  database: Database.Database,
  migrations: readonly StoreMigration[],
  path: string,
): number {
  migrations.forEach((migration, position) => {
    if (migration.version !== position + 1)
      throw new StoreError(
        `Store migration "${migration.name}" has version ${migration.version}; expected ${position + 1}. ` +
          'Migrations must be numbered 1, 2, 3, … in order.',
      );
  });
  database.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (' +
      'version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const current = (): number =>
    (
      database.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as {
        version: number | null;
      }
    ).version ?? 0;
  const supported = migrations.length;
  const found = current();
  if (found > supported) throw new SchemaTooNewError(path, found, supported);
  const record = database.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of migrations.slice(found)) {
    database
      .transaction(() => {
        // Another process may have migrated meanwhile; the check inside the write transaction settles it.
        if (current() >= migration.version) return;
        database.exec(migration.sql);
        record.run(migration.version, migration.name, new Date().toISOString());
      })
      .immediate();
  }
  return current();
}
