/**
 * Exact fused multiply-add in JavaScript doubles: `a * b + c` rounded once, as the FMA instructions that glibc's
 * and NumPy's math kernels use on x86-64. JavaScript has no FMA, so these emulate it with error-free
 * transformations (Dekker's product, Knuth's sum) and a final addition rounded to odd (Boldo and Melquiond, "Emulation
 * of FMA and correctly rounded sums: proved algorithms using rounding to odd", IEEE Trans. Computers 57(4), 2008).
 *
 * Valid for finite arguments whose product neither overflows nor falls near the subnormal range (|a*b| > 2^-960),
 * which holds everywhere the classic-control kernels call them.
 */

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for splitting a double into two 26-bit halves.
const bitsBuffer = new ArrayBuffer(8);
const bitsAsDouble = new Float64Array(bitsBuffer);
const bitsAsWords = new Uint32Array(bitsBuffer); // little-endian: [low word, high word]

/**
 * `x + y` rounded to odd: the exact sum if it is a double, otherwise the neighbouring double with an odd last
 * significand bit. A later rounding to fewer bits then rounds as the exact sum would.
 */
function addRoundToOdd(x: number, y: number): number {
  const sum = x + y;
  const virtualY = sum - x;
  const error = x - (sum - virtualY) + (y - virtualY);
  if (error === 0) return sum;
  bitsAsDouble[0] = sum;
  const low = bitsAsWords[0]!;
  if ((low & 1) === 1) return sum;
  // Move one unit in the last place towards the exact value (the neighbour with an odd last bit).
  if (error > 0 === sum > 0) {
    bitsAsWords[0] = low + 1; // low is even: no carry
  } else if (low === 0) {
    bitsAsWords[0] = 0xffffffff;
    bitsAsWords[1] = bitsAsWords[1]! - 1;
  } else {
    bitsAsWords[0] = low - 1;
  }
  return bitsAsDouble[0];
}

/**
 * `a * b + c` with a single rounding (C's `fma`).
 *
 * @example
 * ```ts
 * fusedMultiplyAdd(0.1, 10, -1); // 5.551115123125783e-17, where 0.1 * 10 - 1 gives 0
 * ```
 */
export function fusedMultiplyAdd(a: number, b: number, c: number): number {
  const product = a * b;
  if (!Number.isFinite(product) || !Number.isFinite(c)) return product + c;
  let t = SPLITTER * a;
  const aHigh = t - (t - a);
  const aLow = a - aHigh;
  t = SPLITTER * b;
  const bHigh = t - (t - b);
  const bLow = b - bHigh;
  const productError = aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow;
  const sum = c + product;
  const virtualProduct = sum - c;
  const sumError = c - (sum - virtualProduct) + (product - virtualProduct);
  return sum + addRoundToOdd(sumError, productError);
}

/**
 * `a * b + c` for float32 values with a single rounding to float32 (C's `fmaf`). The product of two float32 values
 * is exact in a double; the sum is rounded to odd before the final rounding, so no double rounding occurs.
 *
 * @example
 * ```ts
 * fusedMultiplyAddFloat32(Math.fround(0.1), 10, -1); // 1.4901161193847656e-8
 * ```
 */
export function fusedMultiplyAddFloat32(a: number, b: number, c: number): number {
  return Math.fround(addRoundToOdd(a * b, c));
}

/**
 * The low 32 bits of a double's representation.
 *
 * @example
 * ```ts
 * lowWord(1 + 2 ** -52); // 1
 * ```
 */
export function lowWord(x: number): number {
  bitsAsDouble[0] = x;
  return bitsAsWords[0]!;
}

/**
 * The high 32 bits (sign, exponent, top of the significand) of a double's representation.
 *
 * @example
 * ```ts
 * highWord(1); // 0x3ff00000
 * ```
 */
export function highWord(x: number): number {
  bitsAsDouble[0] = x;
  return bitsAsWords[1]!;
}

/**
 * The double whose representation has the given high and low 32-bit words.
 *
 * @example
 * ```ts
 * doubleFromWords(0x3ff00000, 0); // 1
 * ```
 */
export function doubleFromWords(high: number, low: number): number {
  bitsAsWords[0] = low;
  bitsAsWords[1] = high;
  return bitsAsDouble[0]!;
}
