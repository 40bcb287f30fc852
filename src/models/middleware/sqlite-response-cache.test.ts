import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { GenerateResult } from '../language-model.js';
import { SqliteResponseCache } from './sqlite-response-cache.js';

const result: GenerateResult = {
  text: 'Paris',
  toolCalls: [{ id: 'call_1', name: 'lookup', arguments: { city: 'Paris', nested: { n: [1, 2] } } }],
  finishReason: 'tool-calls',
  usage: { inputTokens: 12, outputTokens: 3 },
  latencySeconds: 0.42,
  warnings: ['w'],
  modelId: 'openai:gpt-4.1-mini-2025-04-14',
};

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('SqliteResponseCache', () => {
  it('stores answers across reopening, in WAL mode, identical', () => {
    const directory = mkdtempSync(join(tmpdir(), 'loopgym-cache-'));
    directories.push(directory);
    const path = join(directory, 'nested', 'cache.sqlite');
    const cache = new SqliteResponseCache(path);
    expect(cache.get('k')).toBeUndefined();
    cache.set('k', result);
    cache.set('k', result);
    expect(cache.count()).toBe(1);
    cache.close();

    const reopened = new SqliteResponseCache(path);
    expect(reopened.get('k')).toEqual(result);
    reopened.close();

    const raw = new Database(path);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.prepare('INSERT INTO model_responses VALUES (?, ?, ?)').run('broken', '{"text": 1}', 0);
    raw.prepare('INSERT INTO model_responses VALUES (?, ?, ?)').run('garbage', 'not json', 0);
    raw.close();
    const again = new SqliteResponseCache(path);
    expect(again.get('broken')).toBeUndefined();
    expect(again.get('garbage')).toBeUndefined();
    again.close();
    again.close();
  });

  it('works in memory', () => {
    const cache = new SqliteResponseCache(':memory:');
    cache.set('k', result);
    expect(cache.get('k')).toEqual(result);
    cache.close();
  });
});
