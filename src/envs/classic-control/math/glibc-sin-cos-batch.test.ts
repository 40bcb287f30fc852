import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../core/random/rng.js';
import { glibcCos, glibcSin } from './glibc-sin-cos.js';
import {
  glibcSinCos,
  glibcSinCosBatch,
  glibcSinCosOf,
  SIN_COS_WARM_UP_ARGUMENTS,
  sinCosResult,
} from './glibc-sin-cos-batch.js';
import { finishSinCosBatch } from './glibc-sin-cos-exact-products.js';
import { SIN_COS_TABLE } from './sin-cos-table.js';

type Pairs = [number, number][];
const cases = JSON.parse(
  readFileSync(new URL('./__fixtures__/math-cases.json', import.meta.url), 'utf8'),
) as Record<string, Pairs>;

/** Arguments where the fast path is used, weighted towards its hard spots (table nodes, range limits). */
function argumentsFor(rng: Rng, count: number): Float64Array {
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const sign = rng.random() < 0.5 ? -1 : 1;
    const kind = i % 5;
    let x: number;
    if (kind === 0) x = rng.random() * 0.126;
    else if (kind === 1) x = 0.126 + rng.random() * (0.85546875 - 0.126);
    else if (kind === 2)
      x = rng.random() * 0.21; // CartPole's live range
    else if (kind === 3) x = rng.integers(1, 110) / 128 + (rng.random() - 0.5) * 2 ** -rng.integers(10, 60);
    else x = [2 ** -26, 0.126, 0.85546875][rng.integers(0, 3)]! * (1 + (rng.random() - 0.5) * 2 ** -40);
    values[i] = sign * x;
  }
  return values;
}

function mismatches(values: Float64Array, out: Float64Array): string[] {
  const wrong: string[] = [];
  for (let i = 0; i < values.length && wrong.length < 10; i++) {
    const x = values[i]!;
    if (!Object.is(out[2 * i], glibcSin(x))) wrong.push(`sin(${x}): ${out[2 * i]} != ${glibcSin(x)}`);
    if (!Object.is(out[2 * i + 1], glibcCos(x))) wrong.push(`cos(${x}): ${out[2 * i + 1]} != ${glibcCos(x)}`);
  }
  return wrong;
}

/** glibc's table kernels without FMAs and without guards: what the fast path would return unchecked. */
function plainSinCos(x: number): [number, number] {
  const ax = Math.abs(x);
  const base = 52776558133248 + ax - 52776558133248;
  const xr = ax - base;
  const k = (base * 512) | 0;
  const xx = xr * xr;
  const s = xr + xr * xx * (-0.16666666666666488 + xx * 0.008333332142857223);
  const c = xx * (0.5 + xx * (-0.04166666666666644 + xx * 0.001388888740079376));
  const [sn, ssn, cs, ccs] = SIN_COS_TABLE.subarray(k, k + 4) as unknown as [number, number, number, number];
  const cosine = cs + (ccs - s * ssn - cs * c - sn * s);
  const sine = sn + (ssn + s * ccs - sn * c + cs * s);
  return [x < 0 ? -sine : sine, cosine];
}

