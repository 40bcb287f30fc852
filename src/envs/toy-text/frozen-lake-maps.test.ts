import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../core/errors.js';
import {
  FROZEN_LAKE_MAPS,
  frozenLakeMapProblem,
  generateRandomMap,
  isFrozenLakeMapSolvable,
} from './frozen-lake-maps.js';
import { readReferenceEpisodes } from './reference-episodes.case.js';

const recorded = readReferenceEpisodes(
  new URL('./__fixtures__/gymnasium-toy-text-extra.jsonl', import.meta.url),
  new Set(['FrozenLake-v1']),
).filter((episode) => episode.generate_random_map !== undefined);

describe('generateRandomMap', () => {
  it('draws the same maps as Gymnasium generate_random_map(size, p, seed)', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(20);
    for (const episode of recorded) {
      const { size, p, seed } = episode.generate_random_map!;
      expect(generateRandomMap(size, p, seed), `size ${size}, p ${p}, seed ${seed}`).toEqual(
        episode.kwargs['desc'],
      );
    }
  });

  it('returns square, solvable maps with the start top-left and the goal bottom-right', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }),
        fc.double({ min: 0.6, max: 1.2, noNaN: true }),
        fc.nat(),
        (size, p, seed) => {
          const map = generateRandomMap(size, p, seed);
          expect(map).toHaveLength(size);
          expect(frozenLakeMapProblem(map)).toBeUndefined();
          expect(map[0]![0]).toBe('S');
          expect(map[size - 1]![size - 1]).toBe('G');
          expect(isFrozenLakeMapSolvable(map)).toBe(true);
          expect(generateRandomMap(size, p, seed)).toEqual(map);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('rejects sizes and probabilities for which no map can be drawn', () => {
    expect(() => generateRandomMap(1, 0.8, 0)).toThrow(InvalidArgumentError);
    expect(() => generateRandomMap(4, 0, 0)).toThrow(/above 0/);
    expect(() => generateRandomMap(4, Number.NaN, 0)).toThrow(InvalidArgumentError);
  });
});

describe('FrozenLake maps', () => {
  it('has the built-in maps, both solvable', () => {
    expect(FROZEN_LAKE_MAPS['4x4']).toEqual(['SFFF', 'FHFH', 'FFFH', 'HFFG']);
    expect(FROZEN_LAKE_MAPS['8x8']).toHaveLength(8);
    expect(isFrozenLakeMapSolvable(FROZEN_LAKE_MAPS['4x4'])).toBe(true);
    expect(isFrozenLakeMapSolvable(FROZEN_LAKE_MAPS['8x8'])).toBe(true);
  });

  it('says what is wrong with a map', () => {
    expect(frozenLakeMapProblem([])).toMatch(/no rows/);
    expect(frozenLakeMapProblem([''])).toMatch(/empty/);
    expect(frozenLakeMapProblem(['SF', 'F'])).toMatch(/row 1 has 1 tiles/);
    expect(frozenLakeMapProblem(['SX'])).toMatch(/"X"/);
    expect(frozenLakeMapProblem(['FG'])).toMatch(/no start/);
    expect(frozenLakeMapProblem(['SFH', 'HFG'])).toBeUndefined();
  });

  it('finds paths around holes only', () => {
    expect(isFrozenLakeMapSolvable(['SH', 'HG'])).toBe(false);
    expect(isFrozenLakeMapSolvable(['SFH', 'HFG'])).toBe(true);
    expect(isFrozenLakeMapSolvable(['SHF', 'FHF', 'FHG'])).toBe(false);
  });
});
