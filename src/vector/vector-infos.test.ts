import { describe, expect, it } from 'vitest';
import { addInfo } from './vector-infos.js';
import { seedsFor, splitResetOptions } from './vector-reset.js';

describe('addInfo', () => {
  it("batches infos as Gymnasium's VectorEnv._add_info", () => {
    let infos = {};
    infos = addInfo(infos, { prob: 1, success: true, name: 'a', nested: { depth: 2 } }, 1, 3);
    infos = addInfo(infos, { prob: 0.5 }, 2, 3);
    expect(infos).toEqual({
      prob: Float64Array.of(0, 1, 0.5),
      _prob: Uint8Array.of(0, 1, 1),
      success: [false, true, false],
      _success: Uint8Array.of(0, 1, 0),
      name: [null, 'a', null],
      _name: Uint8Array.of(0, 1, 0),
      nested: { depth: Float64Array.of(0, 2, 0), _depth: Uint8Array.of(0, 1, 0) },
      _nested: Uint8Array.of(0, 1, 0),
    });
  });

  it('keeps final_obs as one entry per sub-environment and final_info as nested infos', () => {
    const observation = Float32Array.of(1, 2);
    const infos = addInfo({}, { final_obs: observation, final_info: {} }, 0, 2);
    expect(infos.final_obs).toEqual([observation, null]);
    expect(infos._final_obs).toEqual(Uint8Array.of(1, 0));
    expect(infos.final_info).toEqual({});
    expect(infos._final_info).toEqual(Uint8Array.of(1, 0));
  });
});

describe('vector reset arguments', () => {
  it('assigns seeds as Gymnasium does', () => {
    expect(seedsFor(undefined, 2)).toEqual([undefined, undefined]);
    expect(seedsFor(7, 3)).toEqual([7, 8, 9]);
    expect(seedsFor([1, undefined], 2)).toEqual([1, undefined]);
    expect(() => seedsFor([1], 2)).toThrow(/one seed/);
    expect(() => seedsFor(-1, 2)).toThrow(/non-negative/);
  });

  it('splits the reset mask from the options (camelCase or snake_case)', () => {
    expect(splitResetOptions(undefined, 2)).toEqual({
      mask: Uint8Array.of(1, 1),
      masked: false,
      options: undefined,
    });
    expect(splitResetOptions({ resetMask: [true, false], low: -1 }, 2)).toEqual({
      mask: Uint8Array.of(1, 0),
      masked: true,
      options: { low: -1 },
    });
    expect(splitResetOptions({ reset_mask: Uint8Array.of(0, 1) }, 2).mask).toEqual(Uint8Array.of(0, 1));
    expect(() => splitResetOptions({ resetMask: [false, false] }, 2)).toThrow(/selects no/);
    expect(() => splitResetOptions({ resetMask: [true, 'yes'] as never }, 2)).toThrow(/boolean/);
  });
});
