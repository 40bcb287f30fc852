import { fusedMultiplyAdd as fma } from './fused-multiply-add.js';
import { SIN_COS_TABLE } from './sin-cos-table.js';

/*
 * sin and cos exactly as glibc 2.28+ computes them on x86-64 with FMA (its `__sin_fma`/`__cos_fma`, the variants
 * CPython's `math.sin` and NumPy's float64 `np.sin` call on current CPUs). The algorithm is the IBM Accurate
 * Mathematical Library's: a Taylor polynomial for small arguments, a table of sin/cos at k/128 plus short
 * polynomials below 0.855, a subtraction from pi/2 below 2.426, a three-part Cody-Waite reduction beyond. Which
 * products the compiler fused into FMAs was read from GCC's output and checked against the system libm.
 *
 * V8's `Math.sin`/`Math.cos` (fdlibm) differ from glibc's in the last bit for about 3% of arguments, so the
 * classic-control environments use these instead. Each kernel first runs with plain (unfused) arithmetic and keeps
 * that result when a bound on the fused/unfused difference cannot change the final rounding; otherwise it reruns
 * with emulated FMAs. For |x| >= 105414336 (never reached by the environments) glibc switches to a Payne-Hanek
 * reduction that is not ported: there the result falls back to `Math.sin`/`Math.cos`.
 */

/** A module-local binding of the table (faster to reach from optimised code than the import). */
const TABLE: Float64Array = SIN_COS_TABLE;
const S1 = -0.16666666666666666;
const S2 = 0.008333333333332329;
const S3 = -0.00019841269834414642;
const S4 = 2.755729806860771e-6;
const S5 = -2.5022014848318398e-8;
const SN3 = -0.16666666666666488;
const SN5 = 0.008333332142857223;
const CS2 = 0.5;
const CS4 = -0.04166666666666644;
const CS6 = 0.001388888740079376;
/** 1.5 * 2^45: adding it rounds a number in [0, 1) to a multiple of 1/128. */
const BIG = 52776558133248;
const HALF_PI_HIGH = 1.5707963267948966;
const HALF_PI_LOW = 6.123233995736766e-17;
const REDUCTION_1 = 1.5707963407039642;
const REDUCTION_2 = -1.3909067564377153e-8;
const REDUCTION_3 = -4.97899623147991e-17;
const REDUCTION_4 = -1.9034889620193266e-25;
const TWO_OVER_PI = 0.6366197723675814;
/** 1.5 * 2^52: adding it rounds to an integer. */
const TO_INTEGER = 6755399441055744;

const SIN_TINY = 1.4901161193847656e-8; // 2^-26
const COS_TINY = 7.450580596923828e-9; // 2^-27
const TAYLOR_LIMIT = 0.126;
const TABLE_LIMIT = 0.85546875;
const QUADRANT_LIMIT = 2.4262638092041016;
const REDUCTION_LIMIT = 105414336;
/**
 * 2^-50: times the magnitudes of a kernel's last terms, a bound (with a margin of at least 1.5) on how far fusing
 * the products can move the small term of the kernel's final sum; each bound is at most 2.5 units of 2^-52 of them.
 */
const GUARD = 8.881784197001252e-16;
const HALF_GUARD = GUARD / 2;
const QUARTER_GUARD = GUARD / 4;
/** The Taylor kernel's guard for da = 0 (twice GUARD: its bound counts the product and the sum, both |t|). */
const TAYLOR_GUARD = 2 * GUARD;

/** sin(a + da) for |a| < 0.126, or NaN when the unfused evaluation cannot decide the rounding. */
function taylorSinFast(a: number, da: number): number {
  const xx = a * a;
  const p = (((S5 * xx + S4) * xx + S3) * xx + S2) * xx + S1;
  const u = a * p - da * 0.5;
  const product = xx * u;
  const t = product + da;
  const guard = GUARD * (Math.abs(product) + Math.abs(t));
  const low = a + (t - guard);
  return low === a + (t + guard) ? low : NaN;
}

function taylorSinExact(a: number, da: number): number {
  const xx = a * a;
  let p = fma(xx, S5, S4);
  p = fma(xx, p, S3);
  p = fma(xx, p, S2);
  p = fma(xx, p, S1);
  const u = fma(a, p, -(da * 0.5));
  return a + fma(xx, u, da);
}

