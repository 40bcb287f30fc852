// Keeps docs/environments.md true: every registered environment is documented with its registered step limit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRegistry } from '../registry/default-registry.js';

const doc = readFileSync(new URL('../../docs/environments.md', import.meta.url), 'utf8');

describe('docs/environments.md', () => {
  for (const spec of defaultRegistry.all()) {
    it(`documents ${spec.id}`, () => {
      const rows = doc.split('\n').map((line) => line.split('|').map((cell) => cell.trim()));
      const cells = rows.find((row) => row[0] === '' && row[1] === `\`${spec.id}\``);
      expect(cells, `a table row for ${spec.id}`).toBeDefined();
      expect(cells?.[4]).toBe(spec.maxEpisodeSteps === undefined ? '—' : String(spec.maxEpisodeSteps));
      expect(cells?.[5]).toBe(spec.rewardThreshold === undefined ? '—' : String(spec.rewardThreshold));
    });
  }
});
