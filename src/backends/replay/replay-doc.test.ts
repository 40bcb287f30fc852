// Keeps docs/replay.md true: every option of replay/loopnet-v1 is in its options table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayEnvRegistrations } from './replay-registrations.js';

const doc = readFileSync(new URL('../../../docs/replay.md', import.meta.url), 'utf8');

describe('docs/replay.md', () => {
  it('documents every option of replay/loopnet-v1', () => {
    const rows = doc.split('\n').map((line) => line.split('|').map((cell) => cell.trim()));
    const keys = Object.keys(replayEnvRegistrations[0]!.optionsSchema!.shape);
    expect(keys.length).toBeGreaterThan(5);
    for (const key of keys)
      expect(
        rows.some((cells) => cells[1] === `\`${key}\``),
        key,
      ).toBe(true);
  });
});
