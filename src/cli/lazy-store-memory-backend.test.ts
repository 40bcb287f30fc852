import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openRunStore } from '../store/run-store.js';
import { captureCli } from './capture-cli.js';
import { lazyStoreMemoryBackend } from './lazy-store-memory-backend.js';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'loopgym-lazy-memory-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('lazyStoreMemoryBackend', () => {
  it('opens the store only when memory is loaded or saved, and keeps what was saved', () => {
    const path = join(directory, 'nested', 'runs.db');
    const backend = lazyStoreMemoryBackend(path);
    expect(existsSync(path)).toBe(false);
    backend.save('loop', [
      { key: 'lessons', value: ['be brief'], writer: 'optimizer', iteration: 2, time: 0 },
    ]);
    expect(existsSync(path)).toBe(true);
    backend.close();
    backend.close();
    const store = openRunStore(path);
    expect(store.memoryBackend().load('loop')).toEqual([
      { key: 'lessons', value: ['be brief'], writer: 'optimizer', iteration: 2, time: 0 },
    ]);
    store.close();
    expect(lazyStoreMemoryBackend(path).load('loop')).toHaveLength(1);
  });

  it('lets `loopgym run` of a loop without persistent memory leave no store behind', async () => {
    const path = join(directory, 'runs.db');
    const result = await captureCli(
      'run',
      'loopbench/code-repair-v1',
      '--task',
      'cr-001',
      '--seed',
      '0',
      '--json',
      '--store',
      path,
    );
    expect(result.code).toBe(0);
    expect(existsSync(path)).toBe(false);
  });
});
