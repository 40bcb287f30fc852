// Reading a provider's `Retry-After` (and `retry-after-ms`) response headers.

/** Something with `get(name)`, like the Fetch API's `Headers`. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * The delay in seconds a `Retry-After` value asks for: a number of seconds (`"2"`, `"0.5"`) or an HTTP date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`, measured from `nowMs`). `undefined` when absent or unreadable; never negative.
 *
 * @example
 * ```ts
 * parseRetryAfter('3'); // 3
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:03 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')); // 3
 * ```
 */
export function parseRetryAfter(value: string | null | undefined, nowMs = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - nowMs) / 1000);
}

/**
 * The delay in seconds the response headers ask for: `retry-after-ms` (OpenAI's, more precise) or `Retry-After`.
 *
 * @example
 * ```ts
 * retryAfterFromHeaders(new Headers({ 'retry-after-ms': '1500' })); // 1.5
 * ```
 */
export function retryAfterFromHeaders(
  headers: HeaderReader | undefined,
  nowMs = Date.now(),
): number | undefined {
  if (headers === undefined) return undefined;
  const milliseconds = headers.get('retry-after-ms');
  if (milliseconds !== null && /^\d+(\.\d+)?$/.test(milliseconds.trim())) return Number(milliseconds) / 1000;
  return parseRetryAfter(headers.get('retry-after'), nowMs);
}
