import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random/rng.js';
import { MultiDiscrete } from './multi-discrete.js';

describe('MultiDiscrete', () => {
  it('holds Int32Array elements, row-major for nested nvec', () => {
    const space = new MultiDiscrete(
      [
        [2, 3],
        [4, 5],
      ],
      [
        [0, 1],
        [-2, 0],
      ],
    );
    expect(space.shape).toEqual([2, 2]);
    expect(Array.from(space.nvec)).toEqual([2, 3, 4, 5]);
    expect(space.contains(Int32Array.of(1, 3, -2, 4))).toBe(true);
    for (const x of [
      Int32Array.of(2, 1, 0, 0),
      Int32Array.of(0, 0, 0, 0),
      Int32Array.of(0, 1, 0),
      [0, 1, 0, 0],
    ]) {
      expect(space.contains(x)).toBe(false);
    }
    expect(space.contains(Float64Array.of(0, 1, 0, 0))).toBe(false);
    expect(space.toJsonValue(Int32Array.of(1, 3, -2, 4))).toEqual([
      [1, 3],
      [-2, 4],
    ]);
  });

  it('rejects invalid nvec and start', () => {
    expect(() => new MultiDiscrete([2, 0])).toThrow(/positive integers/);
    expect(() => new MultiDiscrete([2, 1.5])).toThrow(/positive integers/);
    expect(() => new MultiDiscrete([[2, 3], [4]])).toThrow(/shape \[2, 2\]/);
    expect(() => new MultiDiscrete([2, 3], [0])).toThrow(/start must be/);
    expect(() => new MultiDiscrete([2], [2147483647])).toThrow(/int32/);
    expect(() => new MultiDiscrete(5 as unknown as number[])).toThrow(/nested\) list/);
  });

  it('accepts masks flat (row-major) or nested like nvec, with the same draws', () => {
    const space = new MultiDiscrete([
      [3, 2],
      [2, 4],
    ]);
    const flat = [
      [1, 1, 0],
      [0, 1],
      [1, 1],
      [0, 0, 1, 1],
    ];
    const nested = [
      [
        [1, 1, 0],
        [0, 1],
      ],
      [
        [1, 1],
        [0, 0, 1, 1],
      ],
    ];
    for (let seed = 0; seed < 10; seed++) {
      const a = space.sample(createRng(seed), flat);
      expect(space.sample(createRng(seed), nested)).toEqual(a);
      expect(a[0]).not.toBe(2);
      expect(a[1]).toBe(1);
      expect(a[3]).toBeGreaterThanOrEqual(2);
    }
  });

  it('takes start for a component whose mask allows nothing', () => {
    const space = new MultiDiscrete([3, 2], [5, -1]);
    expect(space.sample(createRng(0), [[0, 0, 0], Int8Array.of(0, 0)])).toEqual(Int32Array.of(5, -1));
  });

  it('rejects malformed masks', () => {
    const space = new MultiDiscrete([3, 2]);
    const rng = createRng(0);
    expect(() => space.sample(rng, [[1, 1, 1]])).toThrow(/one mask per component/);
    expect(() =>
      space.sample(rng, [
        [1, 1],
        [1, 1],
      ]),
    ).toThrow(/component 0 must have 3 entries/);
    expect(() =>
      space.sample(rng, [
        [1, 2, 1],
        [1, 1],
      ]),
    ).toThrow(/0 or 1/);
    expect(() =>
      space.sample(rng, {
        probability: [
          [0.5, 0.5, 0.5],
          [1, 0],
        ],
      }),
    ).toThrow(/sum to 1.5/);
    expect(() =>
      space.sample(rng, {
        probability: [
          [1.5, -0.5, 0],
          [1, 0],
        ],
      }),
    ).toThrow(/within \[0, 1\]/);
  });

  it('prints like Gymnasium', () => {
    expect(new MultiDiscrete([2, 3]).toString()).toBe('MultiDiscrete([2 3])');
    expect(new MultiDiscrete([5, 2, 2], [1, 0, 0]).toString()).toBe('MultiDiscrete([5 2 2], start=[1 0 0])');
    expect(
      new MultiDiscrete([
        [1, 2],
        [3, 4],
      ]).toString(),
    ).toBe('MultiDiscrete([[1 2]\n [3 4]])');
  });

  it('reads JSON values of the exact shape', () => {
    const space = new MultiDiscrete([2, 3]);
    expect(space.fromJsonValue([1, 2])).toEqual(Int32Array.of(1, 2));
    expect(() => space.fromJsonValue([1, 3])).toThrow(/not an element/);
    expect(() => space.fromJsonValue([1])).toThrow(/not an element/);
    expect(() => space.fromJsonValue([1, 0.5])).toThrow(/not an element/);
    expect(space.equals(new MultiDiscrete([2, 3], [0, 0]))).toBe(true);
    expect(space.equals(new MultiDiscrete([[2, 3]]))).toBe(false);
  });
});
