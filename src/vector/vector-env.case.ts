// The contract every vector environment meets, as one suite of tests registered for a factory: SyncVectorEnv and
// each natively batched environment run it. The expected values come from a small, independent model of
// Gymnasium 1.x's vector semantics driving N single environments (`ReferenceVector` below).
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, ResetNeededError } from '../core/errors.js';
import type { SyncEnv } from '../core/env.js';
import { createRng, type Rng } from '../core/random/rng.js';
import {
  isSynchronousVectorEnv,
  type AutoresetMode,
  type VectorEnv,
  type VectorStepResult,
} from '../core/vector-env.js';
import { batchSpace } from './batch-space.js';

/** What {@link vectorEnvContract} needs to test a vector environment. */
export interface VectorEnvContract<Act> {
  /** A new vector environment of `numEnvs` sub-environments. */
  make: (numEnvs: number, autoresetMode: AutoresetMode) => VectorEnv<unknown, Act>;
  /** A new single environment equal to one sub-environment (with the same step limit). */
  makeSingle: () => SyncEnv<unknown, unknown>;
  /** Random batched actions. */
  sampleActions: (rng: Rng, numEnvs: number) => Act;
  /** Action `i` of a batch, as the single environment takes it. */
  actionAt: (actions: Act, i: number) => unknown;
  /** Steps of the long comparison runs (default 250). */
  steps?: number | undefined;
  /** Reset options to try (e.g. `{low: -0.1, high: 0.1}`). */
  resetOptions?: Record<string, unknown> | undefined;
}

type Observation = ArrayLike<number> | number;

/** Flattens one or more observations into plain numbers. */
function numbers(values: readonly Observation[]): number[] {
  return values.flatMap((value) => (typeof value === 'number' ? [value] : Array.from(value)));
}

interface ReferenceStep {
  observations: Observation[];
  rewards: number[];
  terminations: number[];
  truncations: number[];
  finalObservations: (Observation | null)[];
}

/** Gymnasium 1.x's SyncVectorEnv semantics, written plainly over N single environments. */
class ReferenceVector {
  readonly envs: SyncEnv<unknown, unknown>[];
  private readonly observations: Observation[];
  private readonly ended: boolean[];

  constructor(
    numEnvs: number,
    makeSingle: () => SyncEnv<unknown, unknown>,
    private readonly mode: AutoresetMode,
  ) {
    this.envs = Array.from({ length: numEnvs }, makeSingle);
    this.observations = new Array<Observation>(numEnvs).fill(0);
    this.ended = new Array<boolean>(numEnvs).fill(false);
  }

  reset(
    seed: number | undefined,
    options?: Record<string, unknown>,
    mask?: readonly boolean[],
  ): Observation[] {
    this.envs.forEach((env, i) => {
      if (mask !== undefined && !mask[i]) return;
      const result = env.resetSync({ seed: seed === undefined ? undefined : seed + i, options });
      this.observations[i] = result.observation as Observation;
      this.ended[i] = false;
    });
    return [...this.observations];
  }

  step(actions: readonly unknown[]): ReferenceStep {
    const n = this.envs.length;
    const out: ReferenceStep = {
      observations: [],
      rewards: new Array<number>(n).fill(0),
      terminations: new Array<number>(n).fill(0),
      truncations: new Array<number>(n).fill(0),
      finalObservations: new Array<Observation | null>(n).fill(null),
    };
    this.envs.forEach((env, i) => {
      if (this.mode === 'next-step' && this.ended[i]) {
        this.observations[i] = env.resetSync().observation as Observation;
        this.ended[i] = false;
        return;
      }
      const result = env.stepSync(actions[i]);
      this.observations[i] = result.observation as Observation;
      out.rewards[i] = result.reward;
      out.terminations[i] = result.terminated ? 1 : 0;
      out.truncations[i] = result.truncated ? 1 : 0;
      this.ended[i] = result.terminated || result.truncated;
      if (this.mode === 'same-step' && this.ended[i]) {
        out.finalObservations[i] = result.observation as Observation;
        this.observations[i] = env.resetSync().observation as Observation;
        this.ended[i] = false;
      }
    });
    out.observations = [...this.observations];
    return out;
  }

  finished(): boolean[] {
    return [...this.ended];
  }
}

