import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random/rng.js';
import { Box } from './box.js';
import { Dict } from './dict.js';
import { Discrete } from './discrete.js';
import { DTYPES, type BoxDtype } from './dtype.js';
import { flatten, flattenSpace, unflatten } from './flatten.js';
import { MultiBinary } from './multi-binary.js';
import { MultiDiscrete } from './multi-discrete.js';
import { spaceFromJSON } from './space-from-json.js';
import type { AnySpace } from './space-types.js';
import { Text } from './text.js';
import { Tuple } from './tuple.js';

const shapeArbitrary = (maxDims: number): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: maxDims });

const integerIn = (min: number, max: number): fc.Arbitrary<number> =>
  fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);

const discreteArbitrary = fc
  .record({ n: fc.integer({ min: 1, max: 40 }), start: fc.integer({ min: -10, max: 10 }) })
  .map(({ n, start }) => new Discrete(n, start));

/** Float bounds of every boundedness (a coordinate may be unbounded on either side). */
const floatBoundsArbitrary = fc
  .tuple(
    fc.oneof(
      fc.constant(-Infinity),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v + 0),
    ), // no -0: JSON drops its sign
    fc.oneof(fc.constant(Infinity), fc.double({ min: 0, max: 1e6, noNaN: true })),
  )
  .map(([low, width]) => [low, width === Infinity || low === -Infinity ? width : low + width] as const);

const boxArbitrary: fc.Arbitrary<AnySpace> = fc
  .record({
    dtype: fc.constantFrom(...(Object.keys(DTYPES) as BoxDtype[])),
    shape: shapeArbitrary(3),
  })
  .chain(({ dtype, shape }) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const info = DTYPES[dtype];
    const bound =
      info.kind === 'f'
        ? floatBoundsArbitrary
        : fc
            .tuple(integerIn(info.min, info.max), integerIn(info.min, info.max))
            .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)
            .chain((pair) =>
              info.kind === 'i'
                ? fc.constantFrom(
                    pair,
                    [-Infinity, pair[1]] as const,
                    [pair[0], Infinity] as const,
                    [-Infinity, Infinity] as const,
                  )
                : fc.constant(pair),
            );
    return fc.array(bound, { minLength: size, maxLength: size }).map((bounds) => {
      const low = bounds.map(([l]) => l);
      const high = bounds.map(([, h]) => h);
      return new Box(low, high, shape, dtype);
    });
  });

const multiDiscreteArbitrary: fc.Arbitrary<AnySpace> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.boolean())
  .chain(([rows, columns, twoDimensional]) => {
    const size = twoDimensional ? rows * columns : rows;
    return fc
      .tuple(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: size, maxLength: size }),
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: size, maxLength: size }),
      )
      .map(([nvec, start]) => {
        const nest = (values: number[]): number[] | number[][] =>
          twoDimensional
            ? Array.from({ length: rows }, (_, r) => values.slice(r * columns, (r + 1) * columns))
            : values;
        return new MultiDiscrete(nest(nvec), nest(start));
      });
  });

const multiBinaryArbitrary: fc.Arbitrary<AnySpace> = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((n) => new MultiBinary(n)),
  fc
    .array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 })
    .map((shape) => new MultiBinary(shape)),
);

const textArbitrary: fc.Arbitrary<AnySpace> = fc
  .record({
    maxLength: fc.integer({ min: 0, max: 8 }),
    minFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    charset: fc.constantFrom(undefined, 'abc', 'x', 'ab-\\]^[ é', '0123456789', 'a😀b\n"\'/.*'),
  })
  .map(({ maxLength, minFraction, charset }) => {
    const minLength = Math.floor(minFraction * maxLength);
    return new Text(maxLength, charset === undefined ? { minLength } : { minLength, charset });
  });

const leafArbitrary = fc.oneof(
  discreteArbitrary as fc.Arbitrary<AnySpace>,
  boxArbitrary,
  multiDiscreteArbitrary,
  multiBinaryArbitrary,
  textArbitrary,
);

