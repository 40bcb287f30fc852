import { doubleFromWords, fusedMultiplyAdd as fma, highWord, lowWord } from './fused-multiply-add.js';
import {
  EXP_INVERSE_LN2_N,
  EXP_NEGATIVE_LN2_HIGH_N,
  EXP_NEGATIVE_LN2_LOW_N,
  EXP_POLYNOMIAL,
  EXP_SHIFT,
  EXP_TABLE_WORDS,
  POW_LN2_HIGH,
  POW_LN2_LOW,
  POW_LOG_POLYNOMIAL,
  POW_LOG_TABLE,
} from './glibc-pow-tables.js';
import {
  EXP2F_POLYNOMIAL,
  EXP2F_SHIFT,
  EXP2F_TABLE_WORDS,
  POWF_LOG2_POLYNOMIAL,
  POWF_LOG2_TABLE,
} from './glibc-powf-tables.js';

/*
 * x ** 2 as NumPy computes it for scalars: `np.float64(x) ** 2` calls glibc's `pow(x, 2.0)` and
 * `np.float32(x) ** 2` calls `powf(x, 2.0f)`. Neither is always the correctly rounded x * x: pow is off in about
 * 0.08% of arguments, powf in about 0.07%. Both are ported here as glibc's x86-64 FMA variants compute them, with
 * the FMAs GCC generates emulated exactly.
 */

const SPLITTER = 134217729;
const [A0, A1, A2, A3, A4, A5, A6] = POW_LOG_POLYNOMIAL as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
const [C2, C3, C4, C5] = EXP_POLYNOMIAL as [number, number, number, number];
const [L0, L1, L2, L3, L4] = POWF_LOG2_POLYNOMIAL as [number, number, number, number, number];
const [E0, E1, E2] = EXP2F_POLYNOMIAL as [number, number, number];
/**
 * pow's result before its final rounding is within 0.009 ulp (exp) + 1.3 * 2^-15 * |2 ln x| ulp (log) of x^2: at
 * most 0.0105 ulp for 1e-8 < |x| < 1e8 (0.0101 measured over 9e7 arguments), 0.027 up to 1e100. The guards,
 * 2^-58 and 2^-57 times x^2, are at least 1/64 and 1/32 ulp.
 */
const SQUARE_GUARD = 3.469446951953614e-18;
const WIDE_SQUARE_GUARD = 6.938893903907228e-18;
const SMALLEST_DIRECT = 1e-100; // beyond these bounds exp's special cases (overflow, underflow) would apply
const LARGEST_DIRECT = 1e100;

/**
 * `pow(x, 2)` bit for bit as glibc computes it (NumPy's `np.float64(x) ** 2`), for 1e-100 < |x| < 1e100; outside
 * that range (and for 0, infinities and NaN) `x * x`.
 *
 * @example
 * ```ts
 * glibcSquare(-7.253990778484905); // 52.62038221434404, where x * x is 52.62038221434403
 * ```
 */
export function glibcSquare(x: number): number {
  const square = x * x;
  const ax = Math.abs(x);
  if (!(ax > SMALLEST_DIRECT && ax < LARGEST_DIRECT)) return square;
  // Exact x^2 = square + error; pow rounds an approximation within 0.01 ulp of it, so unless a rounding
  // boundary lies within the guard, pow returns the correctly rounded square.
  const t = SPLITTER * x;
  const high = t - (t - x);
  const low = x - high;
  const error = high * high - square + 2 * high * low + low * low;
  const guard = square * (ax > 1e-8 && ax < 1e8 ? SQUARE_GUARD : WIDE_SQUARE_GUARD);
  if (square + (error - guard) === square + (error + guard)) return square;
  return powSquare(ax);
}

