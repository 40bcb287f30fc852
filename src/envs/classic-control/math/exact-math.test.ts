import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fusedMultiplyAdd, fusedMultiplyAddFloat32 } from './fused-multiply-add.js';
import { glibcCos, glibcSin } from './glibc-sin-cos.js';
import { glibcSinCos, sinCosResult } from './glibc-sin-cos-batch.js';
import { glibcSquare, glibcSquareFloat32 } from './glibc-square.js';
import { numpyCosFloat32, numpySinFloat32 } from './numpy-float32-sin-cos.js';

type Pairs = [number, number][];
const cases = JSON.parse(
  readFileSync(new URL('./__fixtures__/math-cases.json', import.meta.url), 'utf8'),
) as Record<string, Pairs>;

function mismatches(pairs: Pairs, compute: (x: number) => number): string[] {
  const wrong: string[] = [];
  for (const [x, expected] of pairs) {
    const actual = compute(x);
    if (!Object.is(actual, expected)) wrong.push(`${x}: got ${actual}, expected ${expected}`);
  }
  return wrong;
}

describe('exact math (recorded from glibc and NumPy)', () => {
  const functions: [string, (x: number) => number][] = [
    ['sin', glibcSin],
    ['cos', glibcCos],
    ['square', glibcSquare],
    ['squareFloat32', glibcSquareFloat32],
    ['numpySinFloat32', numpySinFloat32],
    ['numpyCosFloat32', numpyCosFloat32],
  ];
  for (const [name, compute] of functions) {
    it(`${name} reproduces every recorded value`, () => {
      const pairs = cases[name]!;
      expect(pairs.length).toBeGreaterThan(500);
      expect(mismatches(pairs, compute)).toEqual([]);
    });
  }

  it('glibcSinCos gives both values exactly', () => {
    const sine = (x: number) => {
      glibcSinCos(x);
      return sinCosResult[0]!;
    };
    const cosine = (x: number) => {
      glibcSinCos(x);
      return sinCosResult[1]!;
    };
    expect(mismatches(cases.sin!, sine)).toEqual([]);
    expect(mismatches(cases.cos!, cosine)).toEqual([]);
  });

  it('the recorded hard cases are really hard: the naive formulas miss some of them', () => {
    expect(mismatches(cases.sin!, Math.sin).length).toBeGreaterThan(100);
    expect(mismatches(cases.square!, (x) => x * x).length).toBeGreaterThan(100);
    expect(mismatches(cases.numpyCosFloat32!, (x) => Math.fround(Math.cos(x))).length).toBeGreaterThan(100);
  });

  it('handles special values like the C library', () => {
    expect(glibcSin(0)).toBe(0);
    expect(Object.is(glibcSin(-0), -0)).toBe(true);
    expect(glibcCos(0)).toBe(1);
    expect(glibcSin(Infinity)).toBeNaN();
    expect(glibcCos(NaN)).toBeNaN();
    expect(glibcSquare(0)).toBe(0);
    expect(glibcSquare(-3)).toBe(9);
    expect(glibcSquare(Infinity)).toBe(Infinity);
    expect(glibcSquareFloat32(-0.5)).toBe(0.25);
    expect(numpySinFloat32(NaN)).toBeNaN();
  });
});

describe('fusedMultiplyAdd', () => {
  /** Exact a * b + c with BigInt rationals, rounded to the nearest double (ties to even). */
  function exactFma(a: number, b: number, c: number): number {
    const [ma, ea] = decompose(a);
    const [mb, eb] = decompose(b);
    const [mc, ec] = decompose(c);
    const e = Math.min(ea + eb, ec);
    const numerator = (ma * mb) << BigInt(ea + eb - e);
    const total = numerator + (mc << BigInt(ec - e));
    return roundScaled(total, e);
  }

  it('rounds once, as a hardware FMA', () => {
    const finite = fc
      .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
      .filter((x) => x === 0 || Math.abs(x) > 1e-90);
    fc.assert(
      fc.property(finite, finite, finite, (a, b, c) => {
        // Numeric equality: the BigInt reference does not track the sign of an exact zero.
        expect(fusedMultiplyAdd(a, b, c) === exactFma(a, b, c)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('gets the cases a naive multiply-add rounds twice', () => {
    expect(fusedMultiplyAdd(0.1, 10, -1)).toBe(5.551115123125783e-17);
    const a = 1 + 2 ** -30;
    expect(fusedMultiplyAdd(a, a, -(1 + 2 ** -29))).toBe(2 ** -60);
  });

  it('float32 variant rounds once to float32', () => {
    const single = fc
      .float({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true })
      .filter((x) => x === 0 || Math.abs(x) > 1e-9);
    fc.assert(
      fc.property(single, single, single, (a, b, c) => {
        expect(fusedMultiplyAddFloat32(a, b, c) === roundToFloat32Exact(a, b, c)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

function decompose(x: number): [bigint, number] {
  if (x === 0) return [0n, 0];
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  if (exponentBits !== 0) mantissa |= 1n << 52n;
  const exponent = (exponentBits === 0 ? 1 : exponentBits) - 1075;
  return [x < 0 ? -mantissa : mantissa, exponent];
}

/** total * 2^exponent rounded to `bits` significant bits (ties to even), as a double. */
function roundScaled(total: bigint, exponent: number, bits = 53): number {
  if (total === 0n) return 0;
  const negative = total < 0n;
  let magnitude = negative ? -total : total;
  const length = magnitude.toString(2).length;
  let shift = length - bits;
  if (shift > 0) {
    const remainder = magnitude & ((1n << BigInt(shift)) - 1n);
    const half = 1n << BigInt(shift - 1);
    magnitude >>= BigInt(shift);
    if (remainder > half || (remainder === half && (magnitude & 1n) === 1n)) magnitude += 1n;
  } else {
    shift = 0;
  }
  const value = Number(magnitude) * 2 ** (exponent + shift);
  return negative ? -value : value;
}

function roundToFloat32Exact(a: number, b: number, c: number): number {
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  const e = Math.min(ea + eb, ec);
  const total = ((ma * mb) << BigInt(ea + eb - e)) + (mc << BigInt(ec - e));
  return Math.fround(roundScaled(total, e, 24));
}
