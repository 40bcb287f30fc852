// A controllable asynchronous environment for the runner's tests: per seed, how long steps take, what they pay,
// and whether they throw.
import type { Env, EnvMetadata, ResetOptions, ResetResult, StepResult } from '../../core/env.js';
import type { EnvSpec } from '../../core/env-spec.js';
import { createRng, type Rng } from '../../core/random/rng.js';
import { Discrete } from '../../spaces/discrete.js';

/** How an episode of {@link TestEnv} goes, decided by its seed. */
export interface TestEpisode {
  /** Steps until it terminates (default 3). */
  length?: number;
  /** Reward of the last step (default 1); other steps pay 0. */
  reward?: number;
  /** Milliseconds each step takes (default 0, answered on the next turn of the event loop). */
  stepMs?: number;
  /** Throw this from the step of this index. */
  throwAt?: { step: number; error: () => unknown };
  /** Info of the last step. */
  info?: Record<string, unknown>;
}

/** What all the test environments of one test observed. */
export class TestEnvLog {
  active = 0;
  maxActive = 0;
  resets: number[] = [];
  closed = 0;
}

/**
 * An environment whose episodes are scripted per seed; observations count the steps. Tracks how many episodes
 * run at once across instances sharing a log.
 */
export class TestEnv implements Env<number, number> {
  readonly observationSpace = new Discrete(100);
  readonly actionSpace = new Discrete(2);
  readonly metadata: EnvMetadata = { renderModes: [] };
  readonly renderMode = undefined;
  spec: EnvSpec | undefined = undefined;
  readonly rng: Rng = createRng(0);
  private episode: TestEpisode = {};
  private stepIndex = 0;
  private running = false;

  constructor(
    private readonly script: (seed: number) => TestEpisode,
    readonly log: TestEnvLog = new TestEnvLog(),
  ) {}

  get unwrapped(): this {
    return this;
  }

  async reset(options: ResetOptions = {}): Promise<ResetResult<number>> {
    await Promise.resolve();
    const seed = options.seed ?? 0;
    this.log.resets.push(seed);
    this.episode = this.script(seed);
    this.stepIndex = 0;
    if (!this.running) {
      this.running = true;
      this.log.active += 1;
      this.log.maxActive = Math.max(this.log.maxActive, this.log.active);
    }
    return { observation: 0, info: {} };
  }

  async step(): Promise<StepResult<number>> {
    const { stepMs = 0, length = 3, reward = 1, throwAt, info = {} } = this.episode;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
    const index = this.stepIndex++;
    if (throwAt !== undefined && throwAt.step === index) {
      this.finish();
      throw throwAt.error();
    }
    const terminated = this.stepIndex >= length;
    if (terminated) this.finish();
    return {
      observation: this.stepIndex,
      reward: terminated ? reward : 0,
      terminated,
      truncated: false,
      info: terminated ? info : {},
    };
  }

  render(): undefined {
    return undefined;
  }

  close(): Promise<void> {
    this.log.closed += 1;
    this.finish();
    return Promise.resolve();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private finish(): void {
    if (this.running) {
      this.running = false;
      this.log.active -= 1;
    }
  }
}
