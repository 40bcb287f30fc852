import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatArray } from './format-array.js';
import { formatNumber } from './format-number.js';

interface ArrayCase {
  values: (number | string)[];
  shape: number[];
  dtype: string;
  str: string;
  scalars: string[];
}
const fixture = JSON.parse(
  readFileSync(new URL('./__fixtures__/gymnasium-spaces.json', import.meta.url), 'utf8'),
) as { arrays: ArrayCase[] };

function decode(value: number | string): number {
  if (value === 'inf') return Infinity;
  if (value === '-inf') return -Infinity;
  if (value === 'nan') return NaN;
  return value as number;
}

describe('formatArray and formatNumber match NumPy printing', () => {
  it.each(fixture.arrays.map((c, i) => [i, c] as const))('array %i', (_, c) => {
    const kind = c.dtype.startsWith('float') ? 'f' : c.dtype.startsWith('u') ? 'u' : 'i';
    const float32 = c.dtype === 'float32';
    let values = c.values.map(decode);
    if (float32) values = Array.from(Float32Array.from(values));
    expect(formatArray(values, c.shape, { kind, float32 })).toBe(c.str);
    expect(values.slice(0, c.scalars.length).map((v) => formatNumber(v, kind, float32))).toEqual(c.scalars);
  });
});