/** cos(x + dx) for |x| < 0.855469 from the table, or NaN when undecided. */
function tableCosFast(x: number, dx: number): number {
  const ax = Math.abs(x);
  const u = BIG + ax;
  const base = u - BIG;
  const xr = ax - base + (x < 0 ? -dx : dx);
  const k = (base * 512) | 0;
  const xx = xr * xr;
  const s = xr + xr * xx * (SN3 + xx * SN5);
  const c = xx * (CS2 + xx * (CS4 + xx * CS6));
  const sn = TABLE[k]!;
  const cs = TABLE[k + 2]!;
  const sSn = s * sn;
  const cor = TABLE[k + 3]! - s * TABLE[k + 1]! - cs * c - sSn;
  const guard = GUARD * (Math.abs(sSn) + Math.abs(c) + Math.abs(cor));
  const low = cs + (cor - guard);
  return low === cs + (cor + guard) ? low : NaN;
}

function tableCosExact(x: number, dx: number): number {
  const ax = Math.abs(x);
  const u = BIG + ax;
  const base = u - BIG;
  const xr = ax - base + (x < 0 ? -dx : dx);
  const k = (base * 512) | 0;
  const xx = xr * xr;
  const s = fma(xr * xx, fma(xx, SN5, SN3), xr);
  const c = xx * fma(xx, fma(xx, CS6, CS4), CS2);
  const sn = TABLE[k]!;
  const cs = TABLE[k + 2]!;
  let cor = fma(-s, TABLE[k + 1]!, TABLE[k + 3]!);
  cor = fma(-c, cs, cor);
  cor = fma(-s, sn, cor);
  return cs + cor;
}

/** |sin(x + dx)| for 0.126 <= |x| < 0.855469 from the table, or NaN when undecided. */
function tableSinFast(x: number, dx: number): number {
  const ax = Math.abs(x);
  const u = BIG + ax;
  const base = u - BIG;
  const xr = ax - base;
  const d = x <= 0 ? -dx : dx;
  const k = (base * 512) | 0;
  const xx = xr * xr;
  const s = xr + (d + xr * xx * (SN3 + xx * SN5));
  const c = xr * d + xx * (CS2 + xx * (CS4 + xx * CS6));
  const sn = TABLE[k]!;
  const cor = TABLE[k + 1]! + s * TABLE[k + 3]! - sn * c + TABLE[k + 2]! * s;
  // Fusing moves cor by at most 2.5 units of 2^-52 |s| plus 1.5 of 2^-52 |c| (the last product's rounding and
  // cor's, s by one ulp in rare ties, c by the fused x*dx); the guard is 3 and 2 such units (cor ~ s).
  const guard = HALF_GUARD * (Math.abs(s) + Math.abs(c)) + QUARTER_GUARD * Math.abs(cor);
  const low = sn + (cor - guard);
  return low === sn + (cor + guard) ? low : NaN;
}

function tableSinExact(x: number, dx: number): number {
  const ax = Math.abs(x);
  const u = BIG + ax;
  const base = u - BIG;
  const xr = ax - base;
  const d = x <= 0 ? -dx : dx;
  const k = (base * 512) | 0;
  const xx = xr * xr;
  const s = xr + fma(xr * xx, fma(xx, SN5, SN3), d);
  const c = fma(xr, d, xx * fma(xx, fma(xx, CS6, CS4), CS2));
  const sn = TABLE[k]!;
  let cor = fma(s, TABLE[k + 3]!, TABLE[k + 1]!);
  cor = fma(-c, sn, cor);
  cor = fma(s, TABLE[k + 2]!, cor);
  return sn + cor;
}

/** glibc's `do_sin`: sin(x + dx) for |x| < 0.855469. */
function kernelSin(x: number, dx: number): number {
  if (Math.abs(x) < TAYLOR_LIMIT) {
    const result = taylorSinFast(x, dx);
    return result === result ? result : taylorSinExact(x, dx);
  }
  let result = tableSinFast(x, dx);
  if (result !== result) result = tableSinExact(x, dx);
  return x < 0 ? -result : result;
}

/** glibc's `do_cos`: cos(x + dx) for |x| < 0.855469. */
function kernelCos(x: number, dx: number): number {
  const result = tableCosFast(x, dx);
  return result === result ? result : tableCosExact(x, dx);
}

let reducedLow = 0;
let reducedQuadrant = 0;

/** x = n * pi/2 + (a + reducedLow) with |a| <= pi/4: returns a, sets `reducedLow` and `reducedQuadrant` (n mod 4). */
function reduce(x: number): number {
  // The quadrant: glibc rounds x * 2/pi to an integer with one FMA. The unfused rounding gives the same integer
  // unless x * 2/pi lies within an ulp (< 2^-26 here) of a half-integer; only then is the FMA emulated.
  const q = x * TWO_OVER_PI;
  let xn = q + TO_INTEGER - TO_INTEGER;
  const distance = Math.abs(q - xn);
  if (!(Math.abs(distance - 0.5) > 9.5367431640625e-7)) xn = fma(x, TWO_OVER_PI, TO_INTEGER) - TO_INTEGER;
  reducedQuadrant = xn & 3;
  // The first three parts of pi/2 have at most 27 significant bits and |xn| <= 2^26, so these products are exact
  // and glibc's fused multiply-adds equal plain arithmetic; only the last part needs real FMAs.
  const y = x - xn * REDUCTION_1 + xn * -REDUCTION_2;
  const t1 = xn * REDUCTION_3;
  const t2 = y - t1;
  const low = y - t2 - t1;
  const b = fma(-xn, REDUCTION_4, t2);
  reducedLow = low + fma(-xn, REDUCTION_4, t2 - b);
  return b;
}

