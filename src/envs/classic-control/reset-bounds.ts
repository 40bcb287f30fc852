import { InvalidArgumentError } from '../../core/errors.js';

/**
 * A reset option as a number, as Gymnasium's `verify_number_and_cast` (Python's `float()`): numbers as they are,
 * booleans as 0/1, numeric strings parsed; anything else is an error.
 *
 * @example
 * ```ts
 * optionNumber({ low: '-0.1' }, 'low', -0.05); // -0.1
 * ```
 */
export function optionNumber(
  options: Record<string, unknown> | undefined,
  key: string,
  fallback: number,
): number {
  if (options === undefined || !(key in options)) return fallback;
  const value = options[key];
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(
      value
        .trim()
        .toLowerCase()
        .replace(/^([+-]?)inf(inity)?$/, '$1Infinity'),
    );
    if (!Number.isNaN(parsed) || /^[+-]?nan$/i.test(value.trim())) return parsed;
  }
  throw new InvalidArgumentError(
    `Reset option \`${key}\` (${String(value)}) could not be converted to a number.`,
  );
}

/**
 * The `[low, high]` range a classic-control `reset` draws its initial state from: `options.low`/`options.high` when
 * given, the environment's defaults otherwise (Gymnasium's `maybe_parse_reset_bounds`). `low > high` is an error.
 *
 * @example
 * ```ts
 * resetBounds({ low: -0.1, high: 0.1 }, -0.05, 0.05); // [-0.1, 0.1]
 * resetBounds(undefined, -0.05, 0.05); // [-0.05, 0.05]
 * ```
 */
export function resetBounds(
  options: Record<string, unknown> | undefined,
  defaultLow: number,
  defaultHigh: number,
): [number, number] {
  const low = optionNumber(options, 'low', defaultLow);
  const high = optionNumber(options, 'high', defaultHigh);
  if (low > high) {
    throw new InvalidArgumentError(`Lower bound (${low}) must be lower than higher bound (${high}).`);
  }
  return [low, high];
}
