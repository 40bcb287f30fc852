// Converts OpenTelemetry time inputs (dates, milliseconds, [seconds, nanoseconds]) to nanoseconds since the epoch.
import type { TimeInput } from '@opentelemetry/api';

/** Numbers below this are read as `performance.now()` milliseconds, as the OpenTelemetry SDK reads them. */
const EPOCH_MILLISECONDS_FLOOR = 1e12;

/**
 * Nanoseconds since the Unix epoch of a time input: a `Date`, milliseconds since the epoch (or since
 * `performance.timeOrigin` when smaller than 10¹²), or an `[seconds, nanoseconds]` pair.
 *
 * @example
 * ```ts
 * toUnixNanoseconds(new Date('2026-01-01T00:00:00Z')); // 1767225600000000000n
 * ```
 */
export function toUnixNanoseconds(time: TimeInput): bigint {
  if (time instanceof Date) return BigInt(time.getTime()) * 1_000_000n;
  if (Array.isArray(time)) return BigInt(time[0]) * 1_000_000_000n + BigInt(time[1]);
  const milliseconds = time < EPOCH_MILLISECONDS_FLOOR ? performance.timeOrigin + time : time;
  return BigInt(Math.round(milliseconds * 1000)) * 1000n;
}

/**
 * Now, in nanoseconds since the epoch (microsecond resolution).
 *
 * @example
 * ```ts
 * const start = nowUnixNanoseconds();
 * ```
 */
export function nowUnixNanoseconds(): bigint {
  return toUnixNanoseconds(performance.timeOrigin + performance.now());
}

/**
 * An ISO 8601 UTC text of nanoseconds since the epoch (millisecond precision).
 *
 * @example
 * ```ts
 * isoFromNanoseconds(1767225600000000000n); // '2026-01-01T00:00:00.000Z'
 * ```
 */
export function isoFromNanoseconds(nanoseconds: bigint): string {
  return new Date(Number(nanoseconds / 1_000_000n)).toISOString();
}
