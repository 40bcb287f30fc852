import { UnsupportedOperationError } from './errors.js';
import {
  isSyncEnv,
  type Env,
  type EnvMetadata,
  type Info,
  type RenderFrame,
  type RenderMode,
  type ResetOptions,
  type ResetResult,
  type StepResult,
  type SyncEnv,
} from './env.js';
import type { EnvSpec } from './env-spec.js';
import type { Rng } from './random/rng.js';
import type { Space } from './space.js';

/**
 * Base class of wrappers, as Gymnasium's `Wrapper`: it forwards everything to the inner environment and lets a
 * subclass change what passes through by overriding {@link transformReset}, {@link transformAction} and
 * {@link transformStep} (or `resetSync`/`stepSync` and `reset`/`step` for control flow of its own).
 *
 * A wrapper over a synchronous environment is itself synchronous (`synchronous === true`), so a whole stack steps
 * without a Promise per layer; `step()` then costs one Promise at the top.
 *
 * @example
 * ```ts
 * class DoubleReward<O, A> extends Wrapper<O, A> {
 *   protected override transformStep(result: StepResult<O>) {
 *     return { ...result, reward: 2 * result.reward };
 *   }
 * }
 * ```
 */
export class Wrapper<WObs, WAct, WI = Info, Obs = WObs, Act = WAct, I = WI> implements Env<WObs, WAct, WI> {
  readonly env: Env<Obs, Act, I>;
  /** Whether the whole stack below can be stepped synchronously. */
  readonly synchronous: boolean;
  /** Set to replace the inner observation space. */
  protected observationSpaceOverride: Space<WObs, unknown> | undefined = undefined;
  /** Set to replace the inner action space. */
  protected actionSpaceOverride: Space<WAct, unknown> | undefined = undefined;
  private specOverride: EnvSpec | undefined = undefined;

  constructor(env: Env<Obs, Act, I>) {
    this.env = env;
    this.synchronous = isSyncEnv(env);
  }

  get observationSpace(): Space<WObs, unknown> {
    return this.observationSpaceOverride ?? (this.env.observationSpace as unknown as Space<WObs, unknown>);
  }

  get actionSpace(): Space<WAct, unknown> {
    return this.actionSpaceOverride ?? (this.env.actionSpace as unknown as Space<WAct, unknown>);
  }

  get metadata(): EnvMetadata {
    return this.env.metadata;
  }

  get renderMode(): RenderMode | undefined {
    return this.env.renderMode;
  }

  get spec(): EnvSpec | undefined {
    return this.specOverride ?? this.env.spec;
  }

  set spec(spec: EnvSpec | undefined) {
    this.specOverride = spec;
  }

  get rng(): Rng {
    return this.env.rng;
  }

  get unwrapped(): Env<unknown, unknown, unknown> {
    return this.env.unwrapped;
  }

  /** Changes a reset result on its way out. */
  protected transformReset(
    result: ResetResult<Obs, I>,
    _options: ResetOptions | undefined,
  ): ResetResult<WObs, WI> {
    return result as unknown as ResetResult<WObs, WI>;
  }

  /** Changes an action on its way in. */
  protected transformAction(action: WAct): Act {
    return action as unknown as Act;
  }

  /** Changes a step result on its way out. */
  protected transformStep(result: StepResult<Obs, I>, _action: WAct): StepResult<WObs, WI> {
    return result as unknown as StepResult<WObs, WI>;
  }

  resetSync(options?: ResetOptions): ResetResult<WObs, WI> {
    return this.transformReset(this.syncInner().resetSync(options), options);
  }

  stepSync(action: WAct): StepResult<WObs, WI> {
    return this.transformStep(this.syncInner().stepSync(this.transformAction(action)), action);
  }

  async reset(options?: ResetOptions): Promise<ResetResult<WObs, WI>> {
    if (this.synchronous) return this.resetSync(options);
    return this.transformReset(await this.env.reset(options), options);
  }

  async step(action: WAct): Promise<StepResult<WObs, WI>> {
    if (this.synchronous) return this.stepSync(action);
    return this.transformStep(await this.env.step(this.transformAction(action)), action);
  }

  render(): RenderFrame | undefined {
    return this.env.render();
  }

  closeSync(): void {
    this.syncInner().closeSync();
  }

  async close(): Promise<void> {
    await this.env.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** `Name<Inner>`, as Gymnasium prints wrapper stacks. */
  toString(): string {
    return `${this.constructor.name}<${describeEnv(this.env)}>`;
  }

  /** The inner environment as a synchronous one; throws if it is asynchronous. */
  protected syncInner(): SyncEnv<Obs, Act, I> {
    if (!this.synchronous) {
      throw new UnsupportedOperationError(
        `${this.constructor.name} wraps an asynchronous environment; use reset()/step() instead of the *Sync methods.`,
      );
    }
    return this.env as SyncEnv<Obs, Act, I>;
  }
}

/** How an environment prints in a wrapper stack: its own `toString`, or its class name. */
function describeEnv(env: Env<unknown, unknown, unknown> | Env<never, never, never>): string {
  return env.toString === Object.prototype.toString ? env.constructor.name : env.toString();
}
