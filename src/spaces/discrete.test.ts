import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random/rng.js';
import { Discrete } from './discrete.js';

describe('Discrete', () => {
  it('contains exactly the integers start .. start + n - 1', () => {
    const space = new Discrete(3, -1);
    expect([-1, 0, 1].every((x) => space.contains(x))).toBe(true);
    for (const x of [-2, 2, 0.5, NaN, Infinity, '0', 0n, null, undefined, [0], Int32Array.of(0)]) {
      expect(space.contains(x)).toBe(false);
    }
  });

  it('rejects invalid constructor arguments', () => {
    expect(() => new Discrete(0)).toThrow(/positive integer/);
    expect(() => new Discrete(2.5)).toThrow(/positive integer/);
    expect(() => new Discrete(2, 0.5)).toThrow(/start must be an integer/);
  });

  it('samples only allowed values under a mask, and start when nothing is allowed', () => {
    const space = new Discrete(5, 10);
    const rng = createRng(3);
    for (let i = 0; i < 50; i++) expect([11, 13]).toContain(space.sample(rng, [0, 1, 0, 1, 0]));
    expect(space.sample(rng, [false, false, false, false, false])).toBe(10);
    for (let i = 0; i < 20; i++) expect(space.sample(rng, { probability: [0, 0, 1, 0, 0] })).toBe(12);
  });

  it('rejects malformed masks', () => {
    const space = new Discrete(3);
    const rng = createRng(0);
    expect(() => space.sample(rng, [1, 0])).toThrow(/3 entries, got 2/);
    expect(() => space.sample(rng, [1, 2, 0])).toThrow(/0 or 1/);
    expect(() => space.sample(rng, { probability: [0.5, 0.6, -0.1] })).toThrow(/within \[0, 1\]/);
    expect(() => space.sample(rng, { probability: [0.5, 0.2, 0.2] })).toThrow(/sum to 1/);
  });

  it('has the JSON forms and description of Gymnasium', () => {
    const space = new Discrete(4, 2);
    expect(space.toJSON()).toEqual({ type: 'Discrete', n: 4, start: 2 });
    expect(space.toJsonSchema()).toEqual({ type: 'integer', minimum: 2, maximum: 5 });
    expect(space.fromJsonValue(3)).toBe(3);
    expect(() => space.fromJsonValue(6)).toThrow(/not an element of Discrete\(4, start=2\)/);
    expect(new Discrete(4).toString()).toBe('Discrete(4)');
    expect(space.equals(new Discrete(4, 2))).toBe(true);
    expect(space.equals(new Discrete(4))).toBe(false);
  });
});