describe('glibcSinCosBatch', () => {
  it('reproduces every value recorded from glibc, at any stride', () => {
    for (const name of ['sin', 'cos'] as const) {
      const pairs = cases[name]!;
      const values = Float64Array.from(pairs, ([x]) => x);
      for (const stride of [1, 3]) {
        const spread = new Float64Array(values.length * stride);
        values.forEach((x, i) => (spread[i * stride] = x));
        const out = new Float64Array(2 * values.length);
        glibcSinCosBatch(spread, 0, stride, values.length, out);
        const wrong = pairs.filter(
          ([, expected], i) => !Object.is(out[2 * i + (name === 'sin' ? 0 : 1)], expected),
        );
        expect(wrong.map(([x]) => x)).toEqual([]);
      }
    }
  });

  it('equals glibcSin and glibcCos over 200,000 seeded arguments of the fast range', () => {
    const values = argumentsFor(createRng(20250101), 200_000);
    const out = new Float64Array(2 * values.length);
    glibcSinCosBatch(values, 0, 1, values.length, out);
    expect(mismatches(values, out)).toEqual([]);
  });

  it('its second pass alone (every argument marked undecided) also equals glibcSin and glibcCos', () => {
    const values = argumentsFor(createRng(20250102), 100_000);
    const out = new Float64Array(2 * values.length);
    const everyIndex = Int32Array.from(values, (_, i) => i);
    finishSinCosBatch(values, 0, 1, everyIndex, values.length, out);
    expect(mismatches(values, out)).toEqual([]);
  });

  it('leaves the fast path to few arguments: undecided in well under 1% of CartPole angles', () => {
    const rng = createRng(7);
    const values = Float64Array.from({ length: 100_000 }, () => (rng.random() - 0.5) * 0.42);
    const undecided = glibcSinCosBatch(values, 0, 1, values.length, new Float64Array(2 * values.length));
    expect(undecided).toBeGreaterThan(0);
    expect(undecided).toBeLessThan(1000);
  });

  it('those arguments include many that plain arithmetic rounds differently from glibc', () => {
    const values = argumentsFor(createRng(20250101), 200_000);
    let wrong = 0;
    for (const x of values) {
      if (Math.abs(x) < 0.126 || Math.abs(x) >= 0.85546875) continue;
      const [sine, cosine] = plainSinCos(x);
      if (sine !== glibcSin(x) || cosine !== glibcCos(x)) wrong++;
    }
    expect(wrong).toBeGreaterThan(100);
  });

  it('warms up on arguments that take every branch', () => {
    const undecided = Array.from(SIN_COS_WARM_UP_ARGUMENTS).filter(
      (x) => glibcSinCosBatch(Float64Array.of(x), 0, 1, 1, new Float64Array(2)) === 1,
    );
    const inRange = undecided.filter((x) => Math.abs(x) >= 2 ** -26 && Math.abs(x) < 0.85546875);
    expect(inRange.some((x) => Math.abs(x) < 0.126)).toBe(true);
    expect(inRange.some((x) => Math.abs(x) >= 0.126)).toBe(true);
    expect(undecided.length).toBeGreaterThan(inRange.length);
    const magnitudes = Array.from(SIN_COS_WARM_UP_ARGUMENTS, Math.abs);
    expect(magnitudes.some((a) => a > 2 ** -26 && a < 0.126)).toBe(true);
    expect(magnitudes.some((a) => a >= 0.126 && a < 0.85546875)).toBe(true);
  });

  it('handles batches where every argument needs the second pass', () => {
    const values = new Float64Array(1000).fill(2.5);
    const out = new Float64Array(2000);
    expect(glibcSinCosBatch(values, 0, 1, values.length, out)).toBe(1000);
    expect(mismatches(values, out)).toEqual([]);
  });

  it('handles arguments outside the fast range like glibc', () => {
    const values = Float64Array.of(
      0,
      -0,
      1e-9,
      -3e-8,
      0.85546875,
      -1,
      2.5,
      100,
      1e9,
      Infinity,
      NaN,
      -Math.PI,
    );
    const out = new Float64Array(2 * values.length);
    glibcSinCosBatch(values, 0, 1, values.length, out);
    expect(mismatches(values, out)).toEqual([]);
    expect([out[2], out[3], out[4], out[5]]).toEqual([-0, 1, 1e-9, 1]);
  });

  it('reads at start + j * stride and writes only 2 * count values', () => {
    const state = Float64Array.of(9, 9, 0.1, 9, 9, 9, -0.2, 9);
    const out = new Float64Array(6).fill(7);
    glibcSinCosBatch(state, 2, 4, 2, out);
    expect(Array.from(out)).toEqual([glibcSin(0.1), glibcCos(0.1), glibcSin(-0.2), glibcCos(-0.2), 7, 7]);
  });

  it('glibcSinCosOf and glibcSinCos give the same pair', () => {
    glibcSinCosOf(Float64Array.of(0, 0.5), 1);
    const [sine, cosine] = sinCosResult;
    glibcSinCos(0.5);
    expect([sinCosResult[0], sinCosResult[1]]).toEqual([sine, cosine]);
    expect([sine, cosine]).toEqual([glibcSin(0.5), glibcCos(0.5)]);
  });
});
