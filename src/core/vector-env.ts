import type { EnvSpec } from './env-spec.js';
import type { EnvMetadata, Info, RenderFrame, RenderMode } from './env.js';
import type { Rng } from './random/rng.js';
import type { Space } from './space.js';

/**
 * When a vector environment resets a finished sub-environment (Gymnasium's `AutoresetMode`):
 * - `next-step`: the step after an episode ends resets that sub-environment (its action is ignored, reward 0);
 * - `same-step`: the ending step resets at once, returning the new episode's first observation, with the last one
 *   in `infos.final_obs` / `infos.final_info`;
 * - `disabled`: never; reset finished sub-environments yourself with `reset({options: {resetMask}})`.
 */
export type AutoresetMode = 'next-step' | 'same-step' | 'disabled';

/** Arguments of a vector environment's `reset`. */
export interface VectorResetOptions {
  /** One seed (sub-environment i gets `seed + i`) or one per sub-environment. */
  seed?: number | readonly (number | undefined)[] | undefined;
  /** Environment options; `resetMask` (one boolean per sub-environment) resets only those marked. */
  options?: (Record<string, unknown> & { resetMask?: ArrayLike<boolean | number> }) | undefined;
}

/** What a vector environment's `reset` returns; observations are batched (e.g. a `numEnvs * 4` Float32Array). */
export interface VectorResetResult<Obs, I = Info> {
  observations: Obs;
  infos: I;
}

/** What a vector environment's `step` returns; flags are 0/1 bytes, one per sub-environment. */
export interface VectorStepResult<Obs, I = Info> {
  observations: Obs;
  rewards: Float64Array;
  terminations: Uint8Array;
  truncations: Uint8Array;
  infos: I;
}

/**
 * Several copies of an environment stepped together, as Gymnasium's `VectorEnv`. Infos are batched the Gymnasium
 * way: `infos[key]` is an array over sub-environments and `infos['_' + key]` marks which of them set it.
 *
 * @example
 * ```ts
 * const envs = makeVec('CartPole-v1', 256);
 * await envs.reset({ seed: 0 });
 * const { rewards } = await envs.step(envs.actionSpace.sample(envs.rng));
 * ```
 */
export interface VectorEnv<Obs, Act, I = Info> {
  readonly numEnvs: number;
  readonly singleObservationSpace: Space<unknown, unknown>;
  readonly singleActionSpace: Space<unknown, unknown>;
  /** The batched observation space. */
  readonly observationSpace: Space<Obs, unknown>;
  /** The batched action space. */
  readonly actionSpace: Space<Act, unknown>;
  readonly autoresetMode: AutoresetMode;
  readonly metadata: EnvMetadata;
  readonly renderMode: RenderMode | undefined;
  spec: EnvSpec | undefined;
  /** A generator for sampling batched actions (seeded by the first reset seed). */
  readonly rng: Rng;
  reset(options?: VectorResetOptions): Promise<VectorResetResult<Obs, I>>;
  step(actions: Act): Promise<VectorStepResult<Obs, I>>;
  /** One frame per sub-environment. */
  render(): RenderFrame[] | undefined;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** A vector environment that can also be stepped without Promises. */
export interface SynchronousVectorEnv<Obs, Act, I = Info> extends VectorEnv<Obs, Act, I> {
  readonly synchronous: true;
  resetSync(options?: VectorResetOptions): VectorResetResult<Obs, I>;
  stepSync(actions: Act): VectorStepResult<Obs, I>;
  closeSync(): void;
}

/** Whether `env` can be stepped synchronously. */
export function isSynchronousVectorEnv<Obs, Act, I>(
  env: VectorEnv<Obs, Act, I>,
): env is SynchronousVectorEnv<Obs, Act, I> {
  return (env as { synchronous?: unknown }).synchronous === true;
}
