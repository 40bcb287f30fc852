import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random/rng.js';
import { Box } from './box.js';
import { Discrete } from './discrete.js';
import { Tuple } from './tuple.js';

describe('Tuple', () => {
  const space = new Tuple([new Discrete(32), new Discrete(11), new Box(0, 1, [1])] as const);

  it('contains arrays with one element of each subspace', () => {
    expect(space.contains([14, 10, Float32Array.of(0.5)])).toBe(true);
    for (const x of [
      [14, 10],
      [14, 11, Float32Array.of(0.5)],
      [14, 10, Float32Array.of(0.5), 0],
      { 0: 14 },
      null,
    ]) {
      expect(space.contains(x)).toBe(false);
    }
  });

  it('samples subspaces in order from one generator, with optional masks', () => {
    const x = space.sample(createRng(9));
    const again = createRng(9);
    expect(x[0]).toBe(new Discrete(32).sample(again));
    expect(x[1]).toBe(new Discrete(11).sample(again));
    const masked = space.sample(createRng(1), [undefined, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], undefined]);
    expect(masked[1]).toBe(10);
    expect(() => space.sample(createRng(1), [undefined] as never)).toThrow(
      /one entry \(or undefined\) per subspace \(3\)/,
    );
  });

  it('prints like Gymnasium and reads JSON lists', () => {
    expect(space.toString()).toBe('Tuple(Discrete(32), Discrete(11), Box(0.0, 1.0, (1,), float32))');
    expect(new Tuple([]).toString()).toBe('Tuple()');
    expect(space.toJsonValue([1, 2, Float32Array.of(0.25)])).toEqual([1, 2, [0.25]]);
    expect(space.fromJsonValue([1, 2, [0.25]])).toEqual([1, 2, Float32Array.of(0.25)]);
    expect(() => space.fromJsonValue([1, 2])).toThrow(/list of 3 values/);
    expect(() => space.fromJsonValue([1, 20, [0.25]])).toThrow(
      /Tuple entry 1: 20 is not an element of Discrete\(11\)/,
    );
    expect(space.equals(new Tuple([new Discrete(32), new Discrete(11), new Box(0, 1, [1])]))).toBe(true);
    expect(space.equals(new Tuple([new Discrete(32), new Discrete(11)]))).toBe(false);
    expect(() => new Tuple([new Discrete(2), 3] as never)).toThrow(/entry 1 is not a space/);
  });
});
