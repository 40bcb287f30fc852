import { describeValue, InvalidArgumentError } from '../core/errors.js';
import type { Rng } from '../core/random/rng.js';
import type { JsonSchema, Space, SpaceJson } from '../core/space.js';
import {
  checkShape,
  flattenNested,
  formatShape,
  nestedArraySchema,
  nestValues,
  sameShape,
  shapeSize,
} from './array-shape.js';
import { boundedUint8Fill } from './numpy-helpers.js';

/**
 * What `MultiBinary.sample` accepts, one entry per bit in row-major order: a mask whose entries are 0 (the bit is 0),
 * 1 (the bit is 1) or 2 (the bit is random), or `{probability}` with the probability of each bit being 1.
 */
export type MultiBinaryMask = ArrayLike<number> | { probability: ArrayLike<number> };

/**
 * Binary arrays of a fixed shape, as Gymnasium's `MultiBinary`. Elements are `Int8Array`s of 0s and 1s in
 * row-major order.
 *
 * @example
 * ```ts
 * const keys = new MultiBinary(5);
 * keys.sample(createRng(0)); // Int8Array(5), as MultiBinary(5, seed=0).sample()
 * new MultiBinary([2, 3]).toString(); // 'MultiBinary((2, 3))'
 * ```
 */
export class MultiBinary implements Space<Int8Array, MultiBinaryMask> {
  readonly type = 'MultiBinary';
  readonly shape: readonly number[];
  readonly dtype = 'int8' as const;
  /** The argument the space was made with: a bit count or a shape. */
  readonly n: number | readonly number[];
  readonly size: number;

  constructor(n: number | readonly number[]) {
    if (typeof n === 'number') {
      if (!Number.isSafeInteger(n) || n <= 0) {
        throw new InvalidArgumentError(
          `MultiBinary: n must be a positive integer or a shape, got ${describeValue(n)}.`,
        );
      }
      this.n = n;
      this.shape = [n];
    } else {
      this.shape = checkShape(n, 'MultiBinary', true);
      this.n = [...this.shape];
    }
    this.size = shapeSize(this.shape);
  }

  contains(x: unknown): x is Int8Array {
    return x instanceof Int8Array && x.length === this.size && x.every((bit) => bit === 0 || bit === 1);
  }

  /**
   * A random element: fair coin tosses drawn as NumPy's `integers(0, 2, dtype=int8)` (so bit-identical to Gymnasium),
   * or as the mask says (see {@link MultiBinaryMask}; with a 0/1/2 mask, every bit is still drawn, as in Gymnasium).
   */
  sample(rng: Rng, mask?: MultiBinaryMask): Int8Array {
    if (mask !== undefined && 'probability' in mask) {
      const probability = this.checkLength(mask.probability, 'probability');
      if (!probability.every((p) => typeof p === 'number' && p >= 0 && p <= 1)) {
        throw new InvalidArgumentError(
          `MultiBinary.sample: probabilities must be within [0, 1], got ${describeValue(probability)}.`,
        );
      }
      const draws = rng.random(this.size);
      return Int8Array.from(draws, (u, i) => (u <= probability[i]! ? 1 : 0));
    }
    const values = mask === undefined ? undefined : this.checkLength(mask, 'mask');
    if (values !== undefined && !values.every((v) => v === 0 || v === 1 || v === 2)) {
      throw new InvalidArgumentError(
        `MultiBinary.sample: mask values must be 0, 1 or 2, got ${describeValue(values)}.`,
      );
    }
    const bits = boundedUint8Fill(rng, 0, 1, this.size);
    return Int8Array.from(bits, (bit, i) => (values === undefined || values[i] === 2 ? bit : values[i]!));
  }

  toJSON(): SpaceJson {
    return { type: this.type, n: typeof this.n === 'number' ? this.n : [...this.n] };
  }

  toJsonSchema(): JsonSchema {
    return nestedArraySchema(this.shape, () => ({ type: 'integer', minimum: 0, maximum: 1 }), true);
  }

  /** Nested arrays of 0s and 1s (NumPy's `tolist()`). */
  toJsonValue(x: Int8Array): unknown {
    return nestValues(Array.from(x), this.shape);
  }

  fromJsonValue(value: unknown): Int8Array {
    const leaves = flattenNested(value, this.shape);
    if (leaves === undefined || !leaves.every((bit) => bit === 0 || bit === 1)) {
      throw new InvalidArgumentError(
        `${describeValue(value)} is not an element of ${this.toString()}: expected nested arrays of shape ` +
          `${formatShape(this.shape)} holding 0s and 1s.`,
      );
    }
    return Int8Array.from(leaves as number[]);
  }

  equals(other: Space<unknown, unknown>): boolean {
    return other instanceof MultiBinary && sameShape(other.shape, this.shape);
  }

  /** Gymnasium's `repr`: `MultiBinary(5)`, or `MultiBinary((2, 3))` when made with a shape. */
  toString(): string {
    return `MultiBinary(${typeof this.n === 'number' ? this.n : formatShape(this.n)})`;
  }

  private checkLength(values: ArrayLike<number>, what: string): number[] {
    if (values === null || typeof values !== 'object' || values.length !== this.size) {
      throw new InvalidArgumentError(
        `MultiBinary.sample: the ${what} must have one entry per bit (${this.size}, row-major), got ${describeValue(values)}.`,
      );
    }
    return Array.from(values);
  }
}
