// Keeps docs/les.md true: its weights table is the canonical weights.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LES_CATEGORIES, LES_WEIGHTS } from './les-weights.js';

const doc = readFileSync(new URL('../../docs/les.md', import.meta.url), 'utf8');

describe('docs/les.md', () => {
  it('lists every category with its canonical weight', () => {
    const rows = doc.split('\n').map((line) => line.split('|').map((cell) => cell.trim()));
    for (const category of LES_CATEGORIES) {
      const row = rows.find((cells) => cells[1] === category);
      expect(row, `a row for ${category}`).toBeDefined();
      expect(Number(row?.[2])).toBe(LES_WEIGHTS[category]);
    }
  });
});
