/**
 * Exact emulation of one computation Gymnasium's `rescale_box` does in x86 80-bit `long double` (`np.float128`):
 * `(newMax - newMin) / (high - low)`, each long-double operation rounded to a 64-bit significand, then cast to the
 * box's dtype. Values are handled as exact dyadic rationals `m * 2^e` with BigInt significands; subnormal results
 * and exponent overflow (beyond any realistic box) are not modelled.
 */
import type { FloatDtype } from './numeric.js';

interface Dyadic {
  /** The signed significand. */
  m: bigint;
  /** The binary exponent. */
  e: number;
}

const LONG_DOUBLE_BITS = 64;
const scratch = new DataView(new ArrayBuffer(8));

function exact(x: number): Dyadic {
  scratch.setFloat64(0, x);
  const high = scratch.getUint32(0);
  const low = scratch.getUint32(4);
  const negative = high >>> 31 === 1;
  const exponent = (high >>> 20) & 0x7ff;
  let fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let e = -1074;
  if (exponent !== 0) {
    fraction |= 1n << 52n;
    e = exponent - 1075;
  }
  return { m: negative ? -fraction : fraction, e };
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

function subtract(a: Dyadic, b: Dyadic): Dyadic {
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) - (b.m << BigInt(b.e - e)), e };
}

/** Rounds `|m|` to `bits` significant bits, half to even; `sticky` says a nonzero remainder lies below `m`. */
function roundToBits(value: Dyadic, bits: number, sticky = false): Dyadic {
  const negative = value.m < 0n;
  const magnitude = negative ? -value.m : value.m;
  const length = bitLength(magnitude);
  if (length <= bits) return value;
  const shift = length - bits;
  let q = magnitude >> BigInt(shift);
  const remainder = magnitude & ((1n << BigInt(shift)) - 1n);
  const half = 1n << BigInt(shift - 1);
  if (remainder > half || (remainder === half && (sticky || (q & 1n) === 1n))) q += 1n;
  return { m: negative ? -q : q, e: value.e + shift };
}

function divide(a: Dyadic, b: Dyadic, bits: number): Dyadic {
  const negative = a.m < 0n !== b.m < 0n;
  const numerator = a.m < 0n ? -a.m : a.m;
  const denominator = b.m < 0n ? -b.m : b.m;
  const k = Math.max(0, bits + 2 + bitLength(denominator) - bitLength(numerator));
  const scaled = numerator << BigInt(k);
  const quotient = scaled / denominator;
  const sticky = scaled % denominator !== 0n;
  const rounded = roundToBits({ m: quotient, e: a.e - b.e - k }, bits, sticky);
  return negative ? { m: -rounded.m, e: rounded.e } : rounded;
}

function toNumber(value: Dyadic): number {
  let result = Number(value.m);
  let e = value.e;
  while (e > 1000) {
    result *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    result *= 2 ** -1000;
    e += 1000;
  }
  return result * 2 ** e;
}

/**
 * `span / (high - low)` as `rescale_box` computes its gradient on x86-64: the difference and the quotient in 80-bit
 * long double, the result cast to `dtype`. `span` is the (float64) width of the target range.
 *
 * @example
 * ```ts
 * rescaleGradient(2, 2, -2, 'float32'); // 0.5
 * ```
 */
export function rescaleGradient(span: number, high: number, low: number, dtype: FloatDtype): number {
  const width = roundToBits(subtract(exact(high), exact(low)), LONG_DOUBLE_BITS);
  if (width.m === 0n || span === 0 || !Number.isFinite(span)) {
    const quotient = span / toNumber(width);
    return dtype === 'float32' ? Math.fround(quotient) : quotient;
  }
  const quotient = divide(exact(span), width, LONG_DOUBLE_BITS);
  const result = toNumber(roundToBits(quotient, dtype === 'float32' ? 24 : 53));
  return dtype === 'float32' ? Math.fround(result) : result;
}
