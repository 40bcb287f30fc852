import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random/rng.js';
import { Box } from './box.js';
import { Dict } from './dict.js';
import { Discrete } from './discrete.js';
import { MultiBinary } from './multi-binary.js';

describe('Dict', () => {
  it('sorts the keys of a plain object by code point, and keeps the order of a Map or pairs', () => {
    const spaces = {
      b: new Discrete(2),
      a: new Discrete(3),
      '10': new Discrete(4),
      '9': new Discrete(5),
      B: new Discrete(6),
    };
    expect(new Dict(spaces).keys).toEqual(['10', '9', 'B', 'a', 'b']);
    expect(new Dict({ '\u{1F600}': new Discrete(2), '\uFFFF': new Discrete(2) }).keys).toEqual([
      '\uFFFF',
      '\u{1F600}',
    ]);
    expect(
      new Dict(
        new Map([
          ['z', new Discrete(2)],
          ['a', new Discrete(2)],
        ]),
      ).keys,
    ).toEqual(['z', 'a']);
    expect(
      new Dict([
        ['z', new Discrete(2)],
        ['a', new Discrete(2)],
      ] as const).keys,
    ).toEqual(['z', 'a']);
  });

  it('rejects duplicate keys, non-spaces and the __proto__ key', () => {
    expect(
      () =>
        new Dict([
          ['a', new Discrete(2)],
          ['a', new Discrete(2)],
        ]),
    ).toThrow(/appears twice/);
    expect(() => new Dict({ a: { n: 2 } as unknown as Discrete })).toThrow(/not a space/);
    expect(() => new Dict([['__proto__', new Discrete(2)]])).toThrow(/__proto__/);
  });

  it('contains plain objects with exactly its keys', () => {
    const space = new Dict({ a: new Discrete(2), b: new MultiBinary(2) });
    expect(space.contains({ a: 1, b: Int8Array.of(0, 1) })).toBe(true);
    for (const x of [
      { a: 1 },
      { a: 1, b: Int8Array.of(0, 1), c: 0 },
      { a: 2, b: Int8Array.of(0, 1) },
      [1, Int8Array.of(0, 1)],
      new Map([['a', 1]]),
      null,
    ]) {
      expect(space.contains(x)).toBe(false);
    }
  });

  it('samples subspaces in key order from one generator, with optional per-key masks', () => {
    const space = new Dict({ b: new Discrete(5), a: new Box(0, 1, [2]) });
    const rng = createRng(4);
    const x = space.sample(rng);
    const again = createRng(4);
    expect(x.a).toEqual(new Box(0, 1, [2]).sample(again));
    expect(x.b).toBe(new Discrete(5).sample(again));
    for (let i = 0; i < 10; i++) expect(space.sample(rng, { b: [0, 0, 0, 1, 0] }).b).toBe(3);
    expect(() => space.sample(rng, { c: [1] } as never)).toThrow(/keys the space lacks: c/);
  });

  it('prints keys as Python reprs and compares ignoring order', () => {
    const space = new Dict([
      ["it's", new Discrete(2)],
      ['b', new Box(-1, 1, [3])],
    ]);
    expect(space.toString()).toBe(`Dict("it's": Discrete(2), 'b': Box(-1.0, 1.0, (3,), float32))`);
    expect(space.equals(new Dict({ b: new Box(-1, 1, [3]), "it's": new Discrete(2) }))).toBe(true);
    expect(space.equals(new Dict({ b: new Box(-1, 1, [3]) }))).toBe(false);
    expect(new Dict({}).toString()).toBe('Dict()');
  });

  it('reads JSON objects with exactly its keys and says which key is wrong', () => {
    const space = new Dict({ a: new Discrete(2), b: new Discrete(3) });
    expect(space.fromJsonValue({ b: 2, a: 0 })).toEqual({ a: 0, b: 2 });
    expect(() => space.fromJsonValue({ a: 0 })).toThrow(/exactly the keys a, b/);
    expect(() => space.fromJsonValue({ a: 0, b: 5 })).toThrow(
      /Dict key 'b': 5 is not an element of Discrete\(3\)/,
    );
    expect(space.get('a').n).toBe(2);
    expect(() => space.get('c' as 'a')).toThrow(/no key 'c'/);
  });
});
