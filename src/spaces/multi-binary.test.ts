import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random/rng.js';
import { MultiBinary } from './multi-binary.js';

describe('MultiBinary', () => {
  it('contains Int8Arrays of 0s and 1s of its size', () => {
    const space = new MultiBinary([2, 2]);
    expect(space.contains(Int8Array.of(0, 1, 1, 0))).toBe(true);
    for (const x of [Int8Array.of(0, 2, 1, 0), Int8Array.of(0, 1), Uint8Array.of(0, 1, 1, 0), [0, 1, 1, 0]]) {
      expect(space.contains(x)).toBe(false);
    }
  });

  it('rejects invalid sizes', () => {
    expect(() => new MultiBinary(0)).toThrow(/positive integer/);
    expect(() => new MultiBinary([2, 0])).toThrow(/positive integers/);
    expect(() => new MultiBinary(1.5)).toThrow(/positive integer/);
  });

  it('fixes bits where the mask says 0 or 1 and draws the others', () => {
    const space = new MultiBinary(4);
    const rng = createRng(1);
    for (let i = 0; i < 20; i++) {
      const x = space.sample(rng, [0, 1, 2, 1]);
      expect([x[0], x[1], x[3]]).toEqual([0, 1, 1]);
    }
    expect(space.sample(rng, { probability: [0, 1, 1, 0] })).toEqual(Int8Array.of(0, 1, 1, 0));
  });

  it('rejects malformed masks', () => {
    const space = new MultiBinary(3);
    const rng = createRng(0);
    expect(() => space.sample(rng, [0, 1])).toThrow(/one entry per bit \(3/);
    expect(() => space.sample(rng, [0, 3, 1])).toThrow(/0, 1 or 2/);
    expect(() => space.sample(rng, { probability: [0, 1.5, 1] })).toThrow(/within \[0, 1\]/);
  });

  it('prints like Gymnasium and has nested JSON values', () => {
    expect(new MultiBinary(5).toString()).toBe('MultiBinary(5)');
    expect(new MultiBinary([2, 3]).toString()).toBe('MultiBinary((2, 3))');
    expect(new MultiBinary([4]).toString()).toBe('MultiBinary((4,))');
    const space = new MultiBinary([2, 1]);
    expect(space.toJsonValue(Int8Array.of(1, 0))).toEqual([[1], [0]]);
    expect(space.fromJsonValue([[1], [0]])).toEqual(Int8Array.of(1, 0));
    expect(() => space.fromJsonValue([1, 0])).toThrow(/shape \(2, 1\)/);
    expect(() => space.fromJsonValue([[1], [2]])).toThrow(/0s and 1s/);
  });
});
