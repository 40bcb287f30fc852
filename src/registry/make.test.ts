import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DeprecatedEnvError,
  EnvCheckError,
  InvalidArgumentError,
  NameNotFoundError,
  RegistrationError,
  ResetNeededError,
  UnsupportedOperationError,
  VersionNotFoundError,
} from '../core/errors.js';
import { isSyncEnv, type Env, type ResetResult, type StepResult } from '../core/env.js';
import { SyncEnvBase, type EnvConstructorOptions } from '../core/sync-env-base.js';
import { Discrete } from '../spaces/discrete.js';
import { make, makeSync } from './make.js';
import { Registry } from './registry.js';

class Counter extends SyncEnvBase<number, number> {
  readonly observationSpace = new Discrete(100);
  readonly actionSpace = new Discrete(2);
  position = 0;
  readonly goal: number;

  constructor(options: EnvConstructorOptions & { goal?: number } = {}) {
    super({ renderModes: ['ansi'] }, options);
    this.goal = options.goal ?? 5;
  }

  protected resetEpisode(): ResetResult<number> {
    this.position = this.rng.integers(0, 3);
    return { observation: this.position, info: {} };
  }

  stepSync(action: number): StepResult<number> {
    this.position += action;
    const terminated = this.position >= this.goal;
    return { observation: this.position, reward: terminated ? 1 : 0, terminated, truncated: false, info: {} };
  }

  protected override renderAnsi(): string {
    return `position ${this.position}`;
  }
}

function registry(): Registry {
  const r = new Registry();
  const schema = z
    .object({ goal: z.number().int().min(1).default(5).describe('Where the episode ends.') })
    .strict();
  for (const version of [1, 2]) {
    r.register({
      id: `test/Counter-v${version}`,
      entryPoint: (options) => new Counter(options),
      optionsSchema: schema,
      maxEpisodeSteps: 4,
    });
  }
  r.register({ id: 'Plain-v0', entryPoint: (options) => new Counter(options) });
  return r;
}

