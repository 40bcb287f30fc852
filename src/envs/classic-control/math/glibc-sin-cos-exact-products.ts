import {
  ABSOLUTE_GUARD,
  BIG,
  CS2,
  CS4,
  CS6,
  PS_LIMIT,
  S1,
  S2,
  S3,
  S4,
  S5,
  SIN_TINY,
  SN3,
  SN5,
  SPLITTER,
  SPLIT_TABLE,
  TABLE_LIMIT,
  TAYLOR_LIMIT,
} from './glibc-sin-cos-constants.js';
import { glibcCos, glibcSin } from './glibc-sin-cos.js';
import { SIN_COS_TABLE } from './sin-cos-table.js';

/*
 * The second pass of glibcSinCosBatch, for the arguments whose rounding its fast path could not decide (about 0.3%
 * of CartPole's): glibc's kernels again, this time following exactly the fused steps that matter, with error-free
 * products, and without calls (no boxed numbers: no garbage). Notation and the guard lemma are those of
 * glibc-sin-cos-batch.ts.
 *
 * Exact links. Each polynomial link is a constant C plus a product a = fl(y z) much smaller than C, staying in
 * C's binade: v = fl(C + a) and its error err = (C - v) + a are exact (Fast2Sum), and glibc's fused link rounds
 * v + err + (y z - a), |y z - a| <= u |a|, so it is v when |err| + u |a| < half an ulp of the binade. Each LIMIT
 * below is that half ulp minus a power of two above u max|a| (x2 < 0.0159 below 0.126, xx <= 2^-16 in the table).
 *
 * sin, |x| < 0.126: p4 = S4 + x2 S5, p3 = S3 + x2 p4 and p2 = S2 + x2 p3 (x2 = x * x) are exact links; then
 * p = round(S1 + x2 p2) exactly: x2 p2 = P + E (Dekker), r = fl(S1 + P) and err = (S1 - r) + P (exact), so
 * p = round(r + err + E), decided by the lemma with A = r, b = fl(err + E), g = 2.5u |b|. The rest is glibc's
 * arithmetic. cos: ps = SN3 + xx SN5, q1 = CS4 + xx CS6 and qc = CS2 + xx q1 are exact links, so c = fl(xx qc) is
 * glibc's; glibc's s = round(xr + q ps) (q = fl(xr xx)) is fl(xr + t), t = fl(q ps), when the lemma with A = xr,
 * b = t, g = 2.5u |t| decides it. cor1 = ccs - s ssn and cor2 = cor1 - c cs (unfused) are within
 * 1.01u |m1| + 4.02u |cor1| + 3.01u m2 of glibc's (m1 = s ssn, m2 = c cs); the last FMA is followed exactly:
 * s sn = m3 + e3 (Dekker, sn split ahead) and glibc's cor3 = round(-m3 + (cor2 - e3)); the lemma with A = -m3
 * (then cs) and b = fl(cor2 - e3) needs g >= 5.02u m2 + 6.03u |cor1| + 1.01u |m1| + 2.01u^2 |m3|, that is
 * EXACT_GUARD = 8u on m2 plus ABSOLUTE_GUARD (table maxima, as in the fast path). sin, table: the fast path's
 * computation with c exact, so the same lemma with the roles of sn and cs swapped: EXACT_GUARD on m2 = c sn.
 * Undecided cases are left to the FMA emulation; they are of the order of u per argument.
 */

const TABLE: Float64Array = SIN_COS_TABLE;
const P4_LIMIT = 2 ** -72 - 2 ** -84; // p4 in [2^-19, 2^-18); u * x2 |S5| <= 4.4e-26
const P3_LIMIT = 2 ** -66 - 2 ** -77; // p3 in (-2^-12, -2^-13); u * x2 p4 <= 4.9e-24
const P2_LIMIT = 2 ** -60 - 2 ** -71; // p2 in [2^-7, 2^-6); u * x2 |p3| <= 3.5e-22
const Q1_LIMIT = 2 ** -58 - 2 ** -78; // q1 in (-2^-4, -2^-5); u * xx CS6 <= 2.4e-24
const QC_LIMIT = 2 ** -55 - 2 ** -73; // qc in (1/4, 1/2], half ulp below 1/2; u * xx |q1| <= 7.1e-23
const LINK_GUARD = 2.7755575615628914e-16; // 2.5u
const EXACT_GUARD = 8.881784197001252e-16; // 8u

/**
 * The limits and guards of the second pass (see the comment at the top of the file), exported for the tests that
 * check them.
 *
 * @example
 * ```ts
 * EXACT_PRODUCT_LIMITS.p2; // 2^-60 - 2^-71
 * ```
 */
export const EXACT_PRODUCT_LIMITS = {
  p4: P4_LIMIT,
  p3: P3_LIMIT,
  p2: P2_LIMIT,
  q1: Q1_LIMIT,
  qc: QC_LIMIT,
  link: LINK_GUARD,
  exact: EXACT_GUARD,
} as const;

