import { describe, expect, it } from 'vitest';
import { dataEquivalence } from './data-equivalence.js';

describe('dataEquivalence', () => {
  it('compares typed arrays by kind, length and (close) values', () => {
    expect(dataEquivalence(Float32Array.of(1, 2), Float32Array.of(1, 2))).toBe(true);
    expect(dataEquivalence(Float64Array.of(1), Float64Array.of(1 + 1e-7))).toBe(true);
    expect(dataEquivalence(Float64Array.of(1), Float64Array.of(1 + 1e-7), { exact: true })).toBe(false);
    expect(dataEquivalence(Float64Array.of(1), Float64Array.of(1.001))).toBe(false);
    expect(dataEquivalence(Float32Array.of(1), Float64Array.of(1))).toBe(false);
    expect(dataEquivalence(Float32Array.of(1), Float32Array.of(1, 2))).toBe(false);
    expect(dataEquivalence(Float32Array.of(Infinity), Float32Array.of(Infinity))).toBe(true);
    expect(dataEquivalence(Float32Array.of(Number.NaN), Float32Array.of(Number.NaN))).toBe(false);
  });

  it('compares numbers exactly and structures element by element', () => {
    expect(dataEquivalence(1, 1 + 1e-9)).toBe(false);
    expect(dataEquivalence([1, { a: Uint8Array.of(2) }], [1, { a: Uint8Array.of(2) }])).toBe(true);
    expect(dataEquivalence({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(dataEquivalence({ a: 1 }, { b: 1 })).toBe(false);
    expect(dataEquivalence([1], { 0: 1 })).toBe(false);
    expect(dataEquivalence('x', 'x')).toBe(true);
    expect(dataEquivalence(1, '1')).toBe(false);
  });
});
