import { InvalidArgumentError, ResetNeededError, UnsupportedOperationError } from '../core/errors.js';
import {
  isSyncEnv,
  type Env,
  type EnvMetadata,
  type Info,
  type RenderFrame,
  type RenderMode,
  type ResetResult,
  type StepResult,
  type SyncEnv,
} from '../core/env.js';
import type { EnvSpec } from '../core/env-spec.js';
import { createRng, type Rng } from '../core/random/rng.js';
import type {
  AutoresetMode,
  SynchronousVectorEnv,
  VectorResetOptions,
  VectorResetResult,
  VectorStepResult,
} from '../core/vector-env.js';
import type { AnySpace } from '../spaces/space-types.js';
import {
  checkBatchShape,
  copyBatch,
  createBatch,
  readBatchElement,
  writeBatchElement,
} from './batch-elements.js';
import { checkAutoresetMode } from './autoreset-mode.js';
import { batchSpace } from './batch-space.js';
import { addInfo } from './vector-infos.js';
import { seedsFor, splitResetOptions } from './vector-reset.js';

/** Options of {@link SyncVectorEnv}. */
export interface SyncVectorEnvOptions {
  /** When finished sub-environments reset (default `next-step`, as Gymnasium 1.x). */
  autoresetMode?: AutoresetMode | undefined;
  /** Return a fresh copy of the batched observations (default true); false returns a buffer the next call reuses. */
  copy?: boolean | undefined;
}

/**
 * Runs several environments one after the other in this thread and batches their results, as Gymnasium's
 * `SyncVectorEnv`. Works with any environments; when every sub-environment is synchronous, `resetSync`/`stepSync`
 * are available too (`synchronous` is true), otherwise use the async `reset`/`step`.
 *
 * Observations are batched with {@link createBatch} (one flat typed array for numeric spaces), rewards are a
 * `Float64Array`, terminations and truncations `Uint8Array`s of 0/1, and infos are batched as Gymnasium does
 * (`infos[key]` plus the mask `infos['_' + key]`; `final_obs`/`final_info` in `same-step` mode).
 *
 * @example
 * ```ts
 * const envs = new SyncVectorEnv([() => new CartPoleEnv(), () => new CartPoleEnv()]);
 * const { observations } = envs.resetSync({ seed: 42 }); // Float32Array(8): sub-environments seeded 42 and 43
 * const { rewards, terminations } = envs.stepSync(Int32Array.of(0, 1));
 * ```
 */
export class SyncVectorEnv<Obs = unknown, Act = unknown> implements SynchronousVectorEnv<Obs, Act> {
  readonly numEnvs: number;
  /** The sub-environments, in order. */
  readonly envs: readonly Env<unknown, unknown>[];
  readonly singleObservationSpace: AnySpace;
  readonly singleActionSpace: AnySpace;
  readonly observationSpace: SynchronousVectorEnv<Obs, Act>['observationSpace'];
  readonly actionSpace: SynchronousVectorEnv<Obs, Act>['actionSpace'];
  readonly autoresetMode: AutoresetMode;
  readonly metadata: EnvMetadata;
  readonly renderMode: RenderMode | undefined;
  /** Whether every sub-environment is synchronous, so that `resetSync`/`stepSync` work. */
  readonly synchronous: true;
  readonly copy: boolean;
  spec: EnvSpec | undefined = undefined;
  private generator: Rng | undefined = undefined;
  private readonly observations: unknown;
  private readonly rewards: Float64Array;
  private readonly terminations: Uint8Array;
  private readonly truncations: Uint8Array;
  private readonly autoresetEnvs: Uint8Array;
  private readonly started: Uint8Array;
  private closed = false;

