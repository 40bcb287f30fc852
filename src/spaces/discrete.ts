import { InvalidArgumentError } from '../core/errors.js';
import type { Rng } from '../core/random/rng.js';
import type { JsonSchema, Space, SpaceJson } from '../core/space.js';

/**
 * What `Discrete.sample` accepts: a 0/1 mask of allowed values (one entry per value), or a probability per value.
 * With a mask that allows nothing, `start` is returned, as in Gymnasium.
 */
export type DiscreteMask = ArrayLike<number | boolean> | { probability: ArrayLike<number> };

/**
 * The integers `start, start + 1, ..., start + n - 1` (Gymnasium's `Discrete`).
 *
 * @example
 * ```ts
 * const actions = new Discrete(4);
 * actions.sample(createRng(0)); // as gymnasium.spaces.Discrete(4, seed=0).sample()
 * actions.sample(rng, [0, 1, 1, 0]); // 1 or 2
 * ```
 */
export class Discrete implements Space<number, DiscreteMask> {
  readonly type = 'Discrete';
  readonly shape: readonly number[] = [];
  readonly dtype = 'int64' as const;
  readonly n: number;
  readonly start: number;

  constructor(n: number, start = 0) {
    if (!Number.isSafeInteger(n) || n <= 0) {
      throw new InvalidArgumentError(`Discrete: n must be a positive integer, got ${n}.`);
    }
    if (!Number.isSafeInteger(start)) {
      throw new InvalidArgumentError(`Discrete: start must be an integer, got ${start}.`);
    }
    this.n = n;
    this.start = start;
  }

  contains(x: unknown): x is number {
    return typeof x === 'number' && Number.isInteger(x) && x >= this.start && x < this.start + this.n;
  }

  sample(rng: Rng, mask?: DiscreteMask): number {
    if (mask === undefined) return this.start + rng.integers(this.n);
    if ('probability' in mask) {
      const probability = mask.probability;
      this.checkLength(probability.length, 'probability');
      for (let i = 0; i < probability.length; i++) {
        const p = probability[i]!;
        if (!(p >= 0 && p <= 1)) {
          throw new InvalidArgumentError(`Discrete.sample: probabilities must be within [0, 1], got ${p}.`);
        }
      }
      return this.start + rng.choice(this.n, { p: probability });
    }
    this.checkLength(mask.length, 'mask');
    const allowed: number[] = [];
    for (let i = 0; i < mask.length; i++) {
      const flag = Number(mask[i]);
      if (flag !== 0 && flag !== 1) {
        throw new InvalidArgumentError(
          `Discrete.sample: mask values must be 0 or 1, got ${String(mask[i])}.`,
        );
      }
      if (flag === 1) allowed.push(i);
    }
    return allowed.length === 0 ? this.start : this.start + rng.choice(allowed);
  }

  toJSON(): SpaceJson {
    return { type: this.type, n: this.n, start: this.start };
  }

  toJsonSchema(): JsonSchema {
    return { type: 'integer', minimum: this.start, maximum: this.start + this.n - 1 };
  }

  toJsonValue(x: number): number {
    return x;
  }

  fromJsonValue(value: unknown): number {
    if (!this.contains(value)) {
      throw new InvalidArgumentError(`${String(value)} is not an element of ${this.toString()}.`);
    }
    return value;
  }

  equals(other: Space<unknown, unknown>): boolean {
    return other instanceof Discrete && other.n === this.n && other.start === this.start;
  }

  toString(): string {
    return this.start === 0 ? `Discrete(${this.n})` : `Discrete(${this.n}, start=${this.start})`;
  }

  private checkLength(length: number, what: string): void {
    if (length !== this.n) {
      throw new InvalidArgumentError(`Discrete.sample: ${what} must have ${this.n} entries, got ${length}.`);
    }
  }
}