function expectSameStep(actual: VectorStepResult<unknown>, expected: ReferenceStep, where: string): void {
  expect(numbers([actual.observations as Observation]), `${where}: observations`).toEqual(
    numbers(expected.observations),
  );
  expect(Array.from(actual.rewards), `${where}: rewards`).toEqual(expected.rewards);
  expect(Array.from(actual.terminations), `${where}: terminations`).toEqual(expected.terminations);
  expect(Array.from(actual.truncations), `${where}: truncations`).toEqual(expected.truncations);
  const mask = expected.finalObservations.map((o) => (o === null ? 0 : 1));
  if (mask.includes(1)) {
    expect(Array.from(actual.infos._final_obs as Uint8Array), `${where}: _final_obs`).toEqual(mask);
    expect(Array.from(actual.infos._final_info as Uint8Array), `${where}: _final_info`).toEqual(mask);
    const finals = actual.infos.final_obs as (Observation | null)[];
    expected.finalObservations.forEach((o, i) => {
      if (o === null) expect(finals[i], `${where}: final_obs[${i}]`).toBeNull();
      else expect(numbers([finals[i]!]), `${where}: final_obs[${i}]`).toEqual(numbers([o]));
    });
  } else {
    expect(actual.infos, `${where}: infos`).toEqual({});
  }
}

/**
 * Registers the vector-environment contract tests for `contract` under `name`: batched spaces, errors, seeding
 * determinism, each autoreset mode against N single environments (bit for bit, long random runs), reset masks and
 * the batched infos.
 *
 * @example
 * ```ts
 * vectorEnvContract('CartPoleVectorEnv', {
 *   make: (n, mode) => new CartPoleVectorEnv(n, { autoresetMode: mode, maxEpisodeSteps: 500 }),
 *   makeSingle: () => new TimeLimit(new CartPoleEnv(), 500),
 *   sampleActions: (rng, n) => Int32Array.from({ length: n }, () => rng.integers(2)),
 *   actionAt: (actions, i) => actions[i],
 * });
 * ```
 */
