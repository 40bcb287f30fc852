/**
 * A number with a sign and four decimals, for the one-line `ansi` renderings.
 *
 * @example
 * ```ts
 * formatSigned(0.05); // '+0.0500'
 * formatSigned(-1.23456); // '-1.2346'
 * ```
 */
export function formatSigned(value: number): string {
  return (value >= 0 ? '+' : '') + value.toFixed(4);
}
