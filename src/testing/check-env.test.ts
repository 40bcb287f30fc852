import { describe, expect, it } from 'vitest';
import { EnvCheckError } from '../core/errors.js';
import type { EnvMetadata, Info, ResetOptions, ResetResult, RgbFrame, StepResult } from '../core/env.js';
import { SyncEnvBase, type EnvConstructorOptions } from '../core/sync-env-base.js';
import { Registry } from '../registry/registry.js';
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';
import { RecordEpisodeStatistics } from '../wrappers/record-episode-statistics.js';
import { checkEnv } from './check-env.js';
import { ScriptedEnv } from './scripted-env.js';
import { toAsyncEnv } from './to-async-env.js';

const METADATA: EnvMetadata = { renderModes: ['ansi', 'rgb_array'], renderFps: 4 };

/** A correct environment: a random walk on [-1, 1] observed as a float32 Box; ends after 5 steps or at a wall. */
class WalkEnv extends SyncEnvBase<Float32Array, number> {
  readonly observationSpace = new Box(-1, 1, [1]);
  readonly actionSpace = new Discrete(2);
  position = 0;
  steps = 0;

  constructor(options: EnvConstructorOptions = {}, metadata: EnvMetadata = METADATA) {
    super(metadata, options);
  }

  protected resetEpisode(_options?: Record<string, unknown>): ResetResult<Float32Array> {
    this.position = Math.fround(this.rng.uniform(-0.5, 0.5));
    this.steps = 0;
    return { observation: Float32Array.of(this.position), info: {} };
  }

  stepSync(action: number): StepResult<Float32Array> {
    const noise = this.rng.uniform(0, 0.1);
    this.position = Math.fround(
      Math.min(1, Math.max(-1, this.position + (action === 1 ? 0.3 : -0.3) + noise)),
    );
    this.steps += 1;
    const terminated = Math.abs(this.position) === 1;
    return {
      observation: Float32Array.of(this.position),
      reward: 1,
      terminated,
      truncated: this.steps >= 5 && !terminated,
      info: {},
    };
  }

  protected override renderAnsi(): string {
    return `position ${this.position}\n`;
  }

  protected override renderRgbArray(): RgbFrame {
    return { width: 2, height: 1, data: new Uint8Array(6) };
  }
}

const fresh = ({ renderMode }: { renderMode?: 'ansi' | 'rgb_array' }) => new WalkEnv({ renderMode });

async function expectFailure(
  env: object,
  pattern: RegExp,
  options: Parameters<typeof checkEnv>[1] = { makeEnv: fresh },
) {
  const failure = await checkEnv(env as WalkEnv, options).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(EnvCheckError);
  expect((failure as Error).message).toMatch(pattern);
}