/**
 * The second pass of `glibcSinCosBatch`: for each of the `count` indices `j` in `indices`, glibc's sin and cos of
 * `values[start + j * stride]` into `out[2j]` and `out[2j + 1]`, with the fused steps followed exactly, and FMA
 * emulation (`glibcSin`, `glibcCos`) for what even this cannot decide or lies outside 2^-26 <= |x| < 0.85546875.
 * Returns how many arguments took the FMA emulation. One function with the loop inside, so that it is too large to
 * be inlined into the fast loop (whose machine code it would make slower) and gets its own optimisation.
 *
 * @example
 * ```ts
 * const out = new Float64Array(4);
 * finishSinCosBatch(Float64Array.of(0.1, 2), 0, 1, Int32Array.of(0, 1), 2, out);
 * // out = [glibcSin(0.1), glibcCos(0.1), glibcSin(2), glibcCos(2)]
 * ```
 */
export function finishSinCosBatch(
  values: Float64Array,
  start: number,
  stride: number,
  indices: Int32Array,
  count: number,
  out: Float64Array,
): number {
  let emulated = 0;
  for (let i = 0; i < count; i++) {
    const j = indices[i]!;
    const x = values[start + j * stride]!;
    // Each `break exact` leaves the rare undecided case to the FMA emulation below.
    exact: {
      const ax = Math.abs(x);
      if (!(ax >= SIN_TINY && ax < TABLE_LIMIT)) break exact;
      const base = BIG + ax - BIG;
      const xr = ax - base;
      const k = (base * 512) | 0;
      const xx = xr * xr;
      const sn = TABLE[k]!;
      const cs = TABLE[k + 2]!;
      // Exact links ps, q1, qc; then s by the lemma.
      const psProduct = xx * SN5;
      const ps = SN3 + psProduct;
      const q1Product = xx * CS6;
      const q1 = CS4 + q1Product;
      const qcProduct = xx * q1;
      const qc = CS2 + qcProduct;
      const t = xr * xx * ps;
      const s = xr + t;
      const sGuard = LINK_GUARD * Math.abs(t);
      if (!(
        Math.abs(SN3 - ps + psProduct) < PS_LIMIT &&
        Math.abs(CS4 - q1 + q1Product) < Q1_LIMIT &&
        Math.abs(CS2 - qc + qcProduct) < QC_LIMIT &&
        xr + (t - sGuard) === xr + (t + sGuard)
      )) {
        break exact;
      }
      const c = xx * qc;
      const split = SPLITTER * s;
      const sHigh = split - (split - s);
      const sLow = s - sHigh;
      // cos: the last product s * sn exactly.
      const cosM2 = c * cs;
      const cosCor2 = TABLE[k + 3]! - s * TABLE[k + 1]! - cosM2;
      const cosM3 = s * sn;
      const snHigh = SPLIT_TABLE[k]!;
      const snLow = SPLIT_TABLE[k + 1]!;
      const cosE3 = sHigh * snHigh - cosM3 + sHigh * snLow + sLow * snHigh + sLow * snLow;
      const cosB = cosCor2 - cosE3;
      const cosGuard = EXACT_GUARD * cosM2 + ABSOLUTE_GUARD;
      const cosine = cs + (cosB - cosGuard - cosM3);
      if (cosine !== cs + (cosB + cosGuard - cosM3)) break exact;
      let sine: number;
      if (ax < TAYLOR_LIMIT) {
        // sin, Taylor: exact links p4, p3, p2, then p exactly.
        const x2 = x * x;
        const p4Product = x2 * S5;
        const p4 = S4 + p4Product;
        const p3Product = x2 * p4;
        const p3 = S3 + p3Product;
        const p2Product = x2 * p3;
        const p2 = S2 + p2Product;
        if (!(
          Math.abs(S4 - p4 + p4Product) < P4_LIMIT &&
          Math.abs(S3 - p3 + p3Product) < P3_LIMIT &&
          Math.abs(S2 - p2 + p2Product) < P2_LIMIT
        )) {
          break exact;
        }
        const product = x2 * p2;
        const x2Split = SPLITTER * x2;
        const x2High = x2Split - (x2Split - x2);
        const x2Low = x2 - x2High;
        const p2Split = SPLITTER * p2;
        const p2High = p2Split - (p2Split - p2);
        const p2Low = p2 - p2High;
        const error = x2High * p2High - product + x2High * p2Low + x2Low * p2High + x2Low * p2Low;
        const r = S1 + product;
        const b = S1 - r + product + error;
        const guard = LINK_GUARD * Math.abs(b);
        const p = r + (b - guard);
        if (p !== r + (b + guard)) break exact;
        sine = x + x2 * (x * p);
      } else {
        // sin, table: the last product s * cs exactly, c exact.
        const sinM2 = c * sn;
        const sinCor2 = TABLE[k + 1]! + s * TABLE[k + 3]! - sinM2;
        const m3 = s * cs;
        const csHigh = SPLIT_TABLE[k + 2]!;
        const csLow = SPLIT_TABLE[k + 3]!;
        const e3 = sHigh * csHigh - m3 + sHigh * csLow + sLow * csHigh + sLow * csLow;
        const b = sinCor2 + e3;
        const guard = EXACT_GUARD * sinM2 + ABSOLUTE_GUARD;
        const low = sn + (m3 + (b - guard));
        if (low !== sn + (m3 + (b + guard))) break exact;
        sine = low * (x / ax);
      }
      out[2 * j] = sine;
      out[2 * j + 1] = cosine;
      continue;
    }
    out[2 * j] = glibcSin(x);
    out[2 * j + 1] = glibcCos(x);
    emulated++;
  }
  return emulated;
}
