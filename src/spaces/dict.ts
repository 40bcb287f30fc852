import { describeValue, InvalidArgumentError } from '../core/errors.js';
import type { Rng } from '../core/random/rng.js';
import type { JsonSchema, Space, SpaceJson } from '../core/space.js';
import { comparePythonStrings, pythonStringRepr } from './python-repr.js';
import { isSpace, type AnySpace, type SpaceElement, type SpaceMask } from './space-types.js';

/** The spaces of a {@link Dict}, by key. */
export type SpaceRecord = Record<string, AnySpace>;

/** The elements of a `Dict` over `S`: a plain object with one element per key. */
export type DictElement<S extends SpaceRecord> = { [K in keyof S]: SpaceElement<S[K]> };

/** What `Dict.sample` accepts: a mask for some of the keys (the others are sampled without one). */
export type DictMask<S extends SpaceRecord> = { readonly [K in keyof S]?: SpaceMask<S[K]> | undefined };

/**
 * A dictionary of spaces, as Gymnasium's `Dict`. Elements are plain objects with one entry per key.
 *
 * Key order: spaces given as a plain object are sorted by key (Gymnasium sorts a plain mapping's keys); a `Map` or a
 * list of `[key, space]` pairs keeps its order. The order decides how elements are sampled and flattened.
 *
 * Sampling draws every subspace from the one `rng`, in key order. Gymnasium instead gives each subspace its own
 * generator (seeded from the Dict's), so composite samples are not bit-identical to Gymnasium's; the subspaces'
 * own samples are.
 *
 * @example
 * ```ts
 * const space = new Dict({ position: new Box(-1, 1, [2]), gripper: new Discrete(2) });
 * space.keys; // ['gripper', 'position']
 * space.sample(createRng(0)); // { gripper: 1, position: Float32Array [..] }
 * space.toString(); // "Dict('gripper': Discrete(2), 'position': Box(-1.0, 1.0, (2,), float32))"
 * ```
 */
export class Dict<S extends SpaceRecord = SpaceRecord> implements Space<DictElement<S>, DictMask<S>> {
  readonly type = 'Dict';
  readonly shape = undefined;
  readonly dtype = undefined;
  /** The keys in order. */
  readonly keys: readonly string[];
  /** The subspaces by key. */
  readonly spaces: Readonly<S>;