/** glibc's pow(ax, 2) for positive normal ax within the direct range. */
function powSquare(ax: number): number {
  // log(ax) = k ln 2 + log(c) + log1p(z / c - 1), with z in [0x3fe69555..., 2 * 0x3fe69555...).
  const ixHigh = highWord(ax);
  const ixLow = lowWord(ax);
  const tmpHigh = (ixHigh - 0x3fe69555) | 0;
  const i = (tmpHigh >>> 13) & 127;
  const k = tmpHigh >> 20;
  const z = doubleFromWords((ixHigh - (tmpHigh & 0xfff00000)) >>> 0, ixLow);
  const invc = POW_LOG_TABLE[3 * i]!;
  const logc = POW_LOG_TABLE[3 * i + 1]!;
  const logctail = POW_LOG_TABLE[3 * i + 2]!;
  const r = fma(z, invc, -1);
  const t1 = fma(k, POW_LN2_HIGH, logc);
  const t2 = r + t1;
  const lo1 = fma(k, POW_LN2_LOW, logctail);
  const lo2 = r + (t1 - t2);
  const ar = r * A0;
  const ar2 = r * ar;
  const ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = fma(r, ar, -ar2);
  const lo4 = ar2 + (t2 - hi);
  const p = fma(ar2, fma(ar2, fma(r, A6, A5), fma(r, A4, A3)), fma(r, A2, A1));
  const lo = fma(ar3, p, lo4 + (lo3 + (lo1 + lo2)));
  const y = hi + lo;
  const tail = lo + (hi - y);
  // exp(2 y + 2 tail): 2 y is exact, so glibc's fma(y, 2, -2y) correction vanishes.
  const ehi = 2 * y;
  const elo = 2 * tail;
  if (Math.abs(ehi) < 5.551115123125783e-17) return 1 + ehi; // |ehi| < 2^-54
  const shifted = fma(ehi, EXP_INVERSE_LN2_N, EXP_SHIFT);
  const ki = lowWord(shifted);
  const kd = shifted - EXP_SHIFT;
  const reduced = elo + fma(EXP_NEGATIVE_LN2_LOW_N, kd, fma(EXP_NEGATIVE_LN2_HIGH_N, kd, ehi));
  const index = 4 * (ki & 127);
  const tableTail = doubleFromWords(EXP_TABLE_WORDS[index]!, EXP_TABLE_WORDS[index + 1]!);
  const scale = doubleFromWords(
    (EXP_TABLE_WORDS[index + 2]! + (ki << 13)) >>> 0,
    EXP_TABLE_WORDS[index + 3]!,
  );
  const r2 = reduced * reduced;
  const sum = fma(r2, fma(C3, reduced, C2), reduced + tableTail);
  const polynomial = fma(r2 * r2, fma(C5, reduced, C4), sum);
  return fma(polynomial, scale, scale);
}

const float32Buffer = new ArrayBuffer(4);
const float32View = new Float32Array(float32Buffer);
const float32Bits = new Uint32Array(float32Buffer);

/**
 * `powf(x, 2)` bit for bit as glibc computes it (NumPy's `np.float32(x) ** 2`) for a float32 `x` with
 * 2^-60 < |x| < 2^60; outside that range (and for 0, infinities and NaN) `Math.fround(x * x)`.
 *
 * @example
 * ```ts
 * glibcSquareFloat32(Math.fround(1.5)); // 2.25
 * ```
 */
export function glibcSquareFloat32(x: number): number {
  const ax = Math.abs(x);
  if (!(ax > 8.673617379884035e-19 && ax < 1152921504606846976)) return Math.fround(x * x);
  float32View[0] = ax;
  const ix = float32Bits[0]!;
  const tmp = (ix - 0x3f330000) >>> 0;
  const i = (tmp >>> 19) & 15;
  const top = tmp & 0xff800000;
  float32Bits[0] = (ix - top) >>> 0;
  const z = float32View[0];
  const k = top >> 23;
  const r = fma(POWF_LOG2_TABLE[2 * i]!, z, -1);
  const y0 = k + POWF_LOG2_TABLE[2 * i + 1]!;
  const r2 = r * r;
  const q = fma(r2, fma(L2, r, L3), fma(L4, r, y0));
  const log2 = fma(fma(L0, r, L1), r2 * r2, q);
  const ylogx = 2 * log2;
  const shifted = ylogx + EXP2F_SHIFT;
  const ki = lowWord(shifted);
  const reduced = ylogx - (shifted - EXP2F_SHIFT);
  const index = 2 * (ki & 31);
  const scale = doubleFromWords(
    (EXP2F_TABLE_WORDS[index]! + (ki << 15)) >>> 0,
    EXP2F_TABLE_WORDS[index + 1]!,
  );
  const polynomial = fma(fma(E0, reduced, E1), reduced * reduced, fma(E2, reduced, 1));
  return Math.fround(polynomial * scale);
}
