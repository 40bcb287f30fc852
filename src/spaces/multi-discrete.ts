import { describeValue, InvalidArgumentError } from '../core/errors.js';
import type { Rng } from '../core/random/rng.js';
import type { JsonSchema, Space, SpaceJson } from '../core/space.js';
import {
  flattenNested,
  nestedArraySchema,
  nestValues,
  sameShape,
  sameValues,
  shapeSize,
} from './array-shape.js';
import { formatArray } from './format-array.js';
import { pairwiseSum } from './numpy-helpers.js';

/** Numbers nested to any depth (`[2, 3]`, `[[1, 2], [3, 4]]`): the shape is read from the nesting. */
export type NestedNumbers = ArrayLike<number> | readonly NestedNumbers[];

/** One 0/1 mask of allowed values per component (`nvec[i]` entries each). */
export type ComponentMasks = readonly (ArrayLike<number | boolean> | readonly unknown[])[];

/**
 * What `MultiDiscrete.sample` accepts: one 0/1 mask per component (a component whose mask allows nothing takes its
 * `start`), or `{probability}` with one probability vector per component. Components are listed in row-major order,
 * or nested like `nvec` (Gymnasium's nested tuples).
 */
export type MultiDiscreteMask = ComponentMasks | { probability: ComponentMasks };

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * The cartesian product of `Discrete` spaces, as Gymnasium's `MultiDiscrete`: component `i` takes the values
 * `start[i], ..., start[i] + nvec[i] - 1`. Elements are `Int32Array`s in row-major order; a nested `nvec` gives a
 * multi-dimensional space whose `shape` is the nesting's.
 *
 * @example
 * ```ts
 * const buttons = new MultiDiscrete([5, 2, 2]);
 * buttons.sample(createRng(0)); // Int32Array [..], as MultiDiscrete([5, 2, 2], seed=0).sample()
 * buttons.contains(Int32Array.of(4, 1, 0)); // true
 * buttons.toString(); // 'MultiDiscrete([5 2 2])'
 * ```
 */
export class MultiDiscrete implements Space<Int32Array, MultiDiscreteMask> {
  readonly type = 'MultiDiscrete';
  readonly shape: readonly number[];
  readonly dtype = 'int32' as const;
  /** The number of values of each component, row-major. */
  readonly nvec: Int32Array;
  /** The smallest value of each component, row-major. */
  readonly start: Int32Array;
  readonly size: number;

  constructor(nvec: NestedNumbers, start?: NestedNumbers) {
    this.shape = inferShape(nvec);
    this.size = shapeSize(this.shape);
    const counts = readNumbers(nvec, this.shape, 'nvec');
    const starts =
      start === undefined ? new Array<number>(this.size).fill(0) : readNumbers(start, this.shape, 'start');
    this.nvec = Int32Array.from(counts);
    this.start = Int32Array.from(starts);
    for (let i = 0; i < this.size; i++) {
      const count = counts[i]!;
      const first = starts[i]!;
      if (!Number.isSafeInteger(count) || count <= 0 || !Number.isSafeInteger(first)) {
        throw new InvalidArgumentError(
          `MultiDiscrete: nvec must hold positive integers and start integers (component ${i}: nvec ${count}, start ${first}).`,
        );
      }
      if (first < INT32_MIN || first + count - 1 > INT32_MAX) {
        throw new InvalidArgumentError(
          `MultiDiscrete: component ${i} (start ${first}, nvec ${count}) does not fit in int32 elements.`,
        );
      }
    }
  }

  contains(x: unknown): x is Int32Array {
    if (!(x instanceof Int32Array) || x.length !== this.size) return false;
    for (let i = 0; i < this.size; i++) {
      const offset = x[i]! - this.start[i]!;
      if (offset < 0 || offset >= this.nvec[i]!) return false;
    }
    return true;
  }

  /**
   * A random element. Without a mask, every component is `floor(random() * nvec) + start`, drawn in row-major order
   * as Gymnasium does; with one, each component is chosen among its allowed values (see {@link MultiDiscreteMask}).
   */
  sample(rng: Rng, mask?: MultiDiscreteMask): Int32Array {
    const out = new Int32Array(this.size);
    if (mask === undefined) {
      const draws = rng.random(this.size);
      for (let i = 0; i < this.size; i++) out[i] = Math.floor(draws[i]! * this.nvec[i]!) + this.start[i]!;
      return out;
    }
    const probability = 'probability' in mask;
    const components = this.componentMasks(probability ? mask.probability : mask);
    for (let i = 0; i < this.size; i++) {
      const values = components[i]!;
      out[i] =
        this.start[i]! + (probability ? this.drawWeighted(rng, values, i) : this.drawMasked(rng, values, i));
    }
    return out;
  }

  toJSON(): SpaceJson {
    return {
      type: this.type,
      nvec: Array.from(this.nvec),
      start: Array.from(this.start),
      shape: [...this.shape],
    };
  }

  toJsonSchema(): JsonSchema {
    const uniform =
      this.nvec.every((n) => n === this.nvec[0]) && this.start.every((s) => s === this.start[0]);
    const leaf = (i: number): JsonSchema => ({
      type: 'integer',
      minimum: this.start[i],
      maximum: this.start[i]! + this.nvec[i]! - 1,
    });
    return nestedArraySchema(this.shape, leaf, uniform);
  }

  /** Nested arrays of integers (NumPy's `tolist()`). */
  toJsonValue(x: Int32Array): unknown {
    return nestValues(Array.from(x), this.shape);
  }

