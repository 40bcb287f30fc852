// The natively batched classic-control environments: the vector contract (against N single environments with the
// same step limit, in every autoreset mode) and Gymnasium's own make_vec(..., "sync") runs, replayed bit for bit on
// both the batched environments and SyncVectorEnv.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SyncEnv } from '../../core/env.js';
import type { AutoresetMode, SynchronousVectorEnv } from '../../core/vector-env.js';
import { SyncVectorEnv } from '../../vector/sync-vector-env.js';
import { vectorEnvContract } from '../../vector/vector-env.case.js';
import { TimeLimit } from '../../wrappers/time-limit.js';
import { AcrobotVectorEnv } from './acrobot-vector-env.js';
import { AcrobotEnv } from './acrobot.js';
import { CartPoleVectorEnv } from './cart-pole-vector-env.js';
import { CartPoleEnv } from './cart-pole.js';
import { ContinuousMountainCarVectorEnv } from './continuous-mountain-car-vector-env.js';
import { ContinuousMountainCarEnv } from './continuous-mountain-car.js';
import { MountainCarVectorEnv } from './mountain-car-vector-env.js';
import { MountainCarEnv } from './mountain-car.js';
import { PendulumVectorEnv } from './pendulum-vector-env.js';
import { PendulumEnv } from './pendulum.js';
import { decodeBytes, decodeFloat32, decodeFloat64 } from './reference-replay.case.js';

type AnySingle = SyncEnv<unknown, unknown>;
type AnyVector = SynchronousVectorEnv<unknown, Int32Array | Float32Array>;

interface Entry {
  single: () => AnySingle;
  batched: (n: number, mode: AutoresetMode, maxEpisodeSteps: number) => AnyVector;
  limit: number;
  discrete: number | undefined;
  scale: number;
}

const ENTRIES: Record<string, Entry> = {
  'CartPole-v1': {
    single: () => new CartPoleEnv(),
    batched: (n, mode, limit) => new CartPoleVectorEnv(n, { autoresetMode: mode, maxEpisodeSteps: limit }),
    limit: 500,
    discrete: 2,
    scale: 0,
  },
  'MountainCar-v0': {
    single: () => new MountainCarEnv(),
    batched: (n, mode, limit) => new MountainCarVectorEnv(n, { autoresetMode: mode, maxEpisodeSteps: limit }),
    limit: 200,
    discrete: 3,
    scale: 0,
  },
  'MountainCarContinuous-v0': {
    single: () => new ContinuousMountainCarEnv(),
    batched: (n, mode, limit) =>
      new ContinuousMountainCarVectorEnv(n, { autoresetMode: mode, maxEpisodeSteps: limit }),
    limit: 999,
    discrete: undefined,
    scale: 1.3,
  },
  'Acrobot-v1': {
    single: () => new AcrobotEnv(),
    batched: (n, mode, limit) => new AcrobotVectorEnv(n, { autoresetMode: mode, maxEpisodeSteps: limit }),
    limit: 500,
    discrete: 3,
    scale: 0,
  },
  'Pendulum-v1': {
    single: () => new PendulumEnv(),
    batched: (n, mode, limit) => new PendulumVectorEnv(n, { autoresetMode: mode, maxEpisodeSteps: limit }),
    limit: 200,
    discrete: undefined,
    scale: 2.5,
  },
};

// The contract with short step limits, so that truncations and autoresets happen often.
for (const [id, entry] of Object.entries(ENTRIES)) {
  const limit = 45;
  vectorEnvContract<Int32Array | Float32Array>(`${id} batched`, {
    make: (n, mode) => entry.batched(n, mode, limit),
    makeSingle: () => new TimeLimit(entry.single(), limit) as unknown as AnySingle,
    sampleActions: (rng, n) =>
      entry.discrete === undefined
        ? Float32Array.from({ length: n }, () => rng.uniform(-entry.scale, entry.scale))
        : Int32Array.from({ length: n }, () => rng.integers(entry.discrete!)),
    actionAt: (actions, i) => (actions instanceof Float32Array ? actions.slice(i, i + 1) : actions[i]),
    resetOptions: id === 'Pendulum-v1' ? { xInit: 1, yInit: 0.5 } : undefined,
    steps: id === 'Acrobot-v1' ? 120 : 200,
  });
}

interface RecordedVectorStep {
  reset_mask?: number[];
  reset_obs?: string;
  actions: number[] | string;
  obs: string;
  rewards: string;
  terminations: string;
  truncations: string;
  final_obs_mask?: number[];
  final_obs?: string;
  info_keys: string[];
}

interface RecordedVectorRun {
  env_id: string;
  mode: AutoresetMode;
  seed: number;
  num_envs: number;
  reset_obs: string;
  steps: RecordedVectorStep[];
}

const runs = readFileSync(new URL('./__fixtures__/classic-control-vector.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as RecordedVectorRun);

function replay(envs: AnyVector, run: RecordedVectorRun): void {
  const where = `${run.env_id} ${run.mode}`;
  expect(Array.from(envs.resetSync({ seed: run.seed }).observations as Float32Array), where).toEqual(
    Array.from(decodeFloat32(run.reset_obs)),
  );
  run.steps.forEach((step, t) => {
    if (step.reset_mask !== undefined) {
      const again = envs.resetSync({ options: { resetMask: step.reset_mask.map((v) => v === 1) } });
      expect(Array.from(again.observations as Float32Array), `${where} ${t}: reset`).toEqual(
        Array.from(decodeFloat32(step.reset_obs!)),
      );
    }
    const actions =
      typeof step.actions === 'string' ? decodeFloat32(step.actions) : Int32Array.from(step.actions);
    const result = envs.stepSync(actions);
    expect(Array.from(result.observations as Float32Array), `${where} ${t}: obs`).toEqual(
      Array.from(decodeFloat32(step.obs)),
    );
    expect(Array.from(result.rewards), `${where} ${t}: rewards`).toEqual(
      Array.from(decodeFloat64(step.rewards)),
    );
    expect(Array.from(result.terminations), `${where} ${t}: terminations`).toEqual(
      Array.from(decodeBytes(step.terminations)),
    );
    expect(Array.from(result.truncations), `${where} ${t}: truncations`).toEqual(
      Array.from(decodeBytes(step.truncations)),
    );
    expect(Object.keys(result.infos).sort(), `${where} ${t}: info keys`).toEqual(step.info_keys);
    if (step.final_obs_mask !== undefined) {
      expect(Array.from(result.infos._final_obs as Uint8Array)).toEqual(step.final_obs_mask);
      const finals = (result.infos.final_obs as (Float32Array | null)[]).filter((o) => o !== null);
      expect(finals.flatMap((o) => Array.from(o))).toEqual(Array.from(decodeFloat32(step.final_obs!)));
    }
  });
}

describe("classic control vector environments: Gymnasium's make_vec(..., 'sync') runs, bit for bit", () => {
  it('covers every environment in every autoreset mode', () => {
    expect(runs).toHaveLength(15);
  });
  for (const run of runs) {
    const entry = ENTRIES[run.env_id]!;
    it(`${run.env_id} ${run.mode} (batched kernel)`, () => {
      replay(entry.batched(run.num_envs, run.mode, entry.limit), run);
    });
    it(`${run.env_id} ${run.mode} (SyncVectorEnv)`, () => {
      const factories = Array.from(
        { length: run.num_envs },
        () => () => new TimeLimit(entry.single(), entry.limit),
      );
      replay(new SyncVectorEnv(factories, { autoresetMode: run.mode }) as unknown as AnyVector, run);
    });
  }
});
