import { describeValue, InvalidArgumentError } from '../core/errors.js';
import type { Rng } from '../core/random/rng.js';
import type { JsonSchema, Space, SpaceJson } from '../core/space.js';
import { isSpace, type AnySpace, type SpaceElement, type SpaceMask } from './space-types.js';

/** The elements of a `Tuple` over `S`: an array with one element per subspace. */
export type TupleElement<S extends readonly AnySpace[]> = { -readonly [K in keyof S]: SpaceElement<S[K]> };

/** What `Tuple.sample` accepts: one mask (or `undefined`) per subspace. */
export type TupleMask<S extends readonly AnySpace[]> = {
  readonly [K in keyof S]?: SpaceMask<S[K]> | undefined;
};

/**
 * The cartesian product of spaces, as Gymnasium's `Tuple`. Elements are arrays with one element per subspace.
 *
 * Sampling draws every subspace from the one `rng`, in order. Gymnasium instead gives each subspace its own
 * generator (seeded from the Tuple's), so composite samples are not bit-identical to Gymnasium's; the subspaces'
 * own samples are.
 *
 * @example
 * ```ts
 * const blackjack = new Tuple([new Discrete(32), new Discrete(11), new Discrete(2)] as const);
 * blackjack.contains([14, 10, 0]); // true
 * blackjack.toString(); // 'Tuple(Discrete(32), Discrete(11), Discrete(2))'
 * ```
 */
export class Tuple<S extends readonly AnySpace[] = readonly AnySpace[]> implements Space<
  TupleElement<S>,
  TupleMask<S>
> {
  readonly type = 'Tuple';
  readonly shape = undefined;
  readonly dtype = undefined;
  /** The subspaces in order. */
  readonly spaces: S;

  constructor(spaces: S) {
    if (!Array.isArray(spaces))
      throw new InvalidArgumentError(`Tuple: expected a list of spaces, got ${describeValue(spaces)}.`);
    spaces.forEach((space: unknown, i) => {
      if (!isSpace(space))
        throw new InvalidArgumentError(`Tuple: entry ${i} is not a space: ${describeValue(space)}.`);
    });
    this.spaces = Object.freeze([...spaces]) as unknown as S;
  }

  /** The number of subspaces. */
  get length(): number {
    return this.spaces.length;
  }

  contains(x: unknown): x is TupleElement<S> {
    return (
      Array.isArray(x) &&
      x.length === this.spaces.length &&
      this.spaces.every((space, i) => space.contains(x[i]))
    );
  }

  /** A random element: each subspace sampled from `rng` in order, with its mask if `mask` has one. */
  sample(rng: Rng, mask?: TupleMask<S>): TupleElement<S> {
    if (mask !== undefined && (!Array.isArray(mask) || mask.length !== this.spaces.length)) {
      throw new InvalidArgumentError(
        `Tuple.sample: the mask must be a list with one entry (or undefined) per subspace (${this.spaces.length}).`,
      );
    }
    const masks = mask as readonly unknown[] | undefined;
    return this.spaces.map((space, i) => space.sample(rng, masks?.[i])) as TupleElement<S>;
  }

  toJSON(): SpaceJson {
    return { type: this.type, spaces: this.spaces.map((space) => space.toJSON()) };
  }

  toJsonSchema(): JsonSchema {
    if (this.spaces.length === 0) return { type: 'array', maxItems: 0 };
    return {
      type: 'array',
      prefixItems: this.spaces.map((space) => space.toJsonSchema()),
      items: false,
      minItems: this.spaces.length,
      maxItems: this.spaces.length,
    };
  }

  toJsonValue(x: TupleElement<S>): unknown {
    const values = x as readonly unknown[];
    return this.spaces.map((space, i) => space.toJsonValue(values[i]));
  }

  fromJsonValue(value: unknown): TupleElement<S> {
    if (!Array.isArray(value) || value.length !== this.spaces.length) {
      throw new InvalidArgumentError(
        `${describeValue(value)} is not an element of ${this.toString()}: expected a list of ${this.spaces.length} values.`,
      );
    }
    return this.spaces.map((space, i) => {
      try {
        return space.fromJsonValue(value[i]);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new InvalidArgumentError(`Tuple entry ${i}: ${detail}`, { cause: error });
      }
    }) as TupleElement<S>;
  }

  equals(other: Space<unknown, unknown>): boolean {
    return (
      isTuple(other) &&
      other.spaces.length === this.spaces.length &&
      this.spaces.every((space, i) => space.equals(other.spaces[i] as AnySpace))
    );
  }

  /** Gymnasium's `repr`: `Tuple(Discrete(2), Box(-1.0, 1.0, (3,), float32))`. */
  toString(): string {
    return `Tuple(${this.spaces.map((space) => space.toString()).join(', ')})`;
  }
}

/**
 * Whether `value` is a {@link Tuple} space.
 *
 * @example
 * ```ts
 * isTuple(new Tuple([new Discrete(2)])); // true
 * ```
 */
export function isTuple(value: unknown): value is Tuple {
  return value instanceof Tuple;
}
