import type { Rng } from './random/rng.js';

/** Element types a {@link Space} can declare. */
export type Dtype =
  'float32' | 'float64' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32';

/** A JSON Schema document (draft 2020-12) describing a space's elements. */
export type JsonSchema = { [key: string]: unknown };

/** The JSON form of a space: `{type: 'Discrete', n: 2, start: 0}` and so on; `spaceFromJSON` reads it back. */
export interface SpaceJson {
  type: string;
  [key: string]: unknown;
}

/**
 * A set of values, as Gymnasium's `Space`: observation and action spaces say what an environment returns and accepts.
 * Sampling takes the generator explicitly, so a space holds no hidden random state.
 *
 * @typeParam T the type of the space's elements.
 * @typeParam Mask what `sample` accepts as a mask (`never` when the space has none).
 *
 * @example
 * ```ts
 * const space = new Discrete(3);
 * space.contains(2); // true
 * space.sample(createRng(0)); // 2, as Discrete(3, seed=0).sample()
 * ```
 */
export interface Space<T, Mask = never> {
  /** The space's kind, e.g. `Discrete`. */
  readonly type: string;
  /** The shape of an element (Gymnasium's `shape`); `undefined` for composite spaces. */
  readonly shape: readonly number[] | undefined;
  /** The element type, where there is one. */
  readonly dtype: Dtype | undefined;
  /** Whether `x` is an element of the space. */
  contains(x: unknown): x is T;
  /** A random element; draws from `rng` exactly as Gymnasium's `sample` draws from the space's `np_random`. */
  sample(rng: Rng, mask?: Mask): T;
  /** The JSON form of the space (see `spaceFromJSON`). */
  toJSON(): SpaceJson;
  /** A JSON Schema that accepts the JSON encoding of elements (see {@link toJsonValue}). */
  toJsonSchema(): JsonSchema;
  /** An element converted to plain JSON (typed arrays become arrays). */
  toJsonValue(x: T): unknown;
  /** The element a JSON value stands for; throws when it is not one. */
  fromJsonValue(value: unknown): T;
  /** Whether `other` is the same space. */
  equals(other: Space<unknown, unknown>): boolean;
  /** Gymnasium-style description, e.g. `Discrete(2)` or `Box(-1.0, 1.0, (3,), float32)`. */
  toString(): string;
}
