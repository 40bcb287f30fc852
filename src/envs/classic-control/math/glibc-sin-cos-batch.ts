import * as glibc from './glibc-sin-cos-constants.js';
import { finishSinCosBatch } from './glibc-sin-cos-exact-products.js';
import { SIN_COS_TABLE } from './sin-cos-table.js';

/*
 * sin and cos of many arguments at once, bit for bit as glibc's `sin`/`cos` (see glibc-sin-cos.ts), with a fast
 * path for 2^-26 <= |x| < 0.85546875 that needs no emulated FMA in all but rare, detected cases. The constants and
 * the steps are glibc's: a Taylor polynomial for sin below 0.126, a table of sin/cos at k/128 plus short polynomials
 * (sin from 0.126, cos everywhere in the range). glibc's FMA build fuses some of the products with the following
 * addition; plain JavaScript arithmetic rounds each product first. How each kernel still gets glibc's rounding:
 *
 * Notation: u = 2^-53 (half an ulp of 1), fl() a JavaScript operation, |fl(y) - y| <= u |y| and <= u |fl(y)|; for
 * reals X, Y: |round(X) - round(Y)| <= |X - Y| + u |X| + u |Y|.
 *
 * Guard lemma. Let A, b be doubles and beta a real with |beta - b| <= E, and g >= (E + u |b|) / (1 - u). Then
 * fl(b - g) <= beta <= fl(b + g), and since y -> round(A + y) is monotone, round(A + beta) lies between
 * fl(A + fl(b - g)) and fl(A + fl(b + g)): if those two are equal, so is round(A + beta). Rounding twice in a row
 * (round(A + round(B + y))) is monotone too, so the lemma applies to two chained additions as well.
 *
 * 1. sin, |x| < 0.126 (Taylor): glibc computes p = S1 + x2 p2 (x2 = x*x) through a chain of four FMAs, then
 *    x + round(x2 round(x p)). Only p can differ; everything after it is the same arithmetic. Each of the four
 *    links changes the argument of its rounding by far less than an ulp of a value that stays inside one binade
 *    (p4 ~ 2.8e-6, p3 ~ -2.0e-4, p2 ~ 8.3e-3, p ~ -1/6, each within 0.1% of its constant for x2 < 0.016), so the
 *    unfused p2 is within 2u |p2| of the fused one and b1 = fl(x2 p2) within E = 3u |b1| (1 + u) of x2 p2 (fused).
 *    The lemma with A = S1, b = b1 needs g >= 4u |b1| (1 + 2u); TAYLOR_GUARD = 5u. When the two ends agree, p is
 *    glibc's p and the sine is exact. Undecided in about x^2 / 3 of the cases (0.3% at |x| = 0.1).
 * 2. cos (table): the unfused cor3 = cs + ... is compared with glibc's fused one. Propagating the bounds through
 *    the steps (s within 2.01u |s| of glibc's, c within 4.03u |c|, then cor1, cor2, cor3) gives, for the final
 *    addition cs + cor3, g >= 6.05u |m3| + 10.1u m2 + 7.1u |cor1| + 3.1u |m1| with m1 = s ssn, m2 = c cs >= 0,
 *    m3 = s sn. |cor1| <= 5.55e-17 + |m1| and |m1| <= 2^-8 * 5.49e-17 (table maxima), so those two terms are below
 *    4.4e-32 < ABSOLUTE_GUARD = 2^-100. The guard is COS_GUARD (|m3| + 2 m2) + ABSOLUTE_GUARD with COS_GUARD = 8u.
 *    Undecided in about 8 |m3| of the cases (up to 0.6% near |x| = 0.2).
 * 3. sin (table, 0.126 <= |x|): here ulp(sn) is only 64 times ulp(cor3), so the last FMA, round(s cs + cor2), is
 *    followed exactly: s cs = m3 + e3 with Dekker's error-free product (cs split ahead in SPLIT_TABLE). s must be
 *    glibc's: s = xr + round(xr xx ps) is the same arithmetic once ps = SN3 + xx SN5 is, and that sum's rounding
 *    error err is exact (Fast2Sum: SN3 dominates), so the fused ps equals the unfused one when |err| + u xx SN5 is
 *    below half an ulp of ps's binade: |err| < PS_LIMIT. c may differ from glibc's (within 4.03u c, as in 2.).
 *    cor1 = ssn + s ccs and cor2 = cor1 - c sn (unfused) are then within 1.01u |m1| + 4.02u |cor1| + 7.05u m2 of
 *    glibc's, and the lemma with A = m3 (then sn), b = fl(cor2 + e3) needs g >= 9.06u m2 + 6.03u |cor1| +
 *    1.01u |m1| + 2.01u^2 |m3|; all but the first are below 3.8e-32 (table maxima, |s| <= 2^-8). SIN_GUARD = 12u
 *    on m2 = c sn >= 0, plus ABSOLUTE_GUARD. Undecided in about 96 m2 of the cases (< 0.03%).
 * Undecided arguments take a second pass with error-free products (glibc-sin-cos-exact-products.ts); what it
 * cannot decide either, and arguments outside the range, take glibcSin/glibcCos, which emulate the FMAs.
 */

