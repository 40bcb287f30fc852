import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/random/rng.js';
import { fusedMultiplyAdd as fma } from './fused-multiply-add.js';
import { SIN_COS_BATCH_GUARDS as GUARDS } from './glibc-sin-cos-batch.js';
import { EXACT_PRODUCT_LIMITS as LIMITS } from './glibc-sin-cos-exact-products.js';
import { SIN_COS_TABLE as TABLE } from './sin-cos-table.js';

// The error bounds the fast path of glibcSinCosBatch rests on, checked before any final rounding (where a too
// small guard would show up far more often than in the final results). Each test recomputes the fast path's
// unfused quantities and glibc's fused ones (with an exact FMA) and checks that the guard interval holds the fused
// value; it also checks that the bound is not vacuous (the observed error reaches a good part of the guard).

const S2 = 0.008333333333332329;
const S3 = -0.00019841269834414642;
const S4 = 2.755729806860771e-6;
const S5 = -2.5022014848318398e-8;
const SN3 = -0.16666666666666488;
const SN5 = 0.008333332142857223;
const CS2 = 0.5;
const CS4 = -0.04166666666666644;
const CS6 = 0.001388888740079376;
const BIG = 52776558133248;
const COUNT = 30_000;

/** The exact value of a double as mantissa * 2^exponent. */
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

/** The sign of the exact sum of doubles. */
function signOfSum(...terms: number[]): number {
  const parts = terms.map(decompose);
  const low = Math.min(...parts.map(([, exponent]) => exponent));
  const sum = parts.reduce((total, [mantissa, exponent]) => total + (mantissa << BigInt(exponent - low)), 0n);
  return sum > 0n ? 1 : sum < 0n ? -1 : 0;
}

/** The neighbouring double of a positive x, up (direction 1) or down (-1). */
function nextDouble(x: number, direction: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(direction));
  return view.getFloat64(0);
}

function tableRow(ax: number): { xr: number; k: number } {
  const base = BIG + ax - BIG;
  return { xr: ax - base, k: (base * 512) | 0 };
}

