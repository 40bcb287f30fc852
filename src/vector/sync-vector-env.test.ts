import { describe, expect, it } from 'vitest';
import { UnsupportedOperationError } from '../core/errors.js';
import type { SyncEnv } from '../core/env.js';
import { CartPoleEnv } from '../envs/classic-control/cart-pole.js';
import { PendulumEnv } from '../envs/classic-control/pendulum.js';
import { FrozenLakeEnv } from '../envs/toy-text/frozen-lake.js';
import { Discrete } from '../spaces/discrete.js';
import { toAsyncEnv } from '../testing/to-async-env.js';
import { TimeLimit } from '../wrappers/time-limit.js';
import { SyncVectorEnv } from './sync-vector-env.js';
import { vectorEnvContract } from './vector-env.case.js';

const cartPole = (): SyncEnv<unknown, unknown> =>
  new TimeLimit(new CartPoleEnv(), 30) as unknown as SyncEnv<unknown, unknown>;
const pendulum = (): SyncEnv<unknown, unknown> =>
  new TimeLimit(new PendulumEnv(), 40) as unknown as SyncEnv<unknown, unknown>;

vectorEnvContract<Int32Array>('SyncVectorEnv (CartPole, synchronous)', {
  make: (n, mode) =>
    new SyncVectorEnv(
      Array.from({ length: n }, () => cartPole),
      { autoresetMode: mode },
    ),
  makeSingle: cartPole,
  sampleActions: (rng, n) => Int32Array.from({ length: n }, () => rng.integers(2)),
  actionAt: (actions, i) => actions[i],
  resetOptions: { low: -0.1, high: 0.1 },
});

vectorEnvContract<Float32Array>('SyncVectorEnv (Pendulum, asynchronous sub-environments)', {
  make: (n, mode) =>
    new SyncVectorEnv(
      Array.from({ length: n }, () => () => toAsyncEnv(pendulum())),
      { autoresetMode: mode },
    ),
  makeSingle: pendulum,
  sampleActions: (rng, n) => Float32Array.from({ length: n }, () => rng.uniform(-2.5, 2.5)),
  actionAt: (actions, i) => actions.slice(i, i + 1),
  steps: 120,
});

describe('SyncVectorEnv', () => {
  it('batches infos the Gymnasium way', () => {
    const envs = new SyncVectorEnv([() => new FrozenLakeEnv() as never, () => new FrozenLakeEnv() as never]);
    const { observations, infos } = envs.resetSync({ seed: 0 });
    expect(observations).toBeInstanceOf(Int32Array);
    expect(infos.prob).toEqual(Float64Array.of(1, 1));
    expect(infos._prob).toEqual(Uint8Array.of(1, 1));
    expect(envs.observationSpace.toString()).toBe('MultiDiscrete([16 16])');
    const step = envs.stepSync(Int32Array.of(1, 2));
    expect(step.infos._prob).toEqual(Uint8Array.of(1, 1));
    expect(step.rewards).toBeInstanceOf(Float64Array);
    expect(step.terminations).toBeInstanceOf(Uint8Array);
  });

  it('offers only the async methods over asynchronous sub-environments', async () => {
    const envs = new SyncVectorEnv([() => toAsyncEnv(new CartPoleEnv())]);
    expect(envs.synchronous).toBe(false);
    expect(() => envs.resetSync()).toThrow(UnsupportedOperationError);
    const { observations } = await envs.reset({ seed: 0 });
    expect(observations).toEqual(new CartPoleEnv().resetSync({ seed: 0 }).observation);
  });

  it('returns copies by default and its own buffer with copy: false', () => {
    const copying = new SyncVectorEnv([() => new CartPoleEnv()]);
    const a = copying.resetSync({ seed: 0 }).observations;
    expect(copying.stepSync(Int32Array.of(1)).observations).not.toBe(a);
    const sharing = new SyncVectorEnv([() => new CartPoleEnv()], { copy: false });
    const b = sharing.resetSync({ seed: 0 }).observations;
    expect(sharing.stepSync(Int32Array.of(1)).observations).toBe(b);
  });

  it('rejects sub-environments with different spaces and empty lists', () => {
    expect(() => new SyncVectorEnv([])).toThrow(/at least one/);
    expect(() => new SyncVectorEnv([() => new CartPoleEnv(), () => new FrozenLakeEnv() as never])).toThrow(
      /observation space/,
    );
    expect(
      () => new SyncVectorEnv([() => new CartPoleEnv()], { autoresetMode: 'sometimes' as never }),
    ).toThrow(/autoresetMode/);
  });

  it('renders every sub-environment', () => {
    const envs = new SyncVectorEnv([
      () => new CartPoleEnv({ renderMode: 'ansi' }),
      () => new CartPoleEnv({ renderMode: 'ansi' }),
    ]);
    envs.resetSync({ seed: 0 });
    const frames = envs.render()!;
    expect(frames).toHaveLength(2);
    expect(frames[0]).toMatch(/^CartPole x=/);
    expect(new SyncVectorEnv([() => new CartPoleEnv()]).render()).toBeUndefined();
  });

  it('uses Discrete actions from Int32Array batches', () => {
    const envs = new SyncVectorEnv([() => new CartPoleEnv(), () => new CartPoleEnv()]);
    expect(envs.actionSpace.toString()).toBe('MultiDiscrete([2 2])');
    expect(envs.singleActionSpace.equals(new Discrete(2))).toBe(true);
  });
});
