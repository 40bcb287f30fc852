import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { make } from '../../registry/make.js';
import { splitSeeds, toDataset, toJsonl } from './datasets.js';

describe('splitSeeds', () => {
  it('keeps the eval seeds when the train size changes; train seeds are disjoint from them and prefix-stable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 20 }),
        (seed, trainA, trainB, evalSize) => {
          const a = splitSeeds({ seed, train: trainA, eval: evalSize });
          const b = splitSeeds({ seed, train: trainB, eval: evalSize });
          expect(a.eval).toEqual(b.eval);
          expect(a.eval).toHaveLength(evalSize);
          const shorter = Math.min(trainA, trainB);
          expect(a.train.slice(0, shorter)).toEqual(b.train.slice(0, shorter));
          const all = new Set([...a.train, ...a.eval]);
          expect(all.size).toBe(trainA + evalSize);
          expect([...all].every((value) => Number.isInteger(value) && value >= 0 && value < 2 ** 31)).toBe(
            true,
          );
        },
      ),
    );
  });

  it('rejects sizes that are not whole numbers', () => {
    expect(() => splitSeeds({ seed: 0, train: -1, eval: 1 })).toThrow(/`train` must be a whole number/);
  });
});

describe('toDataset', () => {
  it('writes one prompt row per seed (initial observation as text, seed, reset info) as JSONL', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'loopgym-dataset-'));
    const path = join(directory, 'train.jsonl');
    const env = make('Taxi-v4', { renderMode: 'ansi' });
    const rows = await toDataset(env, [1, 2], { path });
    expect(rows.map((row) => row.seed)).toEqual([1, 2]);
    expect(rows[0]!.prompt).toContain('Observation (Discrete):');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!) as { seed: number; info: { action_mask: number[] } };
    expect(first.seed).toBe(1);
    expect(Array.isArray(first.info.action_mask)).toBe(true);
    const again = await toDataset(env, [1]);
    expect(again[0]).toEqual(rows[0]);
    expect(toJsonl([])).toBe('');
  });
});
