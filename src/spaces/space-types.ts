import type { Rng } from '../core/random/rng.js';
import type { Space } from '../core/space.js';

/** Any space, whatever its element and mask types. */
export type AnySpace = Space<unknown, unknown>;

/**
 * The element type of a space type.
 *
 * @example
 * ```ts
 * type Action = SpaceElement<Discrete>; // number
 * ```
 */
export type SpaceElement<S> = S extends { fromJsonValue(value: unknown): infer T } ? T : never;

/**
 * The mask type a space's `sample` accepts (`never` when it takes none).
 *
 * @example
 * ```ts
 * type Mask = SpaceMask<Discrete>; // DiscreteMask
 * ```
 */
export type SpaceMask<S> = S extends { sample(rng: Rng, mask?: infer M): unknown } ? M : never;

/**
 * Whether `value` looks like a {@link Space} (has the methods of one).
 *
 * @example
 * ```ts
 * isSpace(new Discrete(2)); // true
 * isSpace({ n: 2 }); // false
 * ```
 */
export function isSpace(value: unknown): value is AnySpace {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return ['contains', 'sample', 'toJSON', 'toJsonSchema', 'toJsonValue', 'fromJsonValue', 'equals'].every(
    (method) => typeof candidate[method] === 'function',
  );
}
