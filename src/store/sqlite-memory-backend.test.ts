import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemoryPlan } from '../lss/compile/loop-program.js';
import { LoopMemory } from '../loop/loop-memory.js';
import { initialSchema } from './migrations/initial-schema.js';
import { openRunStore } from './run-store.js';
import { StoreError } from './store-error.js';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'loopgym-memory-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

const persistent: MemoryPlan = {
  type: 'persistent',
  backend: undefined,
  retention: undefined,
  allowedWriters: ['optimizer'],
  writeSchema: undefined,
  maxEntries: undefined,
  readPolicy: undefined,
  redaction: undefined,
};

describe('SqliteMemoryBackend', () => {
  it('keeps a loop’s persistent memory across store openings (another process would see it too)', () => {
    const path = join(directory, 'runs.db');
    const first = openRunStore(path);
    const memory = new LoopMemory(persistent, { namespace: 'my-loop', backend: first.memoryBackend() });
    expect(memory.write('lessons', ['cite sources'], 'optimizer', 1, 0)).toBe('written');
    memory.persist();
    first.close();

    const second = openRunStore(path);
    const again = new LoopMemory(persistent, { namespace: 'my-loop', backend: second.memoryBackend() });
    expect(again.read('lessons', 'writer')).toMatchObject({
      status: 'ok',
      entry: { key: 'lessons', value: ['cite sources'], writer: 'optimizer', iteration: 1 },
    });
    const other = new LoopMemory(persistent, { namespace: 'another-loop', backend: second.memoryBackend() });
    expect(other.snapshot()).toEqual([]);
    second.close();
  });

  it('replaces a namespace’s entries on save', () => {
    const store = openRunStore(':memory:');
    const backend = store.memoryBackend();
    expect(store.memoryBackend()).toBe(backend);
    backend.save('loop', [{ key: 'a', value: 1, writer: 'w', iteration: 1, time: 0 }]);
    backend.save('loop', [{ key: 'b', value: { nested: [2] }, writer: 'w', iteration: 2, time: 1.5 }]);
    expect(backend.load('loop')).toEqual([
      { key: 'b', value: { nested: [2] }, writer: 'w', iteration: 2, time: 1.5 },
    ]);
    store.close();
  });

  it('refuses a row that is not a list of entries, saying how to recover', () => {
    const path = join(directory, 'runs.db');
    openRunStore(path).close();
    const database = new Database(path);
    database
      .prepare('INSERT INTO loop_memory (namespace, entries_json, updated_at) VALUES (?, ?, ?)')
      .run('broken', '{"not": "a list"}', '2026-01-01T00:00:00Z');
    database.close();
    const store = openRunStore(path);
    expect(() => store.memoryBackend().load('broken')).toThrow(StoreError);
    expect(() => store.memoryBackend().load('broken')).toThrow(/Delete its row from loop_memory/);
    store.close();
  });

  it('migrates a version 1 store to version 2 without losing runs', () => {
    const path = join(directory, 'old.db');
    const old = openRunStore(path, { migrations: [initialSchema] });
    expect(old.schemaVersion).toBe(1);
    const runId = old.startRun({ kind: 'eval', envId: 'FrozenLake-v1' });
    old.close();
    const store = openRunStore(path);
    expect(store.schemaVersion).toBe(2);
    expect(store.getRun(runId).envId).toBe('FrozenLake-v1');
    store.memoryBackend().save('loop', []);
    expect(store.memoryBackend().load('loop')).toEqual([]);
    store.close();
  });
});