// Module-local copies: V8 builds module-local constants into the machine code, but reads imported bindings through
// a cell (with a check) on every use, which costs the fast loop about a tenth of its time.
const ABSOLUTE_GUARD = glibc.ABSOLUTE_GUARD;
const BIG = glibc.BIG;
const CS2 = glibc.CS2;
const CS4 = glibc.CS4;
const CS6 = glibc.CS6;
const PS_LIMIT = glibc.PS_LIMIT;
const S1 = glibc.S1;
const S2 = glibc.S2;
const S3 = glibc.S3;
const S4 = glibc.S4;
const S5 = glibc.S5;
const SIN_TINY = glibc.SIN_TINY;
const SN3 = glibc.SN3;
const SN5 = glibc.SN5;
const SPLITTER = glibc.SPLITTER;
const SPLIT_TABLE = glibc.SPLIT_TABLE;
const TABLE_LIMIT = glibc.TABLE_LIMIT;
const TAYLOR_LIMIT = glibc.TAYLOR_LIMIT;
const TABLE: Float64Array = SIN_COS_TABLE;
const TAYLOR_GUARD = 5.551115123125783e-16; // 5u
const COS_GUARD = 8.881784197001252e-16; // 8u = 2^-50
const SIN_GUARD = 1.3322676295501878e-15; // 12u

/**
 * The guard constants of the fast path (see the comment at the top of the file), exported for the tests that
 * check the error bounds they rest on.
 *
 * @example
 * ```ts
 * SIN_COS_BATCH_GUARDS.taylor; // 5 * 2^-53
 * ```
 */
export const SIN_COS_BATCH_GUARDS = {
  taylor: TAYLOR_GUARD,
  cos: COS_GUARD,
  sin: SIN_GUARD,
  absolute: ABSOLUTE_GUARD,
  psLimit: PS_LIMIT,
} as const;

/**
 * `glibcSin` and `glibcCos` of `count` arguments `values[start + j * stride]`, written as pairs: `out[2j]` the sine
 * and `out[2j + 1]` the cosine. Bit for bit glibc's results, for every argument; close to the speed of `Math.sin`
 * plus `Math.cos` for |x| < 0.855 (the hot path of CartPole), where the rare arguments the fast path cannot decide
 * are computed again more carefully. Returns how many arguments the fast path left to that second pass (those
 * outside its range and the undecided ones).
 *
 * @example
 * ```ts
 * const state = Float64Array.of(0, 0, 0.1, 0, 0, 0, -0.2, 0); // two CartPole states
 * const out = new Float64Array(4);
 * glibcSinCosBatch(state, 2, 4, 2, out); // out = [sin(0.1), cos(0.1), sin(-0.2), cos(-0.2)]
 * ```
 */