  constructor(envFactories: readonly (() => Env<unknown, unknown>)[], options: SyncVectorEnvOptions = {}) {
    if (envFactories.length === 0) {
      throw new InvalidArgumentError('SyncVectorEnv needs at least one environment factory.');
    }
    const mode = checkAutoresetMode(options.autoresetMode);
    this.envs = envFactories.map((factory) => factory());
    this.numEnvs = this.envs.length;
    const first = this.envs[0]!;
    this.singleObservationSpace = first.observationSpace;
    this.singleActionSpace = first.actionSpace;
    this.envs.forEach((env, i) => {
      if (!env.observationSpace.equals(this.singleObservationSpace)) {
        throw new InvalidArgumentError(
          `SyncVectorEnv: sub-environment ${i} has observation space ${env.observationSpace.toString()}, ` +
            `but the first has ${this.singleObservationSpace.toString()}; all must be equal.`,
        );
      }
      if (!env.actionSpace.equals(this.singleActionSpace)) {
        throw new InvalidArgumentError(
          `SyncVectorEnv: sub-environment ${i} has action space ${env.actionSpace.toString()}, ` +
            `but the first has ${this.singleActionSpace.toString()}; all must be equal.`,
        );
      }
    });
    this.observationSpace = batchSpace(
      this.singleObservationSpace,
      this.numEnvs,
    ) as typeof this.observationSpace;
    this.actionSpace = batchSpace(this.singleActionSpace, this.numEnvs) as typeof this.actionSpace;
    this.autoresetMode = mode;
    this.metadata = { ...first.metadata, autoresetMode: mode };
    this.renderMode = first.renderMode;
    this.synchronous = this.envs.every((env) => isSyncEnv(env)) as true;
    this.copy = options.copy ?? true;
    this.observations = createBatch(this.singleObservationSpace, this.numEnvs);
    this.rewards = new Float64Array(this.numEnvs);
    this.terminations = new Uint8Array(this.numEnvs);
    this.truncations = new Uint8Array(this.numEnvs);
    this.autoresetEnvs = new Uint8Array(this.numEnvs);
    this.started = new Uint8Array(this.numEnvs);
  }

  /** A generator for sampling batched actions; an integer `reset` seed re-creates it. */
  get rng(): Rng {
    this.generator ??= createRng();
    return this.generator;
  }

  resetSync(options: VectorResetOptions = {}): VectorResetResult<Obs> {
    const envs = this.syncEnvs('resetSync');
    const plan = this.planReset(options);
    let infos: Info = {};
    for (let i = 0; i < this.numEnvs; i++) {
      if (plan.mask[i] !== 1) continue;
      const result = envs[i]!.resetSync({ seed: plan.seeds[i], options: plan.options });
      infos = this.recordReset(i, result, infos);
    }
    return this.finishReset(infos);
  }

  async reset(options: VectorResetOptions = {}): Promise<VectorResetResult<Obs>> {
    this.checkOpen();
    const plan = this.planReset(options);
    let infos: Info = {};
    for (let i = 0; i < this.numEnvs; i++) {
      if (plan.mask[i] !== 1) continue;
      const result = await this.envs[i]!.reset({ seed: plan.seeds[i], options: plan.options });
      infos = this.recordReset(i, result, infos);
    }
    return this.finishReset(infos);
  }

  stepSync(actions: Act): VectorStepResult<Obs> {
    const envs = this.syncEnvs('stepSync');
    this.checkStep(actions);
    let infos: Info = {};
    for (let i = 0; i < this.numEnvs; i++) {
      const env = envs[i]!;
      if (this.autoresetMode === 'next-step' && this.autoresetEnvs[i] === 1) {
        infos = this.recordAutoreset(i, env.resetSync(), infos);
        continue;
      }
      const result = env.stepSync(readBatchElement(this.singleActionSpace, actions, i));
      let info = result.info;
      if (this.recordStep(i, result)) {
        infos = addInfo(infos, { final_obs: result.observation, final_info: result.info }, i, this.numEnvs);
        const reset = env.resetSync();
        writeBatchElement(this.singleObservationSpace, this.observations, i, reset.observation);
        info = reset.info;
      }
      infos = addInfo(infos, info, i, this.numEnvs);
    }
    return this.finishStep(infos);
  }

  async step(actions: Act): Promise<VectorStepResult<Obs>> {
    this.checkOpen();
    this.checkStep(actions);
    let infos: Info = {};
    for (let i = 0; i < this.numEnvs; i++) {
      const env = this.envs[i]!;
      if (this.autoresetMode === 'next-step' && this.autoresetEnvs[i] === 1) {
        infos = this.recordAutoreset(i, await env.reset(), infos);
        continue;
      }
      const result = await env.step(readBatchElement(this.singleActionSpace, actions, i));
      let info = result.info;
      if (this.recordStep(i, result)) {
        infos = addInfo(infos, { final_obs: result.observation, final_info: result.info }, i, this.numEnvs);
        const reset = await env.reset();
        writeBatchElement(this.singleObservationSpace, this.observations, i, reset.observation);
        info = reset.info;
      }
      infos = addInfo(infos, info, i, this.numEnvs);
    }
    return this.finishStep(infos);
  }

