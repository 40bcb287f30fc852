import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../core/errors.js';
import { Box } from './box.js';
import { Dict } from './dict.js';
import { Discrete } from './discrete.js';
import { MultiBinary } from './multi-binary.js';
import { MultiDiscrete } from './multi-discrete.js';
import { spaceFromJSON } from './space-from-json.js';
import { Text } from './text.js';
import { Tuple } from './tuple.js';

describe('spaceFromJSON', () => {
  it('reads every space type, nested ones included', () => {
    const space = new Dict({
      box: new Box([-Infinity, 0], [1, Infinity], [2], 'float64'),
      tuple: new Tuple([
        new Discrete(3, -1),
        new MultiBinary([2, 2]),
        new Text(4, { minLength: 0, charset: 'xy' }),
      ]),
      grid: new MultiDiscrete(
        [
          [2, 3],
          [4, 5],
        ],
        [
          [0, 1],
          [2, 3],
        ],
      ),
    });
    const copy = spaceFromJSON(JSON.parse(JSON.stringify(space.toJSON())));
    expect(copy).toBeInstanceOf(Dict);
    expect(copy.equals(space)).toBe(true);
    expect(copy.toString()).toBe(space.toString());
  });

  it('fills defaults for optional fields', () => {
    expect(spaceFromJSON({ type: 'Discrete', n: 3 }).equals(new Discrete(3))).toBe(true);
    expect(spaceFromJSON({ type: 'Box', low: 0, high: 1, shape: [2] }).toString()).toBe(
      'Box(0.0, 1.0, (2,), float32)',
    );
    expect(spaceFromJSON({ type: 'MultiDiscrete', nvec: [2, 3] }).toString()).toBe('MultiDiscrete([2 3])');
    expect(spaceFromJSON({ type: 'Text', maxLength: 3 }).equals(new Text(3))).toBe(true);
  });

  it('names the problem and where it is', () => {
    const cases: [unknown, RegExp][] = [
      [null, /expected an object like \{"type": "Discrete"/],
      [{ n: 2 }, /unknown space type undefined; expected one of Discrete, Box/],
      [{ type: 'Discrte', n: 2 }, /unknown space type "Discrte"/],
      [{ type: 'Discrete' }, /Invalid Discrete JSON at `n`/],
      [{ type: 'Discrete', n: 2, extra: 1 }, /Invalid Discrete JSON/],
      [{ type: 'Discrete', n: 0 }, /Invalid space JSON: Discrete: n must be a positive integer/],
      [{ type: 'Box', low: 0, high: 1, shape: [2], dtype: 'int64' }, /Invalid Box JSON at `dtype`/],
      [{ type: 'Box', low: [0], high: 1, shape: [2] }, /low has 1 values but shape \[2\] needs 2/],
      [{ type: 'MultiDiscrete', nvec: [2, 3], shape: [3] }, /shape \[3\] does not match/],
      [{ type: 'MultiDiscrete', nvec: [2, 3], start: [0] }, /start must have as many entries as nvec/],
      [
        {
          type: 'Tuple',
          spaces: [
            { type: 'Discrete', n: 2 },
            { type: 'Discrete', n: 'x' },
          ],
        },
        /at `spaces\[1\]\.n`/,
      ],
      [
        { type: 'Dict', spaces: [['a', { type: 'Tuple', spaces: [{ type: 'Foo' }] }]] },
        /at `spaces\.a\.spaces\[0\]`: unknown space type "Foo"/,
      ],
      [
        { type: 'Dict', spaces: [['a', { type: 'Discrete', n: -1 }]] },
        /at `spaces\.a`: Discrete: n must be a positive integer/,
      ],
      [{ type: 'Dict', spaces: { a: { type: 'Discrete', n: 2 } } }, /Invalid Dict JSON at `spaces`/],
    ];
    for (const [json, message] of cases) {
      let error: unknown;
      try {
        spaceFromJSON(json);
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(json)).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toMatch(message);
    }
  });
});
