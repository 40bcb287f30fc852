import { InvalidArgumentError } from '../core/errors.js';
import { Box } from '../spaces/box.js';
import { Dict } from '../spaces/dict.js';
import { Discrete } from '../spaces/discrete.js';
import { allocate, type BoxDtype, type NumericArray } from '../spaces/dtype.js';
import { MultiBinary } from '../spaces/multi-binary.js';
import { MultiDiscrete } from '../spaces/multi-discrete.js';
import type { AnySpace } from '../spaces/space-types.js';
import { Tuple } from '../spaces/tuple.js';

/*
 * Batched elements, as Gymnasium's `create_empty_array` / `concatenate` / `iterate`. Spaces of numbers batch into one
 * flat typed array (element i at `[i * size, (i + 1) * size)`): `Discrete` into an `Int32Array` (the batched
 * space is a `MultiDiscrete`), `Box` into its dtype, `MultiDiscrete` into `Int32Array`, `MultiBinary` into
 * `Int8Array`. `Tuple` and `Dict` batch part by part; any other space batches into a plain array of elements.
 */

/** The number of values one element of a numeric space takes in a flat batch. */
function numericSize(space: AnySpace): number | undefined {
  if (space instanceof Discrete) return 1;
  if (space instanceof Box || space instanceof MultiDiscrete || space instanceof MultiBinary)
    return space.size;
  return undefined;
}

/**
 * An empty batch of `n` elements of `space` (zeros, or `null` entries for non-numeric spaces).
 *
 * @example
 * ```ts
 * createBatch(new Box(-1, 1, [3]), 2); // Float32Array(6)
 * createBatch(new Discrete(4), 5); // Int32Array(5)
 * ```
 */
export function createBatch(space: AnySpace, n: number): unknown {
  if (space instanceof Discrete || space instanceof MultiDiscrete)
    return new Int32Array(n * numericSize(space)!);
  if (space instanceof MultiBinary) return new Int8Array(n * space.size);
  if (space instanceof Box) return allocate((space as Box<BoxDtype>).dtype, n * space.size);
  if (space instanceof Tuple) return (space as Tuple).spaces.map((inner: AnySpace) => createBatch(inner, n));
  if (space instanceof Dict) {
    return Object.fromEntries(
      (space as Dict).keys.map((key) => [key, createBatch((space as Dict).spaces[key]!, n)]),
    );
  }
  return new Array<unknown>(n).fill(null);
}

/**
 * Writes element `value` of `space` at position `index` of `batch` (Gymnasium's `concatenate`, one element at a time).
 *
 * @example
 * ```ts
 * const batch = createBatch(new Discrete(4), 2);
 * writeBatchElement(new Discrete(4), batch, 1, 3); // batch is Int32Array [0, 3]
 * ```
 */
export function writeBatchElement(space: AnySpace, batch: unknown, index: number, value: unknown): void {
  const size = numericSize(space);
  if (size !== undefined) {
    const target = batch as NumericArray;
    if (size === 1 && typeof value === 'number') {
      target[index] = value;
    } else {
      const values = (typeof value === 'number' ? [value] : value) as ArrayLike<number>;
      for (let j = 0; j < size; j++) target[index * size + j] = values[j]!;
    }
    return;
  }
  if (space instanceof Tuple) {
    const parts = value as readonly unknown[];
    (space as Tuple).spaces.forEach((inner: AnySpace, k: number) => {
      writeBatchElement(inner, (batch as unknown[])[k], index, parts[k]);
    });
    return;
  }
  if (space instanceof Dict) {
    const parts = value as Record<string, unknown>;
    for (const key of (space as Dict).keys) {
      writeBatchElement(
        (space as Dict).spaces[key]!,
        (batch as Record<string, unknown>)[key],
        index,
        parts[key],
      );
    }
    return;
  }
  (batch as unknown[])[index] = value;
}

