import { InvalidArgumentError } from '../core/errors.js';
import type { JsonSchema } from '../core/space.js';

/**
 * Helpers for spaces whose elements are arrays of a fixed shape stored flat in row-major order (`Box`,
 * `MultiDiscrete`, `MultiBinary`).
 */

/** The number of elements of an array of `shape` (1 for the scalar shape `[]`). */
export function shapeSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Throws unless `shape` holds non-negative safe integers (positive ones with `positive`). */
export function checkShape(shape: readonly number[], owner: string, positive = false): readonly number[] {
  const value: unknown = shape;
  if (!Array.isArray(value) || !shape.every((d) => Number.isSafeInteger(d) && (positive ? d > 0 : d >= 0))) {
    const what = positive ? 'positive' : 'non-negative';
    throw new InvalidArgumentError(
      `${owner}: shape must be a list of ${what} integers, got ${JSON.stringify(shape)}.`,
    );
  }
  return Array.from(shape);
}

/** A shape as Python prints a tuple: `()`, `(3,)`, `(2, 3)`. */
export function formatShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** Flat row-major values as nested arrays (NumPy's `tolist()`); the scalar shape gives the bare value. */
export function nestValues<T>(values: ArrayLike<T>, shape: readonly number[]): unknown {
  const nest = (depth: number, offset: number): unknown => {
    if (depth === shape.length) return values[offset];
    const stride = shapeSize(shape.slice(depth + 1));
    return Array.from({ length: shape[depth]! }, (_, k) => nest(depth + 1, offset + k * stride));
  };
  return nest(0, 0);
}

/**
 * The leaves of nested arrays (or typed arrays) of exactly `shape`, in row-major order, or `undefined` when `value`
 * does not have that shape.
 */
export function flattenNested(value: unknown, shape: readonly number[]): unknown[] | undefined {
  const out: unknown[] = [];
  const walk = (node: unknown, depth: number): boolean => {
    const isArray = Array.isArray(node) || (ArrayBuffer.isView(node) && !(node instanceof DataView));
    if (depth === shape.length) {
      if (isArray) return false;
      out.push(node);
      return true;
    }
    const items = node as ArrayLike<unknown>;
    if (!isArray || items.length !== shape[depth]) return false;
    return Array.from(items).every((child) => walk(child, depth + 1));
  };
  return walk(value, 0) ? out : undefined;
}

/**
 * A JSON Schema for nested arrays of `shape` whose leaf at flat index `i` matches `leaf(i)`; `uniform` says every
 * leaf has the same schema (then `items` is used instead of one schema per position).
 */
export function nestedArraySchema(
  shape: readonly number[],
  leaf: (index: number) => JsonSchema,
  uniform: boolean,
): JsonSchema {
  const build = (depth: number, offset: number): JsonSchema => {
    if (depth === shape.length) return leaf(offset);
    const length = shape[depth]!;
    const stride = shapeSize(shape.slice(depth + 1));
    const schema: JsonSchema = { type: 'array', minItems: length, maxItems: length };
    if (uniform) schema.items = build(depth + 1, offset);
    else {
      schema.prefixItems = Array.from({ length }, (_, k) => build(depth + 1, offset + k * stride));
      schema.items = false;
    }
    return schema;
  };
  return build(0, 0);
}

/** Whether two array-likes hold the same numbers (`NaN` equals `NaN`). */
export function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i]) && a[i] !== b[i]) return false;
  return true;
}

/** Whether two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
