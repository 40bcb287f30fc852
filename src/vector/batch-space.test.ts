import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../core/errors.js';
import { createRng } from '../core/random/rng.js';
import { Box } from '../spaces/box.js';
import { Dict } from '../spaces/dict.js';
import { Discrete } from '../spaces/discrete.js';
import { MultiBinary } from '../spaces/multi-binary.js';
import { MultiDiscrete } from '../spaces/multi-discrete.js';
import type { AnySpace } from '../spaces/space-types.js';
import { Text } from '../spaces/text.js';
import { Tuple } from '../spaces/tuple.js';
import {
  checkBatchShape,
  copyBatch,
  createBatch,
  readBatchElement,
  writeBatchElement,
} from './batch-elements.js';
import { batchSpace } from './batch-space.js';

describe('batchSpace', () => {
  it("prints as Gymnasium's batch_space does", () => {
    expect(batchSpace(new Discrete(3, 1), 2).toString()).toBe('MultiDiscrete([3 3], start=[1 1])');
    expect(batchSpace(new Discrete(2), 3).toString()).toBe('MultiDiscrete([2 2 2])');
    expect(batchSpace(new Box(-1, 1, [3]), 2).toString()).toBe('Box(-1.0, 1.0, (2, 3), float32)');
    expect(batchSpace(new MultiBinary(3), 2).toString()).toBe('Box(0, 1, (2, 3), int8)');
    expect(batchSpace(new Tuple([new Discrete(2), new Box(0, 1, [2])]), 2).toString()).toBe(
      'Tuple(MultiDiscrete([2 2]), Box(0.0, 1.0, (2, 2), float32))',
    );
    expect(batchSpace(new Dict({ a: new Discrete(2) }), 2).toString()).toBe(
      "Dict('a': MultiDiscrete([2 2]))",
    );
  });

  it('batches MultiDiscrete into an integer Box and other spaces into a Tuple of copies', () => {
    const multi = batchSpace(new MultiDiscrete([2, 3]), 2);
    expect(multi).toBeInstanceOf(Box);
    expect(multi.equals(new Box(0, [1, 2, 1, 2], [2, 2], 'int32'))).toBe(true);
    const text = batchSpace(new Text(5), 2);
    expect(text.equals(new Tuple([new Text(5), new Text(5)]))).toBe(true);
    expect(() => batchSpace(new Discrete(2), 0)).toThrow(InvalidArgumentError);
  });
});

const SPACES: [string, AnySpace][] = [
  ['Discrete', new Discrete(5, -2)],
  ['Box', new Box(-1, 1, [2, 3])],
  ['Box float64', new Box(-5, 5, [2], 'float64')],
  ['MultiDiscrete', new MultiDiscrete([3, 4])],
  ['MultiBinary', new MultiBinary([2, 2])],
  ['Tuple', new Tuple([new Discrete(3), new Box(0, 1, [2])])],
  ['Dict', new Dict({ position: new Box(-1, 1, [2]), gripper: new Discrete(2) })],
  ['Text', new Text(4)],
];

describe('batch elements', () => {
  for (const [name, space] of SPACES) {
    it(`${name}: written elements read back and the batch belongs to the batched space`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
          const rng = createRng(seed);
          const elements = Array.from({ length: n }, () => space.sample(rng));
          const batch = createBatch(space, n);
          elements.forEach((element, i) => {
            writeBatchElement(space, batch, i, element);
          });
          elements.forEach((element, i) => {
            expect(readBatchElement(space, batch, i)).toEqual(element);
          });
          expect(batchSpace(space, n).contains(batch)).toBe(true);
          const copy = copyBatch(space, batch);
          expect(copy).toEqual(batch);
          checkBatchShape(space, batch, n, 'batch');
        }),
        { numRuns: 25 },
      );
    });
  }

  it('uses one flat typed array for numeric spaces', () => {
    expect(createBatch(new Discrete(2), 3)).toEqual(new Int32Array(3));
    expect(createBatch(new Box(-1, 1, [2]), 3)).toEqual(new Float32Array(6));
    expect(createBatch(new MultiBinary(2), 2)).toEqual(new Int8Array(4));
  });

  it('names a batch of the wrong shape', () => {
    expect(() => checkBatchShape(new Discrete(2), Int32Array.of(0), 2, 'actions')).toThrow(/2 numbers/);
    expect(() => checkBatchShape(new Tuple([new Discrete(2)]), [], 2, 'actions')).toThrow(/Tuple part/);
    expect(() => checkBatchShape(new Dict({ a: new Discrete(2) }), null, 2, 'actions')).toThrow(/Dict key/);
    expect(() => checkBatchShape(new Text(3), ['a'], 2, 'actions')).toThrow(/2 elements/);
  });
});
