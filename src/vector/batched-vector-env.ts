import { ClosedEnvError, InvalidArgumentError, ResetNeededError } from '../core/errors.js';
import type { EnvMetadata, Info, RenderFrame, RenderMode } from '../core/env.js';
import type { EnvSpec } from '../core/env-spec.js';
import { createRng, type Rng } from '../core/random/rng.js';
import type {
  AutoresetMode,
  SynchronousVectorEnv,
  VectorResetOptions,
  VectorResetResult,
  VectorStepResult,
} from '../core/vector-env.js';
import type { Space } from '../core/space.js';
import type { Box } from '../spaces/box.js';
import type { Discrete } from '../spaces/discrete.js';
import type { AnySpace } from '../spaces/space-types.js';
import { batchSpace } from './batch-space.js';
import { readBatchedOptions, type BatchedVectorEnvOptions } from './batched-vector-env-options.js';
import { addInfo } from './vector-infos.js';
import { seedsFor, splitResetOptions } from './vector-reset.js';

/**
 * Base class for vector environments whose dynamics run as one kernel over typed arrays holding every
 * sub-environment, the fast path of LoopGym's classic environments. It reproduces, bit for bit, what Gymnasium's
 * `SyncVectorEnv` over `numEnvs` copies of `make(id)` returns: each sub-environment has its own generator (seeded
 * `seed + i`), its own step counter (the registered `TimeLimit`), and the three autoreset modes behave as
 * Gymnasium 1.x's.
 *
 * A subclass keeps its state in typed arrays and implements {@link parseResetOptions}, {@link resetSubEnv},
 * {@link stepKernel} (one tight loop over the sub-environments not marked in {@link skipMask}) and
 * {@link renderSubEnv}.
 *
 * @example
 * ```ts
 * const envs = new CartPoleVectorEnv(256, { maxEpisodeSteps: 500, copy: false });
 * envs.resetSync({ seed: 0 });
 * const actions = new Int32Array(256);
 * for (let t = 0; t < 1000; t++) envs.stepSync(actions);
 * ```
 */
export type { BatchedVectorEnvOptions };

export abstract class BatchedVectorEnv<
  Act extends ArrayLike<number>,
  ResetParameters,