const keyArbitrary = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('constructor', 'toString', '10', '9', "it's"),
);

const { space: spaceArbitrary } = fc.letrec<{ space: AnySpace }>((tie) => ({
  space: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArbitrary,
    fc.array(tie('space'), { maxLength: 3 }).map((spaces) => new Tuple(spaces) as AnySpace),
    fc
      .uniqueArray(fc.tuple(keyArbitrary, tie('space')), { maxLength: 3, selector: ([key]) => key })
      .map((entries) => new Dict(entries) as AnySpace),
  ),
}));

fc.configureGlobal({ seed: 20240611 });

const seedArbitrary = fc.integer({ min: 0, max: 2 ** 32 });
const ajv = new Ajv2020({ strict: true, allErrors: true });

/** A JSON round trip (what a file or the network would do). */
function throughJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * Compares elements through their JSON text (vitest's deep equality trips over keys such as `constructor`); the
 * element types themselves are checked with `contains`.
 */
function expectSameElement(space: AnySpace, actual: unknown, expected: unknown): void {
  expect(space.contains(actual)).toBe(true);
  expect(JSON.stringify(space.toJsonValue(actual))).toBe(JSON.stringify(space.toJsonValue(expected)));
}

describe('space properties (random spaces, random seeds)', () => {
  it('contains(sample(rng)) holds', () => {
    fc.assert(
      fc.property(spaceArbitrary, seedArbitrary, (space, seed) => {
        const rng = createRng(seed);
        for (let i = 0; i < 3; i++) {
          const x = space.sample(rng);
          expect(space.contains(x)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('spaceFromJSON(toJSON()) gives an equal space with the same samples and description', () => {
    fc.assert(
      fc.property(spaceArbitrary, seedArbitrary, (space, seed) => {
        const copy = spaceFromJSON(throughJson(space.toJSON()));
        expect(copy.equals(space)).toBe(true);
        expect(space.equals(copy)).toBe(true);
        expect(copy.toString()).toBe(space.toString());
        expect(copy.toJSON()).toEqual(space.toJSON());
        expectSameElement(space, copy.sample(createRng(seed)), space.sample(createRng(seed)));
      }),
      { numRuns: 300 },
    );
  });

  it('fromJsonValue(toJsonValue(x)) round-trips through JSON text', () => {
    fc.assert(
      fc.property(spaceArbitrary, seedArbitrary, (space, seed) => {
        const x = space.sample(createRng(seed));
        const back = space.fromJsonValue(throughJson(space.toJsonValue(x)));
        expectSameElement(space, back, x);
        expect(space.contains(back)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('toJsonValue(sample) validates against toJsonSchema() (ajv, draft 2020-12, strict)', () => {
    fc.assert(
      fc.property(spaceArbitrary, seedArbitrary, (space, seed) => {
        const validate = ajv.compile(space.toJsonSchema());
        const value = throughJson(space.toJsonValue(space.sample(createRng(seed))));
        expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the JSON schema rejects the JSON of elements of a different space', () => {
    fc.assert(
      fc.property(spaceArbitrary, spaceArbitrary, seedArbitrary, (space, other, seed) => {
        const value = throughJson(other.toJsonValue(other.sample(createRng(seed))));
        let isElement: boolean;
        try {
          space.fromJsonValue(value);
          isElement = true;
        } catch {
          isElement = false;
        }
        expect(ajv.compile(space.toJsonSchema())(value)).toBe(isElement);
      }),
      { numRuns: 200 },
    );
  });

  it('flatten(x) lies in flattenSpace and unflatten(flatten(x)) gives x back', () => {
    fc.assert(
      fc.property(spaceArbitrary, seedArbitrary, (space, seed) => {
        const x = space.sample(createRng(seed));
        const flat = flatten(space, x);
        const box = flattenSpace(space);
        expect(box.contains(flat)).toBe(true);
        expectSameElement(space, unflatten(space, flat), x);
      }),
      { numRuns: 300 },
    );
  });
});
