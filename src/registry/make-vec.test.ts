import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../core/errors.js';
import { createRng } from '../core/random/rng.js';
import { isSynchronousVectorEnv, type SynchronousVectorEnv } from '../core/vector-env.js';
import { makeVec } from './make-vec.js';

function run(envs: SynchronousVectorEnv<unknown, unknown>, steps: number, actionSeed: number): unknown[] {
  const rng = createRng(actionSeed);
  const trace: unknown[] = [Array.from(envs.resetSync({ seed: 7 }).observations as ArrayLike<number>)];
  for (let t = 0; t < steps; t++) {
    const actions = Int32Array.from({ length: envs.numEnvs }, () => rng.integers(0, 2));
    const result = envs.stepSync(actions);
    trace.push(
      Array.from(result.observations as ArrayLike<number>),
      Array.from(result.rewards),
      Array.from(result.terminations),
      Array.from(result.truncations),
    );
  }
  return trace;
}

describe('makeVec', () => {
  it('builds the native batched kernel by default and matches a SyncVectorEnv of make() copies bit for bit', () => {
    const native = makeVec('CartPole-v1', 8, { maxEpisodeSteps: 40 });
    const sync = makeVec('CartPole-v1', 8, { vectorizationMode: 'sync', maxEpisodeSteps: 40 });
    expect(native.constructor.name).toBe('CartPoleVectorEnv');
    expect(sync.constructor.name).toBe('SyncVectorEnv');
    expect(isSynchronousVectorEnv(native) && isSynchronousVectorEnv(sync)).toBe(true);
    expect(run(native as SynchronousVectorEnv<unknown, unknown>, 300, 1)).toEqual(
      run(sync as SynchronousVectorEnv<unknown, unknown>, 300, 1),
    );
    expect(native.spec?.id).toBe('CartPole-v1');
  });

  it('passes options and the autoreset mode', () => {
    const envs = makeVec('FrozenLake-v1', 3, { isSlippery: false, autoresetMode: 'same-step' });
    expect(envs.autoresetMode).toBe('same-step');
    expect(envs.observationSpace.toString()).toBe('MultiDiscrete([16 16 16])');
  });

  it('rejects bad arguments clearly', () => {
    expect(() => makeVec('CartPole-v1', 0)).toThrow(InvalidArgumentError);
    expect(() => makeVec('FrozenLake-v1', 2, { vectorizationMode: 'vector_entry_point' })).toThrow(
      /no natively batched/,
    );
    expect(() => makeVec('CartPole-v1', 2, { wrappers: [] })).toThrow(/vectorizationMode: 'sync'/);
    expect(() => makeVec('CartPole-v1', 2, { polelength: 1 })).toThrow(/no option `polelength`/);
  });
});
