import { formatPositional, formatScientific } from './format-number.js';

/** The element kinds {@link formatArray} prints: `f` floats (with `float32` precision or not), `i`/`u` integers. */
export interface ArrayFormatOptions {
  readonly kind: 'f' | 'i' | 'u';
  readonly float32?: boolean;
}

const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const PRECISION = 8;

/**
 * An array printed like `str(numpy_array)` with NumPy's default print options: `[-1.   2.5]`, `[2 3]`,
 * `[[1 2]\n [3 4]]`, wrapped at 75 columns and summarized with `...` beyond 1000 elements.
 *
 * @param values the elements in row-major order.
 * @param shape the array's shape (its product must be `values.length`).
 *
 * @example
 * ```ts
 * formatArray([-1, 2.5], [2], { kind: 'f', float32: true }); // '[-1.   2.5]'
 * formatArray([2, 3], [2], { kind: 'i' }); // '[2 3]'
 * ```
 */
export function formatArray(
  values: ArrayLike<number>,
  shape: readonly number[],
  options: ArrayFormatOptions,
): string {
  const size = shape.reduce((a, b) => a * b, 1);
  const summarize = size > THRESHOLD;
  const shown = summarize ? edgeValues(values, shape) : Array.from(values);
  const format =
    options.kind === 'f' ? floatFormatter(shown, options.float32 ?? false) : integerFormatter(shown);
  const strides = shape.map((_, axis) => shape.slice(axis + 1).reduce((a, b) => a * b, 1));

  const recurse = (offset: number, axis: number, hangingIndent: string, width: number): string => {
    if (axis === shape.length) return format(values[offset]!);
    const nextIndent = hangingIndent + ' ';
    const nextWidth = width - 1;
    const length = shape[axis]!;
    const showSummary = summarize && 2 * EDGE_ITEMS < length;
    const leading = showSummary ? EDGE_ITEMS : 0;
    const trailing = showSummary ? EDGE_ITEMS : length;
    const stride = strides[axis]!;
    const axesLeft = shape.length - axis;
    let text = '';
    if (axesLeft === 1) {
      const elementWidth = width - 1;
      let line = hangingIndent;
      const add = (word: string): void => {
        [text, line] = extendLine(text, line, word, elementWidth, hangingIndent);
      };
      for (let i = 0; i < leading; i++) {
        add(recurse(offset + i * stride, axis + 1, nextIndent, nextWidth));
        line += ' ';
      }
      if (showSummary) {
        add('...');
        line += ' ';
      }
      for (let i = trailing; i > 1; i--) {
        add(recurse(offset + (length - i) * stride, axis + 1, nextIndent, nextWidth));
        line += ' ';
      }
      add(recurse(offset + (length - 1) * stride, axis + 1, nextIndent, nextWidth));
      text += line;
    } else {
      const separator = '\n'.repeat(axesLeft - 1);
      for (let i = 0; i < leading; i++) {
        text += hangingIndent + recurse(offset + i * stride, axis + 1, nextIndent, nextWidth) + separator;
      }
      if (showSummary) text += `${hangingIndent}...${separator}`;
      for (let i = trailing; i > 1; i--) {
        text +=
          hangingIndent +
          recurse(offset + (length - i) * stride, axis + 1, nextIndent, nextWidth) +
          separator;
      }
      text += hangingIndent + recurse(offset + (length - 1) * stride, axis + 1, nextIndent, nextWidth);
    }
    return `[${text.slice(hangingIndent.length)}]`;
  };

  if (shape.length === 0) return format(values[0]!);
  if (size === 0) return '[]';
  return recurse(0, 0, ' ', LINE_WIDTH);
}

function extendLine(
  text: string,
  line: string,
  word: string,
  width: number,
  prefix: string,
): [string, string] {
  if (line.length + word.length > width && line.length > prefix.length) {
    return [`${text}${line.trimEnd()}\n`, prefix + word];
  }
  return [text, line + word];
}

/** The corner elements NumPy looks at when it summarizes a large array. */
function edgeValues(values: ArrayLike<number>, shape: readonly number[]): number[] {
  const out: number[] = [];
  const walk = (offset: number, axis: number): void => {
    if (axis === shape.length) {
      out.push(values[offset]!);
      return;
    }
    const length = shape[axis]!;
    const stride = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const indices =
      length > 2 * EDGE_ITEMS
        ? [
            ...Array.from({ length: EDGE_ITEMS }, (_, i) => i),
            ...Array.from({ length: EDGE_ITEMS }, (_, i) => length - EDGE_ITEMS + i),
          ]
        : Array.from({ length }, (_, i) => i);
    for (const index of indices) walk(offset + index * stride, axis + 1);
  };
  walk(0, 0);
  return out;
}

function integerFormatter(values: readonly number[]): (x: number) => string {
  const width = values.length === 0 ? 0 : Math.max(...values.map((v) => String(v).length));
  return (x) => String(x).padStart(width, ' ');
}

/** NumPy's `FloatingFormat` with the default options (precision 8, `maxprec` mode, no sign, no suppression). */
function floatFormatter(values: readonly number[], float32: boolean): (x: number) => string {
  const finite = values.filter((v) => Number.isFinite(v));
  const nonZero = finite.filter((v) => v !== 0).map((v) => Math.abs(v));
  let exponential = false;
  if (nonZero.length > 0) {
    const max = Math.max(...nonZero);
    const min = Math.min(...nonZero);
    const cutoff = float32 ? 1e6 : 1e8;
    const small = float32 ? Math.fround(1e-4) : 1e-4;
    const ratio = float32 ? Math.fround(max / min) : max / min;
    exponential = max >= cutoff || min < small || ratio > 1000;
  }
  let padLeft = 0;
  let padRight = 0;
  let precision = 0;
  let expDigits = 0;
  if (finite.length > 0 && exponential) {
    const parts = finite.map((v) => {
      const [mantissa, exponent] = formatScientific(v, { float32, precision: PRECISION, trim: '.' }).split(
        'e',
      ) as [string, string];
      const [integer, fraction] = mantissa.split('.') as [string, string];
      return { integer, fraction, exponent };
    });
    expDigits = Math.max(...parts.map((p) => p.exponent.length)) - 1;
    precision = Math.max(...parts.map((p) => p.fraction.length));
    padLeft = Math.max(...parts.map((p) => p.integer.length));
    padRight = expDigits + 2 + precision;
  } else if (finite.length > 0) {
    const parts = finite.map(
      (v) => formatPositional(v, { float32, precision: PRECISION, trim: '.' }).split('.') as [string, string],
    );
    padLeft = Math.max(...parts.map((p) => p[0].length));
    padRight = Math.max(...parts.map((p) => p[1].length));
  }
  if (finite.length !== values.length) {
    const negativeInfinity = values.some((v) => v === -Infinity) ? 1 : 0;
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + negativeInfinity - offset);
  }
  const format = exponential
    ? (x: number) =>
        formatScientific(x, { float32, precision, minDigits: precision, trim: 'k', padLeft, expDigits })
    : (x: number) => formatPositional(x, { float32, precision: PRECISION, trim: '.', padLeft, padRight });
  const width = padLeft + padRight + 1;
  return (x) => {
    if (Number.isNaN(x)) return 'nan'.padStart(width, ' ');
    if (!Number.isFinite(x)) return (x < 0 ? '-inf' : 'inf').padStart(width, ' ');
    return format(x);
  };
}