  constructor(spaces: S | ReadonlyMap<string, AnySpace> | Iterable<readonly [string, AnySpace]>) {
    let entries: (readonly [string, unknown])[];
    if (spaces !== null && typeof spaces === 'object' && Symbol.iterator in spaces) {
      entries = Array.from(spaces as Iterable<readonly [string, AnySpace]>, (entry) => {
        if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') {
          throw new InvalidArgumentError(`Dict: expected [key, space] pairs, got ${describeValue(entry)}.`);
        }
        return entry as readonly [string, unknown];
      });
    } else if (spaces !== null && typeof spaces === 'object') {
      entries = Object.entries(spaces).sort(([a], [b]) => comparePythonStrings(a, b));
    } else {
      throw new InvalidArgumentError(
        `Dict: expected an object, a Map or [key, space] pairs, got ${describeValue(spaces)}.`,
      );
    }
    const keys = new Set<string>();
    for (const [key, space] of entries) {
      if (key === '__proto__') {
        throw new InvalidArgumentError(
          "Dict: the key '__proto__' is not supported (plain objects and JSON Schema validators mishandle it); rename it.",
        );
      }
      if (keys.has(key)) throw new InvalidArgumentError(`Dict: key ${pythonStringRepr(key)} appears twice.`);
      if (!isSpace(space)) {
        throw new InvalidArgumentError(
          `Dict: the value of key ${pythonStringRepr(key)} is not a space: ${describeValue(space)}.`,
        );
      }
      keys.add(key);
    }
    this.keys = [...keys];
    this.spaces = Object.freeze(Object.fromEntries(entries)) as Readonly<S>;
  }

  /** The subspace of `key` (throws for an unknown key). */
  get<K extends keyof S & string>(key: K): S[K] {
    if (!Object.hasOwn(this.spaces, key)) {
      throw new InvalidArgumentError(
        `Dict: no key ${pythonStringRepr(key)}; the keys are ${this.keys.join(', ')}.`,
      );
    }
    return this.spaces[key];
  }

  contains(x: unknown): x is DictElement<S> {
    if (!isPlainObject(x)) return false;
    const own = Object.keys(x);
    if (own.length !== this.keys.length) return false;
    return this.keys.every((key) => Object.hasOwn(x, key) && this.subspace(key).contains(x[key]));
  }

  /** A random element: each subspace sampled from `rng` in key order, with its mask if `mask` has one. */
  sample(rng: Rng, mask?: DictMask<S>): DictElement<S> {
    if (mask !== undefined) {
      if (!isPlainObject(mask))
        throw new InvalidArgumentError(`Dict.sample: the mask must be an object keyed like the space.`);
      const unknown = Object.keys(mask).filter((key) => !Object.hasOwn(this.spaces, key));
      if (unknown.length > 0) {
        throw new InvalidArgumentError(
          `Dict.sample: the mask has keys the space lacks: ${unknown.join(', ')}.`,
        );
      }
    }
    const masks = mask as Record<string, unknown> | undefined;
    return Object.fromEntries(
      this.keys.map((key) => [key, this.subspace(key).sample(rng, masks?.[key])]),
    ) as DictElement<S>;
  }

  toJSON(): SpaceJson {
    return { type: this.type, spaces: this.keys.map((key) => [key, this.subspace(key).toJSON()]) };
  }

  toJsonSchema(): JsonSchema {
    return {
      type: 'object',
      properties: Object.fromEntries(this.keys.map((key) => [key, this.subspace(key).toJsonSchema()])),
      required: [...this.keys],
      additionalProperties: false,
    };
  }

  toJsonValue(x: DictElement<S>): unknown {
    const values = x as Record<string, unknown>;
    return Object.fromEntries(this.keys.map((key) => [key, this.subspace(key).toJsonValue(values[key])]));
  }

  fromJsonValue(value: unknown): DictElement<S> {
    if (
      !isPlainObject(value) ||
      Object.keys(value).length !== this.keys.length ||
      !this.keys.every((k) => Object.hasOwn(value, k))
    ) {
      throw new InvalidArgumentError(
        `${describeValue(value)} is not an element of ${this.toString()}: expected an object with exactly the keys ` +
          `${this.keys.join(', ')}.`,
      );
    }
    return Object.fromEntries(
      this.keys.map((key) => {
        try {
          return [key, this.subspace(key).fromJsonValue(value[key])];
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          throw new InvalidArgumentError(`Dict key ${pythonStringRepr(key)}: ${detail}`, { cause: error });
        }
      }),
    ) as DictElement<S>;
  }

  /** The same keys with equal subspaces (as Gymnasium, the key order is not compared). */
  equals(other: Space<unknown, unknown>): boolean {
    return (
      isDict(other) &&
      other.keys.length === this.keys.length &&
      this.keys.every(
        (key) => Object.hasOwn(other.spaces, key) && other.subspace(key).equals(this.subspace(key)),
      )
    );
  }

  /** Gymnasium's `repr`: `Dict('a': Discrete(2), 'b': Box(-1.0, 1.0, (3,), float32))`. */
  toString(): string {
    return `Dict(${this.keys.map((key) => `${pythonStringRepr(key)}: ${this.subspace(key).toString()}`).join(', ')})`;
  }

  private subspace(key: string): AnySpace {
    return (this.spaces as SpaceRecord)[key]!;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * Whether `value` is a {@link Dict} space.
 *
 * @example
 * ```ts
 * isDict(new Dict({ a: new Discrete(2) })); // true
 * ```
 */
export function isDict(value: unknown): value is Dict {
  return value instanceof Dict;
}
