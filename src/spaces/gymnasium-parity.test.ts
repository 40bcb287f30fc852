import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random/rng.js';
import type { SpaceJson } from '../core/space.js';
import { flatDtype, flatdim, flatten, flattenSpace, unflatten } from './flatten.js';
import { spaceFromJSON } from './space-from-json.js';

// Fixture made by scripts/reference/gymnasium_spaces.py (Gymnasium 1.3.0, NumPy 2.4).
interface SampleCase {
  space: SpaceJson;
  seed: number;
  mask?: Record<string, unknown>;
  draws: unknown[];
}
interface ReprCase {
  space: SpaceJson;
  repr: string;
}
interface FlattenCase {
  space: SpaceJson;
  sample: unknown;
  flat: number[];
  flatDtype: string;
  flatdim: number;
  flatSpace: string;
  unflattened: unknown;
}
const fixture = JSON.parse(
  readFileSync(new URL('./__fixtures__/gymnasium-spaces.json', import.meta.url), 'utf8'),
) as { samples: SampleCase[]; reprs: ReprCase[]; flatten: FlattenCase[] };

/** The fixture's mask (Gymnasium's `mask=` or `probability=` argument) in LoopGym's form. */
function toMask(type: string, mask: Record<string, unknown>): unknown {
  if (type === 'Text') return mask;
  if ('probability' in mask) return { probability: mask.probability };
  return mask.mask;
}

function describeCase(c: SampleCase): string {
  return `${JSON.stringify(c.space)} seed=${c.seed}${c.mask === undefined ? '' : ` mask=${JSON.stringify(c.mask)}`}`;
}

describe('sampling matches Gymnasium space.seed(seed); space.sample() draw for draw', () => {
  it.each(fixture.samples.map((c) => [describeCase(c), c] as const))('%s', (_, c) => {
    const space = spaceFromJSON(c.space);
    const rng = createRng(c.seed);
    const mask = c.mask === undefined ? undefined : toMask(c.space.type, c.mask);
    const draws = c.draws.map(() => {
      const x = space.sample(rng, mask);
      expect(space.contains(x)).toBe(true);
      return space.toJsonValue(x);
    });
    expect(draws).toEqual(c.draws);
  });

  it('covers every sampled space type with several seeds', () => {
    const types = new Set(fixture.samples.map((c) => c.space.type));
    expect([...types].sort()).toEqual(['Box', 'Discrete', 'MultiBinary', 'MultiDiscrete', 'Text']);
    expect(new Set(fixture.samples.map((c) => c.seed)).size).toBeGreaterThanOrEqual(5);
  });
});

describe('toString matches Gymnasium repr', () => {
  it.each(fixture.reprs.map((c) => [c.repr, c] as const))('%s', (_, c) => {
    expect(spaceFromJSON(c.space).toString()).toBe(c.repr);
  });
});

describe('flattening matches gymnasium.spaces.utils', () => {
  it.each(fixture.flatten.map((c, i) => [i, c.flatSpace, c] as const))('%i %s', (_, __, c) => {
    const space = spaceFromJSON(c.space);
    const x = space.fromJsonValue(c.sample);
    const flat = flatten(space, x);
    // LoopGym stores Gymnasium's int64 results as float64 (same values).
    const expectedDtype = c.flatDtype === 'int64' ? 'float64' : c.flatDtype;
    expect(flatDtype(space)).toBe(expectedDtype);
    expect(flat.constructor.name.toLowerCase()).toBe(`${expectedDtype}array`);
    expect(Array.from(flat)).toEqual(c.flat);
    expect(flatdim(space)).toBe(c.flatdim);
    const box = flattenSpace(space);
    expect(box.contains(flat)).toBe(true);
    if (c.flatDtype === 'int64') {
      expect(box.toString()).toBe(
        c.flatSpace.replace('Box(0, 1,', 'Box(0.0, 1.0,').replace('int64', 'float64'),
      );
    } else {
      expect(box.toString()).toBe(c.flatSpace);
    }
    expect(space.toJsonValue(unflatten(space, flat))).toEqual(c.unflattened);
  });
});