describe('make', () => {
  it('builds the fixed stack and truncates at the registered limit', async () => {
    const env = make<number, number>('test/Counter-v2', { registry: registry(), goal: 50 });
    expect(env.toString()).toBe('TimeLimit<OrderEnforcing<PassiveEnvChecker<Counter<test/Counter-v2>>>>');
    await env.reset({ seed: 0 });
    const flags: boolean[] = [];
    for (let i = 0; i < 4; i++) flags.push((await env.step(0)).truncated);
    expect(flags).toEqual([false, false, false, true]);
    expect(env.spec?.id).toBe('test/Counter-v2');
    expect(env.spec?.kwargs).toEqual({ goal: 50 });
    expect(env.spec?.maxEpisodeSteps).toBe(4);
  });

  it('overrides the step limit and accepts snake_case options', () => {
    const env = makeSync<number, number>('test/Counter-v2', {
      registry: registry(),
      max_episode_steps: 2,
      goal: 99,
    });
    env.resetSync({ seed: 1 });
    env.stepSync(0);
    expect(env.stepSync(0).truncated).toBe(true);
  });

  it('refuses step before reset', async () => {
    const env = make('test/Counter-v2', { registry: registry() });
    await expect(env.step(0)).rejects.toBeInstanceOf(ResetNeededError);
    expect(() => env.render()).toThrow(ResetNeededError);
  });

  it('reseeds with an integer seed and continues without one', () => {
    const env = makeSync<number, number>('test/Counter-v2', { registry: registry() });
    const first = [0, 1, 2, 3, 4, 5].map(() => env.resetSync().observation);
    const a = env.resetSync({ seed: 7 }).observation;
    const b = env.resetSync({ seed: 7 }).observation;
    expect(a).toBe(b);
    const seq1 = [
      env.resetSync({ seed: 3 }).observation,
      env.resetSync().observation,
      env.resetSync().observation,
    ];
    const seq2 = [
      env.resetSync({ seed: 3 }).observation,
      env.resetSync().observation,
      env.resetSync().observation,
    ];
    expect(seq1).toEqual(seq2);
    expect(first.every((x) => x >= 0 && x < 3)).toBe(true);
  });

  it('gives the same results through the async and sync faces', async () => {
    const asyncEnv = make<number, number>('test/Counter-v2', { registry: registry() });
    const syncEnv = makeSync<number, number>('test/Counter-v2', { registry: registry() });
    expect(isSyncEnv(asyncEnv)).toBe(true);
    expect((await asyncEnv.reset({ seed: 5 })).observation).toBe(syncEnv.resetSync({ seed: 5 }).observation);
    for (const action of [1, 0, 1]) expect(await asyncEnv.step(action)).toEqual(syncEnv.stepSync(action));
  });

  it('renders in the mode chosen at construction', async () => {
    const env = make('test/Counter-v2', { registry: registry(), renderMode: 'ansi' });
    await env.reset({ seed: 0 });
    expect(env.render()).toMatch(/^position \d$/);
    expect(() => make('test/Counter-v2', { registry: registry(), renderMode: 'rgb_array' })).toThrow(
      /not supported/,
    );
  });

  it('rejects unknown and invalid options with the closest valid name', () => {
    expect(() => make('test/Counter-v2', { registry: registry(), gaol: 3 })).toThrow(
      /no option `gaol`. Did you mean `goal`/,
    );
    expect(() => make('test/Counter-v2', { registry: registry(), goal: 0 })).toThrow(InvalidArgumentError);
    expect(() => make('test/Counter-v2', { registry: registry(), goal: 3, GOAL: 1 })).toThrow(
      InvalidArgumentError,
    );
  });

  it('names the allowed values of an enum option, through a one-or-many union, with the closest to a typo', () => {
    const r = new Registry();
    const split = z.enum(['train', 'val', 'test']);
    r.register({
      id: 'test/Split-v0',
      entryPoint: (options) => new Counter(options),
      optionsSchema: z.object({ split: z.union([split, z.array(split).min(1)]).optional() }),
    });
    expect(() => make('test/Split-v0', { registry: r, split: 'tset' })).toThrow(
      /`split`: "tset" is not one of "train", "val", "test"\. Did you mean "test"\?/,
    );
    expect(() => make('test/Split-v0', { registry: r, split: ['train', 'vla'] })).toThrow(
      /`split.1`: "vla" is not one of "train", "val", "test"\. Did you mean "val"\?/,
    );
  });

  it('reports unknown ids with suggestions and versions with what exists', () => {
    const r = registry();
    expect(() => make('test/Countr-v2', { registry: r })).toThrow(NameNotFoundError);
    try {
      make('test/Countr-v2', { registry: r });
    } catch (error) {
      expect((error as NameNotFoundError).suggestions).toEqual(['test/Counter-v2']);
      expect((error as Error).message).toContain('Did you mean `test/Counter-v2`?');
    }
    expect(() => make('test/Counter-v1', { registry: r })).not.toThrow();
    r.unregister('test/Counter-v1');
    expect(() => make('test/Counter-v1', { registry: r })).toThrow(DeprecatedEnvError);
    expect(() => make('test/Counter-v1', { registry: r })).toThrow('Use `test/Counter-v2` instead');
    expect(() => make('test/Counter-v9', { registry: r })).toThrow(VersionNotFoundError);
    expect(() => make('test/Counter', { registry: r })).toThrow(/needs a version: use `test\/Counter-v2`/);
    expect(() => make('nothing/Counter-v2', { registry: r })).toThrow(
      /namespace `nothing` has no environments/,
    );
  });

  it('refuses duplicate and malformed registrations', () => {
    const r = registry();
    expect(() => r.register({ id: 'Plain-v0', entryPoint: () => new Counter() })).toThrow(RegistrationError);
    expect(() => r.register({ id: 'bad id!', entryPoint: () => new Counter() })).toThrow(
      /Malformed environment id/,
    );
  });

  it('passes options through when a registration has no schema', () => {
    const env = makeSync<number, number>('Plain-v0', { registry: registry(), goal: 1 });
    env.resetSync({ seed: 0 });
    expect(env.stepSync(1).terminated).toBe(true);
  });

  it('catches broken environments with the passive checker', async () => {
    class Broken extends Counter {
      override stepSync(action: number): StepResult<number> {
        return { ...super.stepSync(action), terminated: 'no' as unknown as boolean };
      }
    }
    const r = new Registry();
    r.register({ id: 'Broken-v0', entryPoint: () => new Broken() });
    const env = make('Broken-v0', { registry: r });
    await env.reset({ seed: 0 });
    await expect(env.step(0)).rejects.toBeInstanceOf(EnvCheckError);
    const unchecked = make('Broken-v0', { registry: r, disableEnvChecker: true });
    await unchecked.reset({ seed: 0 });
    await expect(unchecked.step(0)).resolves.toBeDefined();
  });

  it('refuses makeSync for asynchronous environments', () => {
    const r = new Registry();
    const asyncEnv: Env<number, number> = {
      observationSpace: new Discrete(2),
      actionSpace: new Discrete(2),
      metadata: { renderModes: [] },
      renderMode: undefined,
      spec: undefined,
      rng: new Counter().rng,
      get unwrapped() {
        return this as Env<unknown, unknown, unknown>;
      },
      reset: () => Promise.resolve({ observation: 0, info: {} }),
      step: () =>
        Promise.resolve({ observation: 0, reward: 0, terminated: true, truncated: false, info: {} }),
      render: () => undefined,
      close: () => Promise.resolve(),
      [Symbol.asyncDispose]: () => Promise.resolve(),
    };
    r.register({ id: 'Async-v0', entryPoint: () => asyncEnv });
    expect(() => makeSync('Async-v0', { registry: r })).toThrow(UnsupportedOperationError);
    expect(make('Async-v0', { registry: r })).toBeDefined();
  });
});
