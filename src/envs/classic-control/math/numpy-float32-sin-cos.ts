import { fusedMultiplyAddFloat32 as fmaf } from './fused-multiply-add.js';
import { glibcCos, glibcSin } from './glibc-sin-cos.js';

/*
 * All constants are float32 values (written as the doubles they widen to).
 *
 * NumPy's float32 `np.sin`/`np.cos` on x86-64 CPUs with FMA: a vectorised float32 kernel (three-part Cody-Waite
 * reduction by pi/2, then minimax polynomials, every step a float32 FMA) rather than the C library. Its results
 * differ from the correctly rounded ones in a few percent of arguments, so code that mirrors NumPy's float32
 * arithmetic (Acrobot's first observation) needs this exact kernel.
 */

const TWO_OVER_PI = 0.6366197466850281;
const PI_OVER_2_HIGH = -1.570796012878418;
const PI_OVER_2_MIDDLE = -3.1391647326017846e-7;
const PI_OVER_2_LOW = -5.390302529957765e-15;
const ROUNDING_MAGIC = 12582912; // 1.5 * 2^23
const COS_8 = 2.4372266125283204e-5;
const COS_6 = -0.001388652017340064;
const COS_4 = 0.04166661947965622;
const SIN_9 = 2.8404097065504175e-6;
const SIN_7 = -0.00019856491417158395;
const SIN_5 = 0.008333397097885609;
const SIN_3 = -0.1666666716337204;
const SIN_RANGE = 117435.9921875;
const COS_RANGE = 71476.0625;

function sinOrCos(x: number, cosine: boolean): number {
  const quadrant = Math.fround(Math.fround(Math.fround(x * TWO_OVER_PI) + ROUNDING_MAGIC) - ROUNDING_MAGIC);
  let r = fmaf(quadrant, PI_OVER_2_HIGH, x);
  r = fmaf(quadrant, PI_OVER_2_MIDDLE, r);
  r = fmaf(quadrant, PI_OVER_2_LOW, r);
  const r2 = Math.fround(r * r);
  const n = (quadrant | 0) + (cosine ? 1 : 0);
  let result: number;
  if ((n & 1) === 0) {
    let p = fmaf(SIN_9, r2, SIN_7);
    p = fmaf(p, r2, SIN_5);
    p = fmaf(p, r2, SIN_3);
    p = Math.fround(p * r2);
    result = fmaf(p, r, r);
  } else {
    let p = fmaf(COS_8, r2, COS_6);
    p = fmaf(p, r2, COS_4);
    p = fmaf(p, r2, -0.5);
    result = fmaf(p, r2, 1);
  }
  return (n & 2) === 2 ? 0 - result : result;
}

/**
 * `np.sin(np.float32(x))` bit for bit (NumPy 2 on x86-64 with FMA) for float32 `x` with |x| <= 117435.992; beyond,
 * where NumPy calls the C library's `sinf`, the float32 rounding of glibc's double `sin`.
 *
 * @example
 * ```ts
 * numpySinFloat32(Math.fround(0.05)); // a float32 value, as np.sin(np.float32(0.05))
 * ```
 */
export function numpySinFloat32(x: number): number {
  if (x !== x) return NaN;
  if (Math.abs(x) > SIN_RANGE) return Math.fround(glibcSin(x));
  return sinOrCos(x, false);
}

/**
 * `np.cos(np.float32(x))` bit for bit (NumPy 2 on x86-64 with FMA) for float32 `x` with |x| <= 71476.0625; beyond,
 * the float32 rounding of glibc's double `cos`.
 *
 * @example
 * ```ts
 * numpyCosFloat32(Math.fround(0.05)); // a float32 value, as np.cos(np.float32(0.05))
 * ```
 */
export function numpyCosFloat32(x: number): number {
  if (x !== x) return NaN;
  if (Math.abs(x) > COS_RANGE) return Math.fround(glibcCos(x));
  return sinOrCos(x, true);
}
