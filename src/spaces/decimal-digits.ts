/**
 * Decimal digits of binary floating-point numbers, the way NumPy's Dragon4 printer produces them: exact expansion,
 * round-half-even cut-offs, and the shortest digits that identify a float64 or float32 value.
 */

/** The digits of a positive number: `0.<digits> × 10^point` (so `4.8` is `{digits: '48', point: 1}`). */
export interface DecimalDigits {
  readonly digits: string;
  readonly point: number;
}

const view = new DataView(new ArrayBuffer(8));

/** The exact decimal expansion of a finite, non-zero `|x|` (every binary float has a finite one). */
export function exactDigits(x: number): DecimalDigits {
  view.setFloat64(0, Math.abs(x));
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exponent: number;
  if (biased === 0) exponent = -1074;
  else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  let digits: string;
  let scale: number;
  if (exponent >= 0) {
    digits = (mantissa << BigInt(exponent)).toString();
    scale = 0;
  } else {
    // m / 2^k = m * 5^k / 10^k
    digits = (mantissa * 5n ** BigInt(-exponent)).toString();
    scale = -exponent;
  }
  return normalize(digits, digits.length - scale);
}

/**
 * `value` rounded to its first `keep` digits, ties to even (Dragon4's rule). `keep` may be zero or negative (the
 * result is then zero or a single carried digit). Returns an empty digit string for zero.
 */
export function roundDigits(value: DecimalDigits, keep: number): DecimalDigits {
  const { digits, point } = value;
  if (keep >= digits.length) return value;
  if (keep < 0) return { digits: '', point };
  const kept = digits.slice(0, keep);
  const rest = digits.slice(keep);
  const first = rest.charCodeAt(0) - 48;
  let roundUp: boolean;
  if (first !== 5) roundUp = first > 5;
  else if (/[1-9]/.test(rest.slice(1))) roundUp = true;
  else roundUp = keep > 0 && (kept.charCodeAt(keep - 1) - 48) % 2 === 1;
  if (!roundUp) return normalize(kept, point);
  const bumped = (BigInt(kept === '' ? '0' : kept) + 1n).toString();
  const carry = bumped.length - Math.max(kept.length, 1) + (kept === '' ? 1 : 0);
  return normalize(bumped, point + carry);
}

/**
 * The shortest digits that read back to `x` (in float32 when `float32` is set), closest to `x` among those: what
 * NumPy prints in its "unique" mode.
 */
export function shortestDigits(x: number, float32: boolean): DecimalDigits {
  if (!float32) {
    const [mantissa, exponent] = Math.abs(x).toExponential().split('e') as [string, string];
    return normalize(mantissa.replace('.', ''), Number(exponent) + 1);
  }
  const exact = exactDigits(x);
  const target = Math.abs(x);
  for (let keep = 1; keep < 12; keep++) {
    const candidate = roundDigits(exact, keep);
    if (Math.fround(toNumber(candidate)) === target) return candidate;
  }
  return roundDigits(exact, 9);
}

/** The number that `digits` stands for (as a float64). */
export function toNumber(value: DecimalDigits): number {
  if (value.digits === '') return 0;
  return Number(`0.${value.digits}e${value.point}`);
}

/** Strips leading and trailing zeros (the point moves with leading ones). */
function normalize(digits: string, point: number): DecimalDigits {
  let start = 0;
  while (start < digits.length && digits[start] === '0') start++;
  let end = digits.length;
  while (end > start && digits[end - 1] === '0') end--;
  if (start === end) return { digits: '', point: 0 };
  return { digits: digits.slice(start, end), point: point - start };
}