/** sin or cos of a + da in quadrant n (glibc's `do_sincos`). */
function sinInQuadrant(a: number, da: number, n: number): number {
  const result = (n & 1) === 1 ? kernelCos(a, da) : kernelSin(a, da);
  return (n & 2) === 2 ? -result : result;
}

/**
 * The sine of `x`, bit for bit as glibc's `sin` on x86-64 (what Python's `math.sin` and NumPy's float64 `np.sin`
 * return), for |x| < 105414336.
 *
 * @example
 * ```ts
 * glibcSin(0.8228764275297742); // 0.7331051621948798 (Math.sin gives 0.7331051621948799)
 * ```
 */
export function glibcSin(x: number): number {
  const ax = Math.abs(x);
  if (ax < TAYLOR_LIMIT && ax >= SIN_TINY) {
    // The Taylor kernel with da = 0, unfused; kept when fusing cannot change the rounding. This path is kept
    // small so that V8 inlines it into the callers' loops.
    const xx = x * x;
    const t = xx * (x * ((((S5 * xx + S4) * xx + S3) * xx + S2) * xx + S1));
    const guard = TAYLOR_GUARD * Math.abs(t);
    const low = x + (t - guard);
    if (low === x + (t + guard)) return low;
  }
  return sinSlowPath(x, ax);
}

function sinSlowPath(x: number, ax: number): number {
  if (ax < SIN_TINY) return x;
  if (ax < TAYLOR_LIMIT) return taylorSinExact(x, 0);
  if (ax < TABLE_LIMIT) {
    let result = tableSinFast(x, 0);
    if (result !== result) result = tableSinExact(x, 0);
    return x < 0 ? -result : result;
  }
  if (ax < QUADRANT_LIMIT) {
    const result = kernelCos(HALF_PI_HIGH - ax, HALF_PI_LOW);
    return x < 0 ? -result : result;
  }
  if (ax < REDUCTION_LIMIT) {
    const a = reduce(x);
    return sinInQuadrant(a, reducedLow, reducedQuadrant);
  }
  return ax < Infinity ? Math.sin(x) : NaN;
}

/**
 * The cosine of `x`, bit for bit as glibc's `cos` on x86-64 (what Python's `math.cos` and NumPy's float64 `np.cos`
 * return), for |x| < 105414336.
 *
 * @example
 * ```ts
 * glibcCos(-3.939351463613729); // -0.69831268952678 (Math.cos gives -0.6983126895267802)
 * ```
 */
export function glibcCos(x: number): number {
  const ax = Math.abs(x);
  if (ax < TABLE_LIMIT && ax >= COS_TINY) {
    // The table kernel with dx = 0, unfused; kept when fusing cannot change the rounding (small, to be inlined).
    const base = BIG + ax - BIG;
    const xr = ax - base;
    const k = (base * 512) | 0;
    const xx = xr * xr;
    const s = xr + xr * xx * (SN3 + xx * SN5);
    const c = xx * (CS2 + xx * (CS4 + xx * CS6));
    const cs = TABLE[k + 2]!;
    const sSn = s * TABLE[k]!;
    const cor = TABLE[k + 3]! - s * TABLE[k + 1]! - cs * c - sSn;
    const guard = GUARD * (Math.abs(sSn) + Math.abs(c) + Math.abs(cor));
    const low = cs + (cor - guard);
    if (low === cs + (cor + guard)) return low;
  }
  return cosSlowPath(x, ax);
}

function cosSlowPath(x: number, ax: number): number {
  if (ax < COS_TINY) return 1;
  if (ax < TABLE_LIMIT) return tableCosExact(x, 0);
  if (ax < QUADRANT_LIMIT) {
    const y = HALF_PI_HIGH - ax;
    const a = y + HALF_PI_LOW;
    return kernelSin(a, y - a + HALF_PI_LOW);
  }
  if (ax < REDUCTION_LIMIT) {
    const a = reduce(x);
    return sinInQuadrant(a, reducedLow, (reducedQuadrant + 1) & 3);
  }
  return ax < Infinity ? Math.cos(x) : NaN;
}
