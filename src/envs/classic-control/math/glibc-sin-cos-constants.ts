import { SIN_COS_TABLE } from './sin-cos-table.js';

/*
 * The constants of glibc's sin/cos kernels below 0.855469 (IBM Accurate Mathematical Library), shared by the
 * batched fast path (glibc-sin-cos-batch.ts) and its exact-product second pass (glibc-sin-cos-exact-products.ts).
 * u = 2^-53 is half an ulp of 1.
 */

/** Taylor coefficients of sin below 0.126: sin(x) = x + x^3 (S1 + x^2 (S2 + x^2 (S3 + x^2 (S4 + x^2 S5)))). */
export const S1 = -0.16666666666666666;
export const S2 = 0.008333333333332329;
export const S3 = -0.00019841269834414642;
export const S4 = 2.755729806860771e-6;
export const S5 = -2.5022014848318398e-8;
/** sin(xr) ~ xr + xr^3 (SN3 + xr^2 SN5) and 1 - cos(xr) ~ xr^2 (CS2 + xr^2 (CS4 + xr^2 CS6)) for |xr| <= 2^-8. */
export const SN3 = -0.16666666666666488;
export const SN5 = 0.008333332142857223;
export const CS2 = 0.5;
export const CS4 = -0.04166666666666644;
export const CS6 = 0.001388888740079376;
/** 1.5 * 2^45: adding it rounds a number in [0, 1) to a multiple of 1/128. */
export const BIG = 52776558133248;
/** 2^-26: below it glibc's sin(x) is x. */
export const SIN_TINY = 1.4901161193847656e-8;
/** Below it sin uses the Taylor polynomial, from it the table. */
export const TAYLOR_LIMIT = 0.126;
/** The end of the table kernels' range (0x3feb6000). */
export const TABLE_LIMIT = 0.85546875;
/** Veltkamp's constant 2^27 + 1: splits a double into two halves of at most 26 bits. */
export const SPLITTER = 134217729;
/** A guard term that covers the table's low parts (at most 5.55e-17) times u, with room: 2^-100. */
export const ABSOLUTE_GUARD = 7.888609052210118e-31;
/** ps = SN3 + xx SN5 lies in (-1/4, -1/8), where half an ulp is 2^-56; u * xx * SN5 <= 1.42e-23 < 2^-75. */
export const PS_LIMIT = 2 ** -56 - 2 ** -75;

/**
 * The table's sin and cos columns split in two halves of at most 26 bits, for error-free products: rows of
 * `[sin high, sin low, cos high, cos low]`, in the rows of `SIN_COS_TABLE` (index `k` there is `k` here too).
 */
export const SPLIT_TABLE: Float64Array = (() => {
  const split = new Float64Array(SIN_COS_TABLE.length);
  for (let row = 0; row < SIN_COS_TABLE.length; row += 4) {
    for (const column of [0, 2]) {
      const value = SIN_COS_TABLE[row + column]!;
      const t = SPLITTER * value;
      const high = t - (t - value);
      split[row + column] = high;
      split[row + column + 1] = value - high;
    }
  }
  return split;
})();