describe('checkEnv on correct environments', () => {
  it('passes a correct environment and lists the checks it ran', async () => {
    const report = await checkEnv(new WalkEnv({ renderMode: 'ansi' }), { makeEnv: fresh });
    expect(report.checks).toEqual([
      'env-interface',
      'spaces',
      'reset-result',
      'reset-seed-determinism',
      'reset-options',
      'sampled-steps',
      'step-determinism',
      'sync-face',
      'render',
      'render-modes',
      'close-twice',
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('warns where Gymnasium warns: infinite bounds, a wrapped environment, no way to make a fresh copy', async () => {
    class Unbounded extends WalkEnv {
      override readonly observationSpace = new Box(-Infinity, Infinity, [1]);
    }
    const env = new RecordEpisodeStatistics(new Unbounded(), { clock: () => 0 });
    const report = await checkEnv(env);
    expect(report.warnings).toContain(
      'A Box observation space minimum value is -Infinity. This is probably too low.',
    );
    expect(report.warnings).toContain(
      'A Box observation space maximum value is Infinity. This is probably too high.',
    );
    expect(
      report.warnings.some((w) => w.startsWith('The environment is wrapped (RecordEpisodeStatistics<')),
    ).toBe(true);
    expect(report.warnings).toContain(
      'Cannot check the other render modes: the environment has no spec and no makeEnv option was given.',
    );
  });

  it('passes asynchronous environments and the scripted test environment', async () => {
    await expect(
      checkEnv(toAsyncEnv(new WalkEnv()), { makeEnv: (o) => toAsyncEnv(fresh(o)) }),
    ).resolves.toBeDefined();
    const scripted = new ScriptedEnv({
      observationSpace: new Discrete(3),
      actionSpace: new Discrete(2),
      episodes: [
        {
          observation: 0,
          steps: [
            { observation: 1, reward: 1 },
            { observation: 2, terminated: true },
          ],
        },
      ],
    });
    const report = await checkEnv(scripted);
    expect(report.checks).toContain('sync-face');
    expect(scripted.closeCount).toBe(2);
  });

  it('makes fresh copies from the spec when there is one', async () => {
    const registry = new Registry();
    const made: (string | undefined)[] = [];
    const spec = registry.register({
      id: 'test/Walk-v0',
      entryPoint: (options) => {
        made.push(options.renderMode as string | undefined);
        return new WalkEnv(options);
      },
    });
    const env = new WalkEnv();
    env.spec = spec;
    await checkEnv(env);
    expect(made).toEqual(['ansi', 'rgb_array', undefined]);
  });

  it('skips the determinism checks for nondeterministic specs', async () => {
    class Noisy extends WalkEnv {
      private counter = 0;
      protected override resetEpisode(): ResetResult<Float32Array> {
        this.counter += 1;
        return { observation: Float32Array.of(this.counter % 2 === 0 ? 0.5 : -0.5), info: {} };
      }
    }
    const env = new Noisy();
    env.spec = new Registry().register({
      id: 'Noisy-v0',
      entryPoint: (options) => new Noisy(options),
      nondeterministic: true,
    });
    const report = await checkEnv(env);
    expect(report.checks).not.toContain('step-determinism');
  });
});

describe('checkEnv on broken environments', () => {
  it('rejects spaces that are not spaces', async () => {
    class NoSpace extends WalkEnv {
      override readonly observationSpace = { n: 2 } as unknown as Box;
    }
    await expectFailure(new NoSpace(), /observationSpace is not a Space: it has no contains\(\) method/);
  });

  it('rejects reset observations outside the space', async () => {
    class OutOfBounds extends WalkEnv {
      protected override resetEpisode(): ResetResult<Float32Array> {
        return { observation: Float32Array.of(3), info: {} };
      }
    }
    await expectFailure(
      new OutOfBounds(),
      /observation returned by reset\(\) is not an element of the observation space Box\(-1\.0, 1\.0, \(1,\), float32\): Float32Array\[3\]/,
    );
  });

  it('rejects observations of the wrong dtype', async () => {
    class WrongDtype extends WalkEnv {
      override stepSync(action: number) {
        const result = super.stepSync(action);
        return { ...result, observation: Float64Array.from(result.observation) as unknown as Float32Array };
      }
    }
    await expectFailure(new WrongDtype(), /observation returned by step\(\d\) is not an element/);
  });

  it('rejects a reset info that is not a plain object', async () => {
    class ArrayInfo extends WalkEnv {
      protected override resetEpisode(options?: Record<string, unknown>): ResetResult<Float32Array> {
        return { ...super.resetEpisode(options), info: [] as unknown as Info };
      }
    }
    await expectFailure(new ArrayInfo(), /info returned by reset\(\) must be a plain object, got \[\]/);
  });

  it('rejects a reset that ignores the seed', async () => {
    class Counter extends WalkEnv {
      private count = 0;
      protected override resetEpisode(): ResetResult<Float32Array> {
        this.count += 1;
        return { observation: Float32Array.of(this.count / 100), info: {} };
      }
    }
    await expectFailure(new Counter(), /reset\(\{seed: 123\}\) is not deterministic/);
  });

  it('rejects a reset that does not re-seed the generator', async () => {
    class Unseeded extends WalkEnv {
      override resetSync(options: ResetOptions = {}): ResetResult<Float32Array> {
        return super.resetSync({ ...options, seed: undefined });
      }
      protected override resetEpisode(): ResetResult<Float32Array> {
        this.rng.random();
        return { observation: Float32Array.of(0), info: {} };
      }
    }
    await expectFailure(new Unseeded(), /reset\(\{seed: 123\}\) does not re-seed env\.unwrapped\.rng/);
    class Drawless extends Unseeded {
      protected override resetEpisode(): ResetResult<Float32Array> {
        return { observation: Float32Array.of(0), info: {} };
      }
    }
    await expectFailure(new Drawless(), /different seeds must give different generators/);
  });

  it('rejects a factory that ignores the render mode', async () => {
    await expectFailure(new WalkEnv(), /must pass renderMode on to the environment/, {
      makeEnv: () => new WalkEnv(),
    });
  });

  it('rejects a reset that fails on options', async () => {
    class NoOptions extends WalkEnv {
      protected override resetEpisode(options?: Record<string, unknown>): ResetResult<Float32Array> {
        if (options !== undefined) throw new TypeError('unexpected options');
        return super.resetEpisode();
      }
    }
    await expectFailure(new NoOptions(), /reset\(\{options: \{\}\}\) threw TypeError: unexpected options/);
  });

  it.each([
    ['a NaN reward', { reward: Number.NaN }, /reward returned by step\(\d\) must be finite, got NaN/],
    ['a string reward', { reward: '1' }, /reward returned by step\(\d\) must be a number, got string "1"/],
    [
      'a numeric flag',
      { terminated: 0 },
      /`terminated` returned by step\(\d\) must be a boolean, got number 0/,
    ],
    ['a missing info', { info: undefined }, /info returned by step\(\d\) must be a plain object/],
  ])('rejects a step with %s', async (_name, patch, pattern) => {
    class Broken extends WalkEnv {
      override stepSync(action: number) {
        return { ...super.stepSync(action), ...patch } as StepResult<Float32Array>;
      }
    }
    await expectFailure(new Broken(), pattern);
  });

  it('rejects a step result without the five fields', async () => {
    class FourFields extends WalkEnv {
      override stepSync(action: number) {
        const { truncated: _truncated, ...rest } = super.stepSync(action);
        return rest as StepResult<Float32Array>;
      }
    }
    await expectFailure(
      new FourFields(),
      /must resolve to \{observation, reward, terminated, truncated, info\}/,
    );
  });

  it('rejects an environment that throws on sampled actions', async () => {
    class Picky extends WalkEnv {
      override readonly actionSpace = new Discrete(3);
      override stepSync(action: number) {
        if (action === 2) throw new RangeError('action 2 is not supported');
        return super.stepSync(action);
      }
    }
    await expectFailure(new Picky(), /step\(2\) threw RangeError: action 2 is not supported/);
  });

  it('rejects a step that does not depend on the seed alone', async () => {
    class Drifting extends WalkEnv {
      private calls = 0;
      override stepSync(action: number) {
        this.calls += 1;
        return { ...super.stepSync(action), reward: this.calls };
      }
    }
    await expectFailure(
      new Drifting(),
      /step\(\) is not deterministic: the same seed and action gave different rewards/,
    );
  });

  it('rejects a synchronous face that disagrees with the async one', async () => {
    class TwoFaced extends WalkEnv {
      override async step(action: number) {
        return { ...(await super.step(action)), info: { async: true } };
      }
    }
    await expectFailure(new TwoFaced(), /synchronous face disagrees with the async one: stepSync\(\) call 1/);
  });

  it('rejects an environment without a generator', async () => {
    const env = toAsyncEnv(new WalkEnv());
    Object.defineProperty(env, 'rng', { value: undefined });
    await expectFailure(env, /env\.unwrapped\.rng must be an Rng/);
  });

  it('rejects render frames of the wrong type', async () => {
    class BadText extends WalkEnv {
      protected override renderAnsi(): string {
        return 42 as unknown as string;
      }
    }
    await expectFailure(
      new BadText({ renderMode: 'ansi' }),
      /render\(\) in 'ansi' mode must return a string, got 42/,
    );
    class BadImage extends WalkEnv {
      protected override renderRgbArray(): RgbFrame {
        return { width: 2, height: 2, data: new Uint8Array(6) };
      }
    }
    const makeBad = ({ renderMode }: { renderMode?: 'ansi' | 'rgb_array' }) => new BadImage({ renderMode });
    await expectFailure(new BadImage(), /height \* width \* 3 = 12 bytes, got 6 bytes/, { makeEnv: makeBad });
  });

  it('rejects a non-positive frame rate and undeclared render modes', async () => {
    await expectFailure(
      new WalkEnv({}, { renderModes: ['ansi'], renderFps: 0 }),
      /renderFps must be greater than zero/,
    );
    await expectFailure(
      new WalkEnv({}, { renderModes: ['human' as 'ansi'] }),
      /unsupported modes \["human"\]/,
    );
  });

  it('rejects an environment whose second close() throws', async () => {
    class CloseOnce extends WalkEnv {
      private closed = false;
      override closeSync(): void {
        if (this.closed) throw new Error('already closed');
        this.closed = true;
      }
    }
    await expectFailure(new CloseOnce(), /a second close\(\) threw Error: already closed/, {
      makeEnv: ({ renderMode }) => new CloseOnce({ renderMode }),
    });
  });

  it('names the environment in its messages', async () => {
    class OutOfBounds extends WalkEnv {
      protected override resetEpisode(): ResetResult<Float32Array> {
        return { observation: Float32Array.of(3), info: {} };
      }
    }
    const env = new OutOfBounds();
    env.spec = new Registry().register({ id: 'test/Out-v1', entryPoint: () => new OutOfBounds() });
    await expectFailure(env, /^checkEnv\(test\/Out-v1\): /);
  });
});