  fromJsonValue(value: unknown): Int32Array {
    const leaves = flattenNested(value, this.shape);
    const out = new Int32Array(this.size);
    if (leaves !== undefined && leaves.every((v) => Number.isSafeInteger(v))) out.set(leaves as number[]);
    if (leaves === undefined || !leaves.every((v, i) => v === out[i]) || !this.contains(out)) {
      throw new InvalidArgumentError(`${describeValue(value)} is not an element of ${this.toString()}.`);
    }
    return out;
  }

  equals(other: Space<unknown, unknown>): boolean {
    return (
      other instanceof MultiDiscrete &&
      sameShape(other.shape, this.shape) &&
      sameValues(other.nvec, this.nvec) &&
      sameValues(other.start, this.start)
    );
  }

  /** Gymnasium's `repr`: `MultiDiscrete([2 3])`, with `, start=[..]` when some start is not 0. */
  toString(): string {
    const nvec = formatArray(this.nvec, this.shape, { kind: 'i' });
    if (this.start.every((s) => s === 0)) return `MultiDiscrete(${nvec})`;
    return `MultiDiscrete(${nvec}, start=${formatArray(this.start, this.shape, { kind: 'i' })})`;
  }

  private componentMasks(mask: ComponentMasks): readonly ArrayLike<unknown>[] {
    const isLeaf = (entry: unknown): boolean =>
      ArrayBuffer.isView(entry) || (Array.isArray(entry) && entry.every((v) => typeof v !== 'object'));
    let flat: readonly unknown[] | undefined = mask;
    if (this.shape.length > 1 && !(mask.length === this.size && mask.every(isLeaf))) {
      flat = flattenComponents(mask, this.shape);
    }
    if (flat === undefined || flat.length !== this.size || !flat.every(isLeaf)) {
      throw new InvalidArgumentError(
        `MultiDiscrete.sample: expected one mask per component (${this.size}, row-major or nested like nvec), ` +
          `got ${describeValue(mask)}.`,
      );
    }
    return flat as readonly ArrayLike<unknown>[];
  }

  private checkLength(values: ArrayLike<unknown>, i: number): void {
    if (values.length !== this.nvec[i]) {
      throw new InvalidArgumentError(
        `MultiDiscrete.sample: the mask of component ${i} must have ${this.nvec[i]} entries, got ${values.length}.`,
      );
    }
  }

  private drawMasked(rng: Rng, values: ArrayLike<unknown>, i: number): number {
    this.checkLength(values, i);
    const allowed: number[] = [];
    for (let k = 0; k < values.length; k++) {
      const flag = Number(values[k]);
      if (flag !== 0 && flag !== 1) {
        throw new InvalidArgumentError(
          `MultiDiscrete.sample: mask values must be 0 or 1, got ${String(values[k])}.`,
        );
      }
      if (flag === 1) allowed.push(k);
    }
    return allowed.length === 0 ? 0 : rng.choice(allowed);
  }

  private drawWeighted(rng: Rng, values: ArrayLike<unknown>, i: number): number {
    this.checkLength(values, i);
    const p = Float64Array.from(values as ArrayLike<number>);
    if (!p.every((v) => v >= 0 && v <= 1)) {
      throw new InvalidArgumentError(
        `MultiDiscrete.sample: probabilities must be within [0, 1] (component ${i}: ${describeValue(Array.from(p))}).`,
      );
    }
    const total = pairwiseSum(p);
    if (!(Math.abs(total - 1) <= 1e-8 + 1e-5)) {
      throw new InvalidArgumentError(
        `MultiDiscrete.sample: the probabilities of component ${i} sum to ${total}, not 1.`,
      );
    }
    const indices: number[] = [];
    const weights: number[] = [];
    for (let k = 0; k < p.length; k++) {
      if (p[k]! > 0) {
        indices.push(k);
        weights.push(p[k]! / total);
      }
    }
    return rng.choice(indices, { p: weights });
  }
}

function inferShape(nvec: NestedNumbers): readonly number[] {
  const shape: number[] = [];
  let node: unknown = nvec;
  while (Array.isArray(node) || ArrayBuffer.isView(node)) {
    const items = node as ArrayLike<unknown>;
    shape.push(items.length);
    if (items.length === 0) break;
    node = items[0];
  }
  if (shape.length === 0) {
    throw new InvalidArgumentError(
      `MultiDiscrete: nvec must be a (nested) list of integers, got ${describeValue(nvec)}.`,
    );
  }
  return shape;
}

function readNumbers(values: NestedNumbers, shape: readonly number[], name: string): number[] {
  const leaves = flattenNested(values, shape);
  if (leaves === undefined || !leaves.every((v) => typeof v === 'number')) {
    throw new InvalidArgumentError(
      `MultiDiscrete: ${name} must be a (nested) list of integers of shape [${shape.join(', ')}], got ${describeValue(values)}.`,
    );
  }
  return leaves;
}

/** Nested per-component masks (Gymnasium's nested tuples) flattened to row-major order. */
function flattenComponents(mask: readonly unknown[], shape: readonly number[]): unknown[] | undefined {
  const out: unknown[] = [];
  const walk = (node: unknown, depth: number): boolean => {
    if (depth === shape.length) {
      out.push(node);
      return true;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) return false;
    return node.every((child) => walk(child, depth + 1));
  };
  return walk(mask, 0) ? out : undefined;
}
