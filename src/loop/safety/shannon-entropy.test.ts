import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shannonEntropy } from './shannon-entropy.js';

describe('shannonEntropy', () => {
  it('is 0 for empty and constant strings', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaaaaaa')).toBe(0);
  });

  it('is log2 of the number of symbols when they are equally frequent', () => {
    expect(shannonEntropy('ab')).toBe(1);
    expect(shannonEntropy('abcdabcd')).toBe(2);
    expect(shannonEntropy('0123456789abcdef')).toBe(4);
  });

  it('weighs symbols by frequency', () => {
    // p = 3/4, 1/4
    expect(shannonEntropy('aaab')).toBeCloseTo(0.8112781244591328, 12);
  });

  it('lies between 0 and log2 of the number of distinct characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const entropy = shannonEntropy(text);
        const distinct = new Set(text).size;
        expect(entropy).toBeGreaterThanOrEqual(0);
        expect(entropy).toBeLessThanOrEqual(Math.log2(Math.max(1, distinct)) + 1e-9);
      }),
    );
  });

  it('does not depend on the order of the characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const reversed = Array.from(text).reverse().join('');
        expect(shannonEntropy(reversed)).toBeCloseTo(shannonEntropy(text), 12);
      }),
    );
  });
});