export function vectorEnvContract<Act>(name: string, contract: VectorEnvContract<Act>): void {
  const steps = contract.steps ?? 250;

  async function run(mode: AutoresetMode, seed: number, numEnvs = 4): Promise<void> {
    const envs = contract.make(numEnvs, mode);
    const reference = new ReferenceVector(numEnvs, contract.makeSingle, mode);
    const rng = createRng(seed + 99);
    const reset = await envs.reset({ seed, options: contract.resetOptions });
    expect(numbers([reset.observations as Observation])).toEqual(
      numbers(reference.reset(seed, contract.resetOptions)),
    );
    for (let t = 0; t < steps; t++) {
      if (mode === 'disabled') {
        const finished = reference.finished();
        if (finished.includes(true)) {
          const again = await envs.reset({ options: { resetMask: finished } });
          expect(numbers([again.observations as Observation]), `step ${t}: masked reset`).toEqual(
            numbers(reference.reset(undefined, undefined, finished)),
          );
        }
      }
      const actions = contract.sampleActions(rng, numEnvs);
      const single = Array.from({ length: numEnvs }, (_, i) => contract.actionAt(actions, i));
      const result = await envs.step(actions);
      expectSameStep(result, reference.step(single), `${mode} step ${t}`);
      expect(envs.observationSpace.contains(result.observations), `step ${t}: in observation space`).toBe(
        true,
      );
    }
    await envs.close();
  }

  describe(`${name}: vector environment contract`, () => {
    it('has the batched spaces and metadata of its sub-environments', () => {
      const envs = contract.make(3, 'next-step');
      const single = contract.makeSingle();
      expect(envs.numEnvs).toBe(3);
      expect(envs.singleObservationSpace.equals(single.observationSpace)).toBe(true);
      expect(envs.singleActionSpace.equals(single.actionSpace)).toBe(true);
      expect(envs.observationSpace.equals(batchSpace(single.observationSpace, 3))).toBe(true);
      expect(envs.actionSpace.equals(batchSpace(single.actionSpace, 3))).toBe(true);
      expect(envs.autoresetMode).toBe('next-step');
      expect(envs.metadata.autoresetMode).toBe('next-step');
    });

    it('refuses to step before reset and checks the number of actions', async () => {
      const envs = contract.make(2, 'next-step');
      await expect(envs.step(contract.sampleActions(createRng(0), 2))).rejects.toBeInstanceOf(
        ResetNeededError,
      );
      await envs.reset({ seed: 0 });
      await expect(envs.step(contract.sampleActions(createRng(0), 3))).rejects.toBeInstanceOf(
        InvalidArgumentError,
      );
    });

    for (const mode of ['next-step', 'same-step', 'disabled'] as const) {
      it(`equals ${mode === 'disabled' ? 'reset-masked' : mode} single environments bit for bit`, async () => {
        await run(mode, 123);
        await run(mode, 7, 1);
      });
    }

    it('is deterministic under a seed, and seeds sub-environment i with seed + i', async () => {
      const trajectory = async (seed: number | (number | undefined)[]) => {
        const envs = contract.make(3, 'next-step');
        const rng = createRng(5);
        const out = [numbers([(await envs.reset({ seed })).observations as Observation])];
        for (let t = 0; t < 30; t++) {
          const result = await envs.step(contract.sampleActions(rng, 3));
          out.push(numbers([result.observations as Observation]), Array.from(result.rewards));
        }
        return out;
      };
      const first = await trajectory(42);
      expect(await trajectory(42)).toEqual(first);
      expect(await trajectory([42, 43, 44])).toEqual(first);
      expect(await trajectory(43)).not.toEqual(first);
    });

    it('reseeds the vector generator with an integer seed', async () => {
      const envs = contract.make(2, 'next-step');
      await envs.reset({ seed: 11 });
      const a = envs.rng.random();
      await envs.reset({ seed: 11 });
      expect(envs.rng.random()).toBe(a);
    });

    it('resets only the sub-environments a reset mask selects', async () => {
      const envs = contract.make(3, 'disabled');
      const first = numbers([(await envs.reset({ seed: 1 })).observations as Observation]);
      const size = first.length / 3;
      const again = numbers([
        (await envs.reset({ seed: 50, options: { resetMask: [false, true, false] } }))
          .observations as Observation,
      ]);
      expect(again.slice(0, size)).toEqual(first.slice(0, size));
      expect(again.slice(2 * size)).toEqual(first.slice(2 * size));
      const single = contract.makeSingle();
      const expected = numbers([single.resetSync({ seed: 51 }).observation as Observation]);
      expect(again.slice(size, 2 * size)).toEqual(expected);
      await expect(envs.reset({ options: { resetMask: [false, false, false] } })).rejects.toBeInstanceOf(
        InvalidArgumentError,
      );
      await expect(envs.reset({ options: { resetMask: [true] } })).rejects.toBeInstanceOf(
        InvalidArgumentError,
      );
    });

    it('refuses to step a finished sub-environment when autoreset is disabled', async () => {
      const envs = contract.make(2, 'disabled');
      const reference = new ReferenceVector(2, contract.makeSingle, 'disabled');
      await envs.reset({ seed: 3 });
      reference.reset(3);
      const rng = createRng(3);
      for (let t = 0; t < 2000 && !reference.finished().includes(true); t++) {
        const actions = contract.sampleActions(rng, 2);
        await envs.step(actions);
        reference.step([contract.actionAt(actions, 0), contract.actionAt(actions, 1)]);
      }
      expect(reference.finished()).toContain(true);
      await expect(envs.step(contract.sampleActions(rng, 2))).rejects.toBeInstanceOf(ResetNeededError);
    });

    it('steps the same synchronously and asynchronously', async () => {
      const a = contract.make(2, 'same-step');
      if (!isSynchronousVectorEnv(a)) return;
      const b = contract.make(2, 'same-step');
      const rng = createRng(8);
      expect(numbers([a.resetSync({ seed: 2 }).observations as Observation])).toEqual(
        numbers([(await b.reset({ seed: 2 })).observations as Observation]),
      );
      for (let t = 0; t < 40; t++) {
        const actions = contract.sampleActions(rng, 2);
        const sync = a.stepSync(actions);
        const async = await b.step(actions);
        expect(numbers([sync.observations as Observation])).toEqual(
          numbers([async.observations as Observation]),
        );
        expect(Array.from(sync.rewards)).toEqual(Array.from(async.rewards));
      }
    });
  });
}