describe('glibcSinCosBatch error bounds', () => {
  it('Taylor sin: fl(b1 -+ g) brackets x2 * p2 as glibc fuses it', () => {
    const rng = createRng(1);
    let worst = 0;
    for (let i = 0; i < COUNT; i++) {
      const x = 2 ** -26 + rng.random() * (0.126 - 2 ** -26);
      const x2 = x * x;
      const fused = fma(x2, fma(x2, fma(x2, S5, S4), S3), S2);
      const b1 = x2 * (((S5 * x2 + S4) * x2 + S3) * x2 + S2);
      const guard = GUARDS.taylor * Math.abs(b1);
      expect(Math.sign(fma(x2, fused, -(b1 - guard)))).toBeGreaterThanOrEqual(0);
      expect(Math.sign(fma(x2, fused, -(b1 + guard)))).toBeLessThanOrEqual(0);
      worst = Math.max(worst, Math.abs(fma(x2, fused, -b1)) / guard);
    }
    expect(worst).toBeGreaterThan(0.2);
    expect(worst).toBeLessThan(1);
  });

  it('cos: fl(cor3 -+ g) brackets glibc fused cor3', () => {
    const rng = createRng(2);
    let worst = 0;
    for (let i = 0; i < COUNT; i++) {
      const ax = 2 ** -26 + rng.random() * (0.85546875 - 2 ** -26);
      const { xr, k } = tableRow(ax);
      const xx = xr * xr;
      const [sn, ssn, cs, ccs] = [TABLE[k]!, TABLE[k + 1]!, TABLE[k + 2]!, TABLE[k + 3]!];
      const fusedS = fma(xr * xx, fma(xx, SN5, SN3), xr);
      const fusedC = xx * fma(xx, fma(xx, CS6, CS4), CS2);
      const fusedCor = fma(-fusedS, sn, fma(-fusedC, cs, fma(-fusedS, ssn, ccs)));
      const s = xr + xr * xx * (SN3 + xx * SN5);
      const c = xx * (CS2 + xx * (CS4 + xx * CS6));
      const m2 = c * cs;
      const m3 = s * sn;
      const cor = ccs - s * ssn - m2 - m3;
      const guard = GUARDS.cos * (Math.abs(m3) + m2 + m2) + GUARDS.absolute;
      expect(cor - guard <= fusedCor && fusedCor <= cor + guard).toBe(true);
      worst = Math.max(worst, Math.abs(fusedCor - cor) / guard);
    }
    expect(worst).toBeGreaterThan(0.1);
    expect(worst).toBeLessThan(1);
  });

  it('table sin: fl(cor2 + e3 -+ g) brackets e3 + glibc fused cor2, and the ps check makes s exact', () => {
    const rng = createRng(3);
    let worst = 0;
    for (let i = 0; i < COUNT; i++) {
      const ax = 0.126 + rng.random() * (0.85546875 - 0.126);
      const { xr, k } = tableRow(ax);
      const xx = xr * xr;
      const [sn, ssn, cs, ccs] = [TABLE[k]!, TABLE[k + 1]!, TABLE[k + 2]!, TABLE[k + 3]!];
      const psProduct = xx * SN5;
      const ps = SN3 + psProduct;
      const s = xr + xr * xx * ps;
      const fusedS = xr + fma(xr * xx, fma(xx, SN5, SN3), 0);
      if (Math.abs(SN3 - ps + psProduct) < GUARDS.psLimit) expect(s).toBe(fusedS);
      const fusedC = fma(xr, 0, xx * fma(xx, fma(xx, CS6, CS4), CS2));
      const fusedCor2 = fma(-fusedC, sn, fma(fusedS, ccs, ssn));
      const c = xx * (CS2 + xx * (CS4 + xx * CS6));
      const m2 = c * sn;
      const cor2 = ssn + s * ccs - m2;
      const e3 = fma(s, cs, -(s * cs));
      const b = cor2 + e3;
      const guard = GUARDS.sin * m2 + GUARDS.absolute;
      expect(signOfSum(e3, fusedCor2, -(b - guard))).toBeGreaterThanOrEqual(0);
      expect(signOfSum(e3, fusedCor2, -(b + guard))).toBeLessThanOrEqual(0);
      worst = Math.max(worst, Math.abs(fusedCor2 - b + e3) / guard);
    }
    expect(worst).toBeGreaterThan(0.1);
    expect(worst).toBeLessThan(1);
  });

  it('second pass, cos: fl(cor2 - e3 -+ g) brackets glibc fused cor2 - e3', () => {
    const rng = createRng(5);
    let worst = 0;
    for (let i = 0; i < COUNT; i++) {
      const ax = 2 ** -26 + rng.random() * (0.85546875 - 2 ** -26);
      const { xr, k } = tableRow(ax);
      const xx = xr * xr;
      const [sn, ssn, cs, ccs] = [TABLE[k]!, TABLE[k + 1]!, TABLE[k + 2]!, TABLE[k + 3]!];
      const s = xr + xr * xx * (SN3 + xx * SN5);
      if (s !== fma(xr * xx, fma(xx, SN5, SN3), xr)) continue; // the second pass checks this first
      const c = xx * fma(xx, fma(xx, CS6, CS4), CS2);
      const fusedCor2 = fma(-c, cs, fma(-s, ssn, ccs));
      const m2 = c * cs;
      const cor2 = ccs - s * ssn - m2;
      const e3 = fma(s, sn, -(s * sn));
      const b = cor2 - e3;
      const guard = LIMITS.exact * m2 + GUARDS.absolute;
      expect(signOfSum(fusedCor2, -e3, -(b - guard))).toBeGreaterThanOrEqual(0);
      expect(signOfSum(fusedCor2, -e3, -(b + guard))).toBeLessThanOrEqual(0);
      worst = Math.max(worst, Math.abs(fusedCor2 - b - e3) / guard);
    }
    expect(worst).toBeGreaterThan(0.05);
    expect(worst).toBeLessThan(1);
  });

  // Each exact-link check claims: |err| < limit implies round(C + y z) === fl(C + fl(y z)). Arguments y are taken
  // around the ties of C's binade (C + (2n + 1) half), where the two roundings do differ now and then.
  const links: [string, number, number, number, number, number][] = [
    // name, C, z, largest y, half an ulp of C's binade, limit
    ['ps', SN3, SN5, 2 ** -16, 2 ** -56, GUARDS.psLimit],
    ['q1', CS4, CS6, 2 ** -16, 2 ** -58, LIMITS.q1],
    ['qc', CS2, CS4, 2 ** -16, 2 ** -55, LIMITS.qc],
    ['p4', S4, S5, 0.0159, 2 ** -72, LIMITS.p4],
    ['p3', S3, S4, 0.0159, 2 ** -66, LIMITS.p3],
    ['p2', S2, S3, 0.0159, 2 ** -60, LIMITS.p2],
  ];
  for (const [name, constant, factor, largest, half, limit] of links) {
    it(`the ${name} link check fails whenever the unfused sum differs from the fused one`, () => {
      const rng = createRng(4);
      let differing = 0;
      for (let i = 0; i < 300; i++) {
        const n = Math.floor((rng.random() * largest * Math.abs(factor)) / (2 * half));
        let y = ((2 * n + 1) * half) / Math.abs(factor);
        for (let j = 0; j < 8; j++) y = nextDouble(y, -1);
        for (let j = 0; j < 16; j++, y = nextDouble(y, 1)) {
          if (!(y > 0 && y <= largest)) continue;
          const product = y * factor;
          const sum = constant + product;
          const passes = Math.abs(constant - sum + product) < limit;
          if (sum !== fma(y, factor, constant)) {
            differing++;
            expect(passes).toBe(false);
          }
        }
      }
      expect(differing).toBeGreaterThan(10);
    });
  }
});
