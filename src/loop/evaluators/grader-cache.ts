// Verdicts of deterministic evaluators kept by content: the same output, task and parameters give the same verdict.
import * as crypto from 'node:crypto';
import type { EvaluatorVerdict } from './evaluator-verdict.js';

/**
 * A bounded cache of deterministic verdicts keyed by a hash of everything the verdict depends on. Shared between
 * episodes (and environments), it makes repeated grading free: a simulated worker that proposes a patch already
 * tested does not run the tests again.
 *
 * @example
 * ```ts
 * const cache = new GraderCache();
 * const key = GraderCache.key(['evaluators.test_pass_rate', task.id, params, output.text]);
 * const verdict = cache.get(key) ?? cache.set(key, await evaluate());
 * ```
 */
export class GraderCache {
  private readonly entries = new Map<string, EvaluatorVerdict>();
  private readonly capacity: number;
  hits = 0;
  misses = 0;

  constructor(capacity = 10_000) {
    this.capacity = capacity;
  }

  /** The key of a list of JSON-serializable parts. */
  static key(parts: readonly unknown[]): string {
    return sha256Hex(JSON.stringify(parts));
  }

  /**
   * The SHA-256 of a text (hex), remembered for the most recent {@link DIGESTS_CAPACITY} texts: an output is hashed
   * once however many graders and episodes look it up. Put it in a key in place of the text.
   *
   * @example
   * ```ts
   * GraderCache.digest('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
   * ```
   */
  static digest(text: string): string {
    let digest = digests.get(text);
    if (digest === undefined) {
      digest = sha256Hex(text);
      if (digests.size >= DIGESTS_CAPACITY) digests.delete(digests.keys().next().value!);
      digests.set(text, digest);
    }
    return digest;
  }

  get(key: string): EvaluatorVerdict | undefined {
    const verdict = this.entries.get(key);
    if (verdict === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, verdict);
    return verdict;
  }

  set(key: string, verdict: EvaluatorVerdict): EvaluatorVerdict {
    this.entries.set(key, verdict);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return verdict;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** How many texts {@link GraderCache.digest} remembers the digest of. */
export const DIGESTS_CAPACITY = 4096;

const digests = new Map<string, string>();

/** `crypto.hash` (one call, no hash object) where Node has it (20.12 and later), else a hash object: the same digest. */
const sha256Hex: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');
