import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random/rng.js';
import type { Dtype, Space } from '../core/space.js';
import { Box } from './box.js';
import { Dict } from './dict.js';
import { Discrete } from './discrete.js';
import { flatDtype, flatdim, flatten, flattenSpace, resultDtype, unflatten } from './flatten.js';
import { MultiBinary } from './multi-binary.js';
import { MultiDiscrete } from './multi-discrete.js';
import { pairwiseSum } from './numpy-helpers.js';
import { Text } from './text.js';
import { Tuple } from './tuple.js';

const fixture = JSON.parse(
  readFileSync(new URL('./__fixtures__/gymnasium-spaces.json', import.meta.url), 'utf8'),
) as {
  resultTypes: { dtypes: Dtype[]; result: Dtype }[];
  sums: { values: number[]; sum: number }[];
};

describe('resultDtype matches np.result_type', () => {
  it.each(fixture.resultTypes.map((c) => [c.dtypes.join(' + '), c] as const))('%s', (_, c) => {
    expect(resultDtype(c.dtypes)).toBe(c.result);
  });
});

describe('pairwiseSum matches np.sum', () => {
  it.each(fixture.sums.map((c) => [c.values.length, c] as const))('%i values', (_, c) => {
    expect(pairwiseSum(c.values)).toBe(c.sum);
  });
});

describe('flatten', () => {
  it('one-hot encodes Discrete and MultiDiscrete (int64 in Gymnasium, stored as float64)', () => {
    expect(flatten(new Discrete(4, 1), 3)).toEqual(Float64Array.of(0, 0, 1, 0));
    expect(flatten(new MultiDiscrete([2, 3], [0, 5]), Int32Array.of(1, 6))).toEqual(
      Float64Array.of(0, 1, 0, 1, 0),
    );
    expect(flattenSpace(new Discrete(3)).toString()).toBe('Box(0.0, 1.0, (3,), float64)');
  });

  it('pads Text with the charset size and keeps MultiBinary as int8', () => {
    const text = new Text(4, { minLength: 0, charset: 'abc' });
    expect(flatten(text, 'ca')).toEqual(Int32Array.of(2, 0, 3, 3));
    expect(unflatten(text, Int32Array.of(2, 0, 3, 3))).toBe('ca');
    expect(flatten(new MultiBinary([2, 2]), Int8Array.of(1, 0, 0, 1))).toEqual(Int8Array.of(1, 0, 0, 1));
  });

  it('concatenates Tuple and Dict parts in order with NumPy promotion', () => {
    const space = new Dict({ b: new Discrete(2), a: new Box(-1, 1, [2]) });
    const x = { a: Float32Array.of(0.5, -0.25), b: 1 };
    expect(flatten(space, x)).toEqual(Float64Array.of(0.5, -0.25, 0, 1));
    expect(flatdim(space)).toBe(4);
    expect(unflatten(space, Float64Array.of(0.5, -0.25, 0, 1))).toEqual(x);
    expect(flatDtype(new Tuple([new Box(0, 5, [1], 'uint8'), new Box(-3, 3, [1], 'int8')]))).toBe('int16');
    expect(flatDtype(new Tuple([new Box(0, 1, [1]), new MultiBinary(2)]))).toBe('float32');
  });

  it('keeps Box bounds (infinite ones too) in flattenSpace', () => {
    const box = flattenSpace(
      new Tuple([new Box([-Infinity, 0], [Infinity, 1], [2], 'float64'), new Discrete(2)]),
    );
    expect(Array.from(box.low)).toEqual([-Infinity, 0, 0, 0]);
    expect(Array.from(box.high)).toEqual([Infinity, 1, 1, 1]);
    expect(box.isBounded('below')).toBe(false);
  });

  it('rejects values that are not elements and arrays that cannot be read back', () => {
    expect(() => flatten(new Discrete(3), 3)).toThrow(/not an element of Discrete\(3\)/);
    expect(() => flatten(new MultiDiscrete([2]), Int32Array.of(2))).toThrow(/not an element/);
    expect(() => flatten(new Text(2, { charset: 'ab' }), 'abc')).toThrow(/not an element/);
    expect(() => flatten(new Box(0, 1, [2]), Float32Array.of(0))).toThrow(/not an element/);
    expect(() => unflatten(new Discrete(3), [0, 0, 0])).toThrow(/not a one-hot block/);
    expect(() => unflatten(new MultiDiscrete([2, 2]), [1, 0, 0, 0])).toThrow(/not a one-hot block/);
    expect(() => unflatten(new Discrete(3), [0, 1])).toThrow(/needs 3 values, got 2/);
  });

  it('refuses spaces it does not know', () => {
    const custom: Space<number> = {
      type: 'Custom',
      shape: [],
      dtype: undefined,
      contains: (x): x is number => typeof x === 'number',
      sample: () => 0,
      toJSON: () => ({ type: 'Custom' }),
      toJsonSchema: () => ({}),
      toJsonValue: (x) => x,
      fromJsonValue: (x) => x as number,
      equals: () => false,
      toString: () => 'Custom()',
    };
    expect(() => flatdim(custom)).toThrow(/Cannot flatten Custom\(\)/);
    expect(() => flattenSpace(new Tuple([custom]))).toThrow(/Cannot flatten Custom\(\)/);
  });

  it('flattens samples of nested spaces into the flat box', () => {
    const space = new Dict({
      t: new Tuple([new Discrete(2), new Box(-Infinity, Infinity, [2])]),
      m: new MultiDiscrete([
        [3, 2],
        [1, 4],
      ]),
      s: new Text(3, { charset: 'xy' }),
    });
    const rng = createRng(5);
    for (let i = 0; i < 20; i++) {
      const x = space.sample(rng);
      const flat = flatten(space, x);
      expect(flattenSpace(space).contains(flat)).toBe(true);
      expect(unflatten(space, flat)).toEqual(x);
    }
  });
});
