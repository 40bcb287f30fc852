import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random/rng.js';
import { Box } from './box.js';

const FLOAT32_MAX = 3.4028234663852886e38;

describe('Box', () => {
  it('contains typed arrays of its dtype and size within the bounds', () => {
    const space = new Box(-1, 1, [2]);
    expect(space.contains(Float32Array.of(-1, 1))).toBe(true);
    for (const x of [
      Float64Array.of(0, 0),
      Float32Array.of(0),
      Float32Array.of(0, 0, 0),
      Float32Array.of(0, 1.5),
      Float32Array.of(NaN, 0),
      [0, 0],
      0,
      'x',
      null,
    ]) {
      expect(space.contains(x)).toBe(false);
    }
    const unbounded = new Box(-Infinity, Infinity, [1], 'float64');
    expect(unbounded.contains(Float64Array.of(Infinity))).toBe(true);
    expect(unbounded.contains(Float64Array.of(NaN))).toBe(false);
  });

  it('rejects invalid bounds and shapes', () => {
    expect(() => new Box(1, 0, [1])).toThrow(/low must not exceed high/);
    expect(() => new Box(NaN, 0, [1])).toThrow(/not NaN/);
    expect(() => new Box(-Infinity, 0, [1], 'uint8')).toThrow(/unsigned/);
    expect(() => new Box(0, 300, [1], 'uint8')).toThrow(/out of the dtype's range/);
    expect(() => new Box([0, 0], [1, 1, 1])).toThrow(/different lengths/);
    expect(() => new Box([0, 0], 1, [3])).toThrow(/needs 3/);
    expect(() => new Box(0, 1, [-1])).toThrow(/non-negative/);
  });

  it('prints bounds as Gymnasium does', () => {
    expect(new Box(-1, 1, [3]).toString()).toBe('Box(-1.0, 1.0, (3,), float32)');
    expect(new Box(0, 255, [84, 84, 3], 'uint8').toString()).toBe('Box(0, 255, (84, 84, 3), uint8)');
    const cartPoleHigh = [4.8, FLOAT32_MAX, 0.41887903, FLOAT32_MAX];
    const cartPole = new Box(
      cartPoleHigh.map((v) => -v),
      cartPoleHigh,
    );
    expect(cartPole.toString()).toBe(
      'Box([-4.8000002e+00 -3.4028235e+38 -4.1887903e-01 -3.4028235e+38], ' +
        '[4.8000002e+00 3.4028235e+38 4.1887903e-01 3.4028235e+38], (4,), float32)',
    );
  });

  it('keeps boundedness through JSON, where integer dtypes store infinite bounds as the dtype limits', () => {
    const space = new Box([-Infinity, 0], [5, Infinity], [2], 'int16');
    expect(Array.from(space.low)).toEqual([-32768, 0]);
    expect(space.toJSON()).toEqual({
      type: 'Box',
      low: ['-inf', 0],
      high: [5, 'inf'],
      shape: [2],
      dtype: 'int16',
    });
    expect(space.isBounded('both')).toBe(false);
    expect(space.equals(new Box([-32768, 0], [5, 32767], [2], 'int16'))).toBe(false);
    expect(new Box(-1, 1, [2, 3]).toJSON()).toEqual({
      type: 'Box',
      low: -1,
      high: 1,
      shape: [2, 3],
      dtype: 'float32',
    });
  });

  it('clips integer samples into the box (Gymnasium can leave it near the dtype limits)', () => {
    const space = new Box(126, 127, [3], 'int8');
    const rng = createRng(0);
    for (let i = 0; i < 10; i++) expect(space.contains(space.sample(rng))).toBe(true);
  });

  it('reads nested JSON values of the exact shape', () => {
    const space = new Box(-1, 1, [2, 2]);
    expect(space.toJsonValue(Float32Array.of(0.5, 0, -1, 1))).toEqual([
      [0.5, 0],
      [-1, 1],
    ]);
    expect(
      space.fromJsonValue([
        [0.1, 0],
        [0, 0],
      ])[0],
    ).toBe(Math.fround(0.1));
    expect(() => space.fromJsonValue([[0, 0, 0], [0]])).toThrow(/shape \(2, 2\)/);
    expect(() => space.fromJsonValue([0, 0, 0, 0])).toThrow(/shape/);
    expect(() =>
      space.fromJsonValue([
        [2, 0],
        [0, 0],
      ]),
    ).toThrow(/within \[low, high\]/);
    const integers = new Box(0, 300, [1], 'int16');
    expect(() => integers.fromJsonValue([1.5])).toThrow(/integers/);
    expect(() => new Box(0, 255, [1], 'uint8').fromJsonValue([300])).toThrow(/within/);
    const unbounded = new Box(0, Infinity, [1], 'float64');
    expect(unbounded.toJsonValue(Float64Array.of(Infinity))).toEqual(['inf']);
    expect(unbounded.fromJsonValue(['inf'])).toEqual(Float64Array.of(Infinity));
  });

  it('samples the scalar shape', () => {
    const space = new Box(0, 1, []);
    const x = space.sample(createRng(0));
    expect(x.length).toBe(1);
    expect(typeof space.toJsonValue(x)).toBe('number');
    expect(space.toString()).toBe('Box(0.0, 1.0, (), float32)');
  });
});
