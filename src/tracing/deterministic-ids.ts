// Ids derived from a name, so the same stored episode always exports to the same trace.
import { createHash } from 'node:crypto';

/**
 * An id generator whose ids follow from `name`: the n-th id is a hash of the name and n, as lowercase hex of the
 * asked length (8 or 16 bytes).
 *
 * @example
 * ```ts
 * const next = deterministicIds('run-1/0');
 * next(8); // the same 16 hex characters for 'run-1/0' every time
 * ```
 */
export function deterministicIds(name: string): (bytes: 8 | 16) => string {
  let count = 0;
  return (bytes) =>
    createHash('sha256')
      .update(`${name}#${count++}`)
      .digest('hex')
      .slice(0, bytes * 2);
}

/**
 * A UUID-shaped text (8-4-4-4-12 hex) derived from a name.
 *
 * @example
 * ```ts
 * uuidFrom('run-1/0'); // 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', always the same for this name
 * ```
 */
export function uuidFrom(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