> implements SynchronousVectorEnv<Float32Array, Act> {
  readonly synchronous = true as const;
  readonly numEnvs: number;
  readonly autoresetMode: AutoresetMode;
  readonly renderMode: RenderMode | undefined;
  readonly metadata: EnvMetadata;
  /** The per-sub-environment step limit, if any. */
  readonly maxEpisodeSteps: number | undefined;
  readonly copy: boolean;
  spec: EnvSpec | undefined = undefined;
  abstract readonly singleObservationSpace: Box;
  abstract readonly singleActionSpace: Discrete | Box;
  /** Observations of every sub-environment, `observationSize` float32 values each. */
  protected readonly observationBuffer: Float32Array;
  protected readonly rewardBuffer: Float64Array;
  protected readonly terminationBuffer: Uint8Array;
  protected readonly truncationBuffer: Uint8Array;
  /** 1 for sub-environments the kernel must leave alone this step (they are reset instead). */
  protected readonly skipMask: Uint8Array;
  /** Steps since each sub-environment's last reset (its `TimeLimit` counter). */
  protected readonly elapsedSteps: Int32Array;
  /** The step limit, `Infinity` when there is none. */
  protected readonly stepLimit: number;
  /** Sub-environments whose episode ended this step, and how many (see {@link recordStep}). */
  protected readonly ended: Int32Array;
  protected endedCount = 0;
  /** Sub-environments the next step resets instead of stepping (next-step mode), and how many. */
  private readonly pending: Int32Array;
  private pendingCount = 0;
  /** 1 for sub-environments that ended and wait for a masked reset (disabled mode). */
  private readonly finished: Uint8Array;
  private readonly started: Uint8Array;
  private readonly generators: (Rng | undefined)[];
  private vectorGenerator: Rng | undefined = undefined;
  private batchedObservationSpace: AnySpace | undefined = undefined;
  private batchedActionSpace: AnySpace | undefined = undefined;
  private defaultParameters: { value: ResetParameters } | undefined = undefined;
  private closed = false;
  private allStarted = false;
  private actionLength = 0;

  protected constructor(
    numEnvs: number,
    readonly observationSize: number,
    metadata: EnvMetadata,
    options: BatchedVectorEnvOptions,
  ) {
    const { mode, limit, renderMode } = readBatchedOptions(numEnvs, metadata, options);
    this.numEnvs = numEnvs;
    this.autoresetMode = mode;
    this.renderMode = renderMode;
    this.metadata = { ...metadata, autoresetMode: mode };
    this.maxEpisodeSteps = limit;
    this.copy = options.copy ?? true;
    this.observationBuffer = new Float32Array(numEnvs * observationSize);
    this.rewardBuffer = new Float64Array(numEnvs);
    this.terminationBuffer = new Uint8Array(numEnvs);
    this.truncationBuffer = new Uint8Array(numEnvs);
    this.skipMask = new Uint8Array(numEnvs);
    this.elapsedSteps = new Int32Array(numEnvs);
    this.stepLimit = limit ?? Infinity;
    this.ended = new Int32Array(numEnvs);
    this.pending = new Int32Array(numEnvs);
    this.finished = new Uint8Array(numEnvs);
    this.started = new Uint8Array(numEnvs);
    this.generators = new Array<Rng | undefined>(numEnvs).fill(undefined);
  }

  /** The batched observation space (`singleObservationSpace` with a leading dimension `numEnvs`). */
  get observationSpace(): Space<Float32Array, unknown> {
    this.batchedObservationSpace ??= batchSpace(this.singleObservationSpace, this.numEnvs);
    return this.batchedObservationSpace as Space<Float32Array, unknown>;
  }

  /** The batched action space (`MultiDiscrete` for discrete actions, a `Box` for continuous ones). */
  get actionSpace(): SynchronousVectorEnv<Float32Array, Act>['actionSpace'] {
    this.batchedActionSpace ??= batchSpace(this.singleActionSpace, this.numEnvs);
    return this.batchedActionSpace as SynchronousVectorEnv<Float32Array, Act>['actionSpace'];
  }

  /** A generator for sampling batched actions; an integer `reset` seed re-creates it. */
  get rng(): Rng {
    this.vectorGenerator ??= createRng();
    return this.vectorGenerator;
  }

  /** The generator of sub-environment `index` (created from the operating system's randomness if never seeded). */
  subEnvRng(index: number): Rng {
    let generator = this.generators[index];
    if (generator === undefined) {
      generator = createRng();
      this.generators[index] = generator;
    }
    return generator;
  }

  /** Reads a sub-environment's reset options (Gymnasium's `options` of `reset`), e.g. `low`/`high` bounds. */
  protected abstract parseResetOptions(options: Record<string, unknown> | undefined): ResetParameters;

  /** Starts a new episode of sub-environment `index`: draws from `rng`, writes its state and observation. */
  protected abstract resetSubEnv(index: number, rng: Rng, parameters: ResetParameters): void;

  /**
   * Advances every sub-environment `i` with `skipMask[i] === 0` by `actions` (validate them all before changing
   * any state), writing its observation and reward and calling {@link recordStep} with its termination. A kernel
   * may also run the sub-environments marked in `skipMask` (to avoid a branch per sub-environment) as long as it
   * does not record them: `stepSync` resets them right after the kernel, overwriting their state, observation,
   * reward, flags and step count.
   */
  protected abstract stepKernel(actions: Act): void;

  /** The frame of sub-environment `index` in `this.renderMode`. */
  protected abstract renderSubEnv(index: number): RenderFrame;

  resetSync(options: VectorResetOptions = {}): VectorResetResult<Float32Array> {
    this.checkOpen();
    const seeds = seedsFor(options.seed, this.numEnvs);
    const split = splitResetOptions(options.options, this.numEnvs);
    const parameters = this.parseResetOptions(split.options);
    if (typeof options.seed === 'number') this.vectorGenerator = createRng(options.seed);
    for (let i = 0; i < this.numEnvs; i++) {
      if (split.mask[i] !== 1) continue;
      const seed = seeds[i];
      if (seed !== undefined) this.generators[i] = createRng(seed);
      this.resetSubEnv(i, this.subEnvRng(i), parameters);
      this.elapsedSteps[i] = 0;
      this.terminationBuffer[i] = 0;
      this.truncationBuffer[i] = 0;
      this.skipMask[i] = 0;
      this.finished[i] = 0;
      this.started[i] = 1;
    }
    // Pending autoresets of the sub-environments just reset are cancelled (Gymnasium clears their flags).
    this.pendingCount = 0;
    for (let i = 0; i < this.numEnvs; i++) if (this.skipMask[i] === 1) this.pending[this.pendingCount++] = i;
    return { observations: this.copy ? this.observationBuffer.slice() : this.observationBuffer, infos: {} };
  }

  stepSync(actions: Act): VectorStepResult<Float32Array> {
    this.checkStep(actions);
    this.endedCount = 0;
    this.stepKernel(actions);
    const terminations = this.terminationBuffer;
    const truncations = this.truncationBuffer;
    // next-step: the sub-environments that ended last step were skipped by the kernel; reset them now.
    for (let k = 0; k < this.pendingCount; k++) {
      const i = this.pending[k]!;
      this.autoreset(i);
      this.rewardBuffer[i] = 0;
      terminations[i] = 0;
      truncations[i] = 0;
      this.skipMask[i] = 0;
    }
    this.pendingCount = 0;
    let infos: Info = {};
    const mode = this.autoresetMode;
    for (let k = 0; k < this.endedCount; k++) {
      const i = this.ended[k]!;
      if (mode === 'next-step') {
        this.skipMask[i] = 1;
        this.pending[this.pendingCount++] = i;
      } else if (mode === 'same-step') {
        const size = this.observationSize;
        const finalObservation = this.observationBuffer.slice(i * size, (i + 1) * size);
        infos = addInfo(infos, { final_obs: finalObservation, final_info: {} }, i, this.numEnvs);
        this.autoreset(i);
      } else {
        this.finished[i] = 1;
      }
    }
    if (!this.copy) {
      return {
        observations: this.observationBuffer,
        rewards: this.rewardBuffer,
        terminations,
        truncations,
        infos,
      };
    }
    return {
      observations: this.observationBuffer.slice(),
      rewards: this.rewardBuffer.slice(),
      terminations: terminations.slice(),
      truncations: truncations.slice(),
      infos,
    };
  }

  /**
   * Records that the kernel stepped sub-environment `index` (call it once per stepped sub-environment, after
   * writing its observation and reward): counts the step against the step limit, sets the termination and
   * truncation flags and notes an ended episode for the autoreset. A hot kernel may inline these few lines itself
   * (as `CartPoleVectorEnv` does).
   */
  protected recordStep(index: number, terminated: boolean): void {
    const steps = this.elapsedSteps[index]! + 1;
    this.elapsedSteps[index] = steps;
    const truncated = steps >= this.stepLimit;
    this.terminationBuffer[index] = terminated ? 1 : 0;
    this.truncationBuffer[index] = truncated ? 1 : 0;
    if (terminated || truncated) this.ended[this.endedCount++] = index;
  }

  reset(options?: VectorResetOptions): Promise<VectorResetResult<Float32Array>> {
    try {
      return Promise.resolve(this.resetSync(options));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  step(actions: Act): Promise<VectorStepResult<Float32Array>> {
    try {
      return Promise.resolve(this.stepSync(actions));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** One frame per sub-environment in the render mode chosen at construction, or `undefined` without one. */
  render(): RenderFrame[] | undefined {
    if (this.renderMode === undefined) return undefined;
    const missing = this.started.indexOf(0);
    if (missing !== -1) {
      throw new ResetNeededError(
        `Cannot render before reset(): sub-environment ${missing} has no state yet.`,
      );
    }
    return Array.from({ length: this.numEnvs }, (_, i) => this.renderSubEnv(i));
  }

  closeSync(): void {
    this.closed = true;
  }

  close(): Promise<void> {
    this.closeSync();
    return Promise.resolve();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private autoreset(index: number): void {
    this.defaultParameters ??= { value: this.parseResetOptions(undefined) };
    this.resetSubEnv(index, this.subEnvRng(index), this.defaultParameters.value);
    this.elapsedSteps[index] = 0;
  }

  private checkOpen(): void {
    if (this.closed) throw new ClosedEnvError(`${this.constructor.name} is closed; create a new one.`);
  }

  private checkStep(actions: Act): void {
    this.checkOpen();
    if (!this.allStarted) {
      const missing = this.started.indexOf(0);
      if (missing !== -1) {
        throw new ResetNeededError(
          `${this.constructor.name}.step: sub-environment ${missing} was never reset; call reset() before step().`,
        );
      }
      this.allStarted = true;
    }
    this.actionLength ||= this.numEnvs * this.singleActionSpace.shape.reduce((a, b) => a * b, 1);
    const expected = this.actionLength;
    if (actions === null || typeof actions !== 'object' || actions.length !== expected) {
      throw new InvalidArgumentError(
        `${this.constructor.name}.step: actions must be an array of ${expected} numbers (one per sub-environment` +
          `${expected === this.numEnvs ? '' : ' and action dimension'}), got ${
            actions === null || typeof actions !== 'object' ? String(actions) : `${actions.length} values`
          }.`,
      );
    }
    if (this.autoresetMode === 'disabled') {
      const pending = this.finished.indexOf(1);
      if (pending !== -1) {
        throw new ResetNeededError(
          `${this.constructor.name}.step: sub-environment ${pending} finished its episode and autoreset is ` +
            'disabled; reset it first with reset({options: {resetMask}}).',
        );
      }
    }
  }
}