  /** One frame per sub-environment, or `undefined` without a render mode. */
  render(): RenderFrame[] | undefined {
    if (this.renderMode === undefined) return undefined;
    return this.envs.map((env) => env.render()).filter((frame): frame is RenderFrame => frame !== undefined);
  }

  closeSync(): void {
    if (this.closed) return;
    const envs = this.syncEnvs('closeSync');
    this.closed = true;
    for (const env of envs) env.closeSync();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const env of this.envs) await env.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private syncEnvs(method: string): readonly SyncEnv<unknown, unknown>[] {
    this.checkOpen();
    if (!this.synchronous) {
      throw new UnsupportedOperationError(
        `SyncVectorEnv.${method}: some sub-environments are asynchronous; use the async reset()/step()/close().`,
      );
    }
    return this.envs as readonly SyncEnv<unknown, unknown>[];
  }

  private checkOpen(): void {
    if (this.closed) throw new UnsupportedOperationError('SyncVectorEnv: the vector environment is closed.');
  }

  private planReset(options: VectorResetOptions): {
    seeds: (number | undefined)[];
    mask: Uint8Array;
    options: Record<string, unknown> | undefined;
  } {
    const seeds = seedsFor(options.seed, this.numEnvs);
    const split = splitResetOptions(options.options, this.numEnvs);
    if (typeof options.seed === 'number') this.generator = createRng(options.seed);
    for (let i = 0; i < this.numEnvs; i++) {
      if (split.mask[i] === 1) {
        this.terminations[i] = 0;
        this.truncations[i] = 0;
        this.autoresetEnvs[i] = 0;
      }
    }
    return { seeds, mask: split.mask, options: split.options };
  }

  private recordReset(i: number, result: ResetResult<unknown>, infos: Info): Info {
    writeBatchElement(this.singleObservationSpace, this.observations, i, result.observation);
    this.started[i] = 1;
    return addInfo(infos, result.info, i, this.numEnvs);
  }

  private finishReset(infos: Info): VectorResetResult<Obs> {
    return { observations: this.observationsOut(), infos };
  }

  private checkStep(actions: Act): void {
    const missing = this.started.indexOf(0);
    if (missing !== -1) {
      throw new ResetNeededError(
        `SyncVectorEnv.step: sub-environment ${missing} was never reset; call reset() before step().`,
      );
    }
    checkBatchShape(this.singleActionSpace, actions, this.numEnvs, 'actions');
    if (this.autoresetMode === 'disabled') {
      const pending = this.autoresetEnvs.indexOf(1);
      if (pending !== -1) {
        throw new ResetNeededError(
          `SyncVectorEnv.step: sub-environment ${pending} finished its episode and autoreset is disabled; ` +
            'reset it first with reset({options: {resetMask}}).',
        );
      }
    }
  }

  private recordAutoreset(i: number, result: ResetResult<unknown>, infos: Info): Info {
    writeBatchElement(this.singleObservationSpace, this.observations, i, result.observation);
    this.rewards[i] = 0;
    this.terminations[i] = 0;
    this.truncations[i] = 0;
    return addInfo(infos, result.info, i, this.numEnvs);
  }

  /** Stores a step's result; returns whether the sub-environment must be reset at once (same-step mode). */
  private recordStep(i: number, result: StepResult<unknown>): boolean {
    writeBatchElement(this.singleObservationSpace, this.observations, i, result.observation);
    this.rewards[i] = result.reward;
    this.terminations[i] = result.terminated ? 1 : 0;
    this.truncations[i] = result.truncated ? 1 : 0;
    return this.autoresetMode === 'same-step' && (result.terminated || result.truncated);
  }

  private finishStep(infos: Info): VectorStepResult<Obs> {
    for (let i = 0; i < this.numEnvs; i++)
      this.autoresetEnvs[i] = this.terminations[i]! | this.truncations[i]!;
    return {
      observations: this.observationsOut(),
      rewards: this.rewards.slice(),
      terminations: this.terminations.slice(),
      truncations: this.truncations.slice(),
      infos,
    };
  }

  private observationsOut(): Obs {
    return (this.copy ? copyBatch(this.singleObservationSpace, this.observations) : this.observations) as Obs;
  }
}
