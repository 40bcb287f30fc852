// The hash LoopBench pins a submitted spec with.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The `sha256:…` hash of a spec file's bytes, as a submission's `spec_hash`.
 *
 * @example
 * ```ts
 * specHash('my-loop.yaml'); // 'sha256:4fc439…'
 * ```
 */
export function specHash(file: string): string {
  return `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
}
