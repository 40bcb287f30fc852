import { exactDigits, roundDigits, shortestDigits, type DecimalDigits } from './decimal-digits.js';

/** How trailing zeros are trimmed (NumPy's `trim`): `k` keeps them, `.` keeps the point, `0` keeps `.0`, `-` drops all. */
export type TrimMode = 'k' | '.' | '0' | '-';

/** Options of {@link formatPositional} and {@link formatScientific} (NumPy's Dragon4 printing options). */
export interface DigitFormatOptions {
  /** Whether the value is a float32 (digits then identify it among float32 values). */
  readonly float32?: boolean;
  /** At most this many fraction digits (the last one rounded, ties to even). */
  readonly precision?: number;
  /** At least this many fraction digits (padded with zeros). */
  readonly minDigits?: number;
  readonly trim?: TrimMode;
  /** Pads the integer part (with its sign) on the left with spaces to this width. */
  readonly padLeft?: number;
  /** Pads the fraction part on the right with spaces to this width (positional only). */
  readonly padRight?: number;
  /** At least this many exponent digits (scientific only; default 2). */
  readonly expDigits?: number;
}

/**
 * A finite number in positional notation with the shortest unique digits, as NumPy's `format_float_positional`
 * in unique mode.
 *
 * @example
 * ```ts
 * formatPositional(2.5, { trim: '.' }); // '2.5'
 * formatPositional(1, { trim: '.' }); // '1.'
 * ```
 */
export function formatPositional(value: number, options: DigitFormatOptions = {}): string {
  let digits = magnitudeDigits(value, options.float32 ?? false);
  if (options.precision !== undefined && digits.digits.length - digits.point > options.precision) {
    digits = roundDigits(exactDigits(value), digits.point + options.precision);
  }
  const minDigits = options.minDigits ?? 0;
  if (value !== 0 && digits.digits.length - digits.point < minDigits) {
    digits = roundDigits(exactDigits(value), digits.point + minDigits);
  }
  const { digits: text, point } = digits;
  let integer: string;
  let fraction: string;
  if (text === '') {
    integer = '0';
    fraction = '';
  } else if (point <= 0) {
    integer = '0';
    fraction = '0'.repeat(-point) + text;
  } else {
    integer = text.slice(0, point).padEnd(point, '0');
    fraction = text.slice(point);
  }
  return assemble(signOf(value) + integer, fraction, options, '');
}

/**
 * A finite number in scientific notation with the shortest unique digits, as NumPy's `format_float_scientific`
 * in unique mode.
 *
 * @example
 * ```ts
 * formatScientific(1e-5, { trim: '-' }); // '1e-05'
 * formatScientific(3.4028234663852886e38, { float32: true, trim: '-' }); // '3.4028235e+38'
 * ```
 */
export function formatScientific(value: number, options: DigitFormatOptions = {}): string {
  let digits = magnitudeDigits(value, options.float32 ?? false);
  if (options.precision !== undefined && digits.digits.length - 1 > options.precision) {
    digits = roundDigits(exactDigits(value), options.precision + 1);
  }
  const minDigits = options.minDigits ?? 0;
  if (value !== 0 && digits.digits.length - 1 < minDigits) {
    digits = roundDigits(exactDigits(value), minDigits + 1);
  }
  const text = digits.digits === '' ? '0' : digits.digits;
  const exponent = digits.digits === '' ? 0 : digits.point - 1;
  const exponentText =
    (exponent < 0 ? '-' : '+') +
    String(Math.abs(exponent)).padStart(Math.max(options.expDigits ?? 2, 1), '0');
  return assemble(
    signOf(value) + text.slice(0, 1),
    text.slice(1),
    { ...options, padRight: 0 },
    `e${exponentText}`,
  );
}

/**
 * A number the way Python prints a NumPy scalar (`str(np.float32(x))` and so on): the shortest digits that identify
 * it, positional with `.0` on whole numbers between 1e-4 and 1e16 (1e6 for float32), scientific otherwise
 * (`-4.8`, `1.0`, `1e-05`, `1e+06`, `inf`); integers as they are.
 *
 * @example
 * ```ts
 * formatNumber(-4.800000190734863, 'f', true); // '-4.8'
 * formatNumber(1e6, 'f', true); // '1e+06'
 * formatNumber(3, 'i'); // '3'
 * ```
 */
export function formatNumber(value: number, kind: 'f' | 'i' | 'u' = 'f', float32 = false): string {
  if (kind !== 'f') return String(value);
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  const magnitude = Math.abs(value);
  if (magnitude === 0 || (magnitude >= 1e-4 && magnitude < (float32 ? 1e6 : 1e16))) {
    return formatPositional(value, { float32, trim: '0' });
  }
  return formatScientific(value, { float32, trim: '-' });
}

function magnitudeDigits(value: number, float32: boolean): DecimalDigits {
  return value === 0 ? { digits: '', point: 0 } : shortestDigits(value, float32);
}

function signOf(value: number): string {
  return value < 0 || Object.is(value, -0) ? '-' : '';
}

function assemble(integer: string, fraction: string, options: DigitFormatOptions, suffix: string): string {
  let digits = fraction;
  const minDigits = options.minDigits ?? 0;
  if (digits.length < minDigits) digits = digits.padEnd(minDigits, '0');
  const trim = options.trim ?? 'k';
  let body: string;
  if (digits === '') {
    body = trim === '-' ? '' : trim === '0' ? '.0' : '.';
  } else body = `.${digits}`;
  const left = integer.padStart(options.padLeft ?? 0, ' ');
  const fractionWidth = Math.max(body.length - 1, 0);
  const padRight = options.padRight ?? 0;
  const right = fractionWidth < padRight ? body + ' '.repeat(padRight - fractionWidth) : body;
  return `${left}${right}${suffix}`;
}
