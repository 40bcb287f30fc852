// How messages show the values they are about.

/**
 * A value as a message shows it: `` `"5"` (a string) ``, `3 (a number)`, `a list`, `a mapping`, `null`.
 *
 * @example
 * ```ts
 * describeValue('5'); // '`"5"` (a string)'
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return '`null`';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `\`${JSON.stringify(shown)}\` (a string)`;
  }
  if (typeof value === 'number') return `${value} (a number)`;
  if (typeof value === 'boolean') return `\`${value}\` (a boolean)`;
  return `a ${typeof value}`;
}