/**
 * Element `index` of `batch` as an element of `space` (Gymnasium's `iterate`, one element at a time): a number for
 * `Discrete`, a fresh typed array for the other numeric spaces.
 *
 * @example
 * ```ts
 * readBatchElement(new Box(-1, 1, [2]), Float32Array.of(0, 0.5, 1, -1), 1); // Float32Array [1, -1]
 * ```
 */
export function readBatchElement(space: AnySpace, batch: unknown, index: number): unknown {
  if (space instanceof Discrete) return (batch as ArrayLike<number>)[index];
  const size = numericSize(space);
  if (size !== undefined) {
    const source = batch as NumericArray;
    return source.slice(index * size, (index + 1) * size);
  }
  if (space instanceof Tuple) {
    return (space as Tuple).spaces.map((inner: AnySpace, k: number) =>
      readBatchElement(inner, (batch as unknown[])[k], index),
    );
  }
  if (space instanceof Dict) {
    return Object.fromEntries(
      (space as Dict).keys.map((key) => [
        key,
        readBatchElement((space as Dict).spaces[key]!, (batch as Record<string, unknown>)[key], index),
      ]),
    );
  }
  return (batch as unknown[])[index];
}

/**
 * A deep copy of a batch made by {@link createBatch}.
 *
 * @example
 * ```ts
 * copyBatch(new Discrete(2), Int32Array.of(1, 0)); // a new Int32Array [1, 0]
 * ```
 */
export function copyBatch(space: AnySpace, batch: unknown): unknown {
  if (numericSize(space) !== undefined) return (batch as NumericArray).slice();
  if (space instanceof Tuple)
    return (space as Tuple).spaces.map((inner: AnySpace, k: number) =>
      copyBatch(inner, (batch as unknown[])[k]),
    );
  if (space instanceof Dict) {
    return Object.fromEntries(
      (space as Dict).keys.map((key) => [
        key,
        copyBatch((space as Dict).spaces[key]!, (batch as Record<string, unknown>)[key]),
      ]),
    );
  }
  return [...(batch as unknown[])];
}

/**
 * Checks that `batch` is shaped like a batch of `n` elements of `space` (the right typed array and length, or
 * the right nesting); throws an `InvalidArgumentError` naming what is wrong.
 *
 * @example
 * ```ts
 * checkBatchShape(new Discrete(2), Int32Array.of(0, 1), 2, 'actions'); // passes
 * ```
 */
export function checkBatchShape(space: AnySpace, batch: unknown, n: number, what: string): void {
  const size = numericSize(space);
  if (size !== undefined) {
    const ok = ArrayBuffer.isView(batch) || Array.isArray(batch);
    const length = ok ? (batch as ArrayLike<number>).length : -1;
    if (length !== n * size) {
      throw new InvalidArgumentError(
        `${what} must be an array of ${n * size} numbers (${n} environments x ${size}), got ${
          ok ? `${length} values` : typeof batch
        }.`,
      );
    }
    return;
  }
  if (space instanceof Tuple) {
    if (!Array.isArray(batch) || batch.length !== (space as Tuple).spaces.length) {
      throw new InvalidArgumentError(`${what} must be a list with one batch per Tuple part.`);
    }
    (space as Tuple).spaces.forEach((inner: AnySpace, k: number) => {
      checkBatchShape(inner, batch[k], n, `${what}[${k}]`);
    });
    return;
  }
  if (space instanceof Dict) {
    if (batch === null || typeof batch !== 'object') {
      throw new InvalidArgumentError(`${what} must be an object with one batch per Dict key.`);
    }
    for (const key of (space as Dict).keys) {
      checkBatchShape(
        (space as Dict).spaces[key]!,
        (batch as Record<string, unknown>)[key],
        n,
        `${what}.${key}`,
      );
    }
    return;
  }
  if (!Array.isArray(batch) || batch.length !== n) {
    throw new InvalidArgumentError(`${what} must be a list of ${n} elements.`);
  }
}