export function glibcSinCosBatch(
  values: Float64Array,
  start: number,
  stride: number,
  count: number,
  out: Float64Array,
): number {
  let undecided = 0;
  let pending = pendingIndices;
  for (let j = 0; j < count; j++) {
    const x = values[start + j * stride]!;
    const ax = Math.abs(x);
    if (!(ax >= SIN_TINY && ax < TABLE_LIMIT)) {
      if (undecided === pending.length) pending = morePendingIndices();
      pending[undecided++] = j;
      continue;
    }
    const base = BIG + ax - BIG;
    const xr = ax - base;
    const k = (base * 512) | 0;
    const xx = xr * xr;
    const sn = TABLE[k]!;
    const cs = TABLE[k + 2]!;
    const psProduct = xx * SN5;
    const ps = SN3 + psProduct;
    const s = xr + xr * xx * ps;
    const c = xx * (CS2 + xx * (CS4 + xx * CS6));
    // 2. cos, unfused, with its guard.
    const cosM2 = c * cs;
    const cosM3 = s * sn;
    const cosCor = TABLE[k + 3]! - s * TABLE[k + 1]! - cosM2 - cosM3;
    const cosGuard = COS_GUARD * (Math.abs(cosM3) + cosM2 + cosM2) + ABSOLUTE_GUARD;
    const cosine = cs + (cosCor - cosGuard);
    let decided = cosine === cs + (cosCor + cosGuard);
    let sine: number;
    if (ax < TAYLOR_LIMIT) {
      // 1. sin, Taylor: p exact when the guard decides it.
      const x2 = x * x;
      const b1 = x2 * (((S5 * x2 + S4) * x2 + S3) * x2 + S2);
      const guard = TAYLOR_GUARD * Math.abs(b1);
      decided &&= S1 + (b1 - guard) === S1 + (b1 + guard);
      sine = x + x2 * (x * (S1 + b1));
    } else {
      // 3. sin, table: exact s, exact last product, guarded sum.
      const cor1 = TABLE[k + 1]! + s * TABLE[k + 3]!;
      const sinM2 = c * sn;
      const cor2 = cor1 - sinM2;
      const m3 = s * cs;
      const split = SPLITTER * s;
      const sHigh = split - (split - s);
      const sLow = s - sHigh;
      const csHigh = SPLIT_TABLE[k + 2]!;
      const csLow = SPLIT_TABLE[k + 3]!;
      const e3 = sHigh * csHigh - m3 + sHigh * csLow + sLow * csHigh + sLow * csLow;
      const b = cor2 + e3;
      const guard = SIN_GUARD * sinM2 + ABSOLUTE_GUARD;
      const low = sn + (m3 + (b - guard));
      decided &&= low === sn + (m3 + (b + guard)) && Math.abs(SN3 - ps + psProduct) < PS_LIMIT;
      sine = low * (x / ax); // the sign of x without a branch (x / ax is exactly +1 or -1)
    }
    if (decided) {
      out[2 * j] = sine;
      out[2 * j + 1] = cosine;
    } else {
      if (undecided === pending.length) pending = morePendingIndices();
      pending[undecided++] = j;
    }
  }
  if (undecided !== 0) finishSinCosBatch(values, start, stride, pending, undecided, out);
  return undecided;
}

/** The indices (j) the fast path leaves to the second pass, reused by every call; grown when full. */
let pendingIndices: Int32Array = new Int32Array(64);

function morePendingIndices(): Int32Array {
  const grown = new Int32Array(2 * pendingIndices.length);
  grown.set(pendingIndices);
  pendingIndices = grown;
  return grown;
}

/**
 * Where {@link glibcSinCosOf} and {@link glibcSinCos} write their results: `[sin, cos]` (reused by every call).
 *
 * @example
 * ```ts
 * glibcSinCos(0.5);
 * sinCosResult[1]; // glibcCos(0.5)
 * ```
 */
export const sinCosResult = new Float64Array(2);

/**
 * Both `glibcSin(x)` and `glibcCos(x)` for `x = values[index]` into {@link sinCosResult} (see
 * {@link glibcSinCosBatch}). The argument is read from an array so that the call does not box a double.
 *
 * @example
 * ```ts
 * const state = Float64Array.of(0, 0, 0.1, 0);
 * glibcSinCosOf(state, 2);
 * const [sin, cos] = sinCosResult; // sin(0.1), cos(0.1)
 * ```
 */
export function glibcSinCosOf(values: Float64Array, index: number): void {
  glibcSinCosBatch(values, index, 1, 1, sinCosResult);
}

const scratch = new Float64Array(1);

/**
 * Both `glibcSin(x)` and `glibcCos(x)` into {@link sinCosResult}.
 *
 * @example
 * ```ts
 * glibcSinCos(0.1);
 * const [sin, cos] = sinCosResult;
 * ```
 */
export function glibcSinCos(x: number): void {
  scratch[0] = x;
  glibcSinCosBatch(scratch, 0, 1, 1, sinCosResult);
}

/**
 * Arguments that take every branch of {@link glibcSinCosBatch}: Taylor and table ranges of both signs, one of each
 * left undecided by the fast path (-0.1064..., 0.1756...), and some outside the fast range.
 *
 * @example
 * ```ts
 * glibcSinCosBatch(SIN_COS_WARM_UP_ARGUMENTS, 0, 1, 1, new Float64Array(2)); // 0: 0.05 is decided
 * ```
 */
export const SIN_COS_WARM_UP_ARGUMENTS = Float64Array.of(
  0.05,
  -0.1,
  0.2,
  -0.5,
  0.8,
  -0.10643118125000589,
  0.17560814375000294,
  1e-9,
  -2,
  0,
);

// Warm-up. V8 optimises glibcSinCosBatch with the type feedback gathered so far; CartPole's first steps only see
// small angles, so the table branch and the second pass would have none, and the first time they run the optimised
// code would be thrown away (and V8 then often leaves the function to the interpreter). A few calls that take every
// branch give them feedback before any of that happens.
const warmUpOut = new Float64Array(2 * SIN_COS_WARM_UP_ARGUMENTS.length);
for (let i = 0; i < 16; i++) {
  glibcSinCosBatch(SIN_COS_WARM_UP_ARGUMENTS, 0, 1, SIN_COS_WARM_UP_ARGUMENTS.length, warmUpOut);
}
