import { InvalidArgumentError } from '../core/errors.js';

/**
 * Reads `key=value` pairs from `--option` flags; values are JSON when they parse as JSON (`true`, `3`, `["SFFF"]`),
 * strings otherwise.
 *
 * @example
 * ```ts
 * parseKeyValues(['isSlippery=false', 'mapName=8x8']); // { isSlippery: false, mapName: '8x8' }
 * ```
 */
export function parseKeyValues(pairs: readonly string[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      throw new InvalidArgumentError(`Expected key=value, got \`${pair}\` (e.g. --option isSlippery=false).`);
    }
    const key = pair.slice(0, equals);
    const text = pair.slice(equals + 1);
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    options[key] = value;
  }
  return options;
}

/** Parses a non-negative integer flag, or fails with the flag's name. */
export function parseCount(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError(`${name} must be a non-negative integer, got \`${text}\`.`);
  }
  return value;
}
