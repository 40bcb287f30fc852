import type { EnvSpec } from './env-spec.js';
import type { Rng } from './random/rng.js';
import type { Space } from './space.js';

/** How an environment renders, fixed when it is made. */
export type RenderMode = 'ansi' | 'rgb_array';

/** An RGB image: `height * width * 3` bytes, row-major (Gymnasium's `rgb_array` frame). */
export interface RgbFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** What `render()` returns: text in `ansi` mode, an image in `rgb_array` mode. */
export type RenderFrame = string | RgbFrame;

/** The default info type: a record of named values. */
export type Info = Record<string, unknown>;

/** Arguments of `reset`. */
export interface ResetOptions {
  /** An integer re-creates the environment's generator from this seed; omitted, the generator continues. */
  seed?: number | undefined;
  /** Environment-specific options for this episode. */
  options?: Record<string, unknown> | undefined;
}

/** What `reset` returns. */
export interface ResetResult<Obs, I = Info> {
  observation: Obs;
  info: I;
}

/**
 * What `step` returns. `terminated`: the episode reached a terminal state of the task (success or failure);
 * `truncated`: it was cut short by something outside the task, such as a time limit. Either ends the episode.
 */
export interface StepResult<Obs, I = Info> {
  observation: Obs;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info: I;
}

/** Static facts about an environment class. */
export interface EnvMetadata {
  /** The render modes the environment supports. */
  renderModes: readonly RenderMode[];
  /** Frames per second of a rendered episode. */
  renderFps?: number;
  [key: string]: unknown;
}

/**
 * An environment, as Gymnasium's `Env`: `reset` starts an episode, `step` advances it by one action. Both are async,
 * so environments backed by models, tools or people share the API of the classic ones.
 *
 * @example
 * ```ts
 * await using env = make('CartPole-v1');
 * let { observation } = await env.reset({ seed: 0 });
 * for (;;) {
 *   const result = await env.step(env.actionSpace.sample(env.rng));
 *   if (result.terminated || result.truncated) break;
 * }
 * ```
 */
export interface Env<Obs, Act, I = Info> {
  readonly observationSpace: Space<Obs, unknown>;
  readonly actionSpace: Space<Act, unknown>;
  readonly metadata: EnvMetadata;
  /** The render mode chosen at construction, if any. */
  readonly renderMode: RenderMode | undefined;
  /** The registration this environment was made from (set by `make`). */
  spec: EnvSpec | undefined;
  /** The environment's generator (created from the OS's randomness on first use if never seeded). */
  readonly rng: Rng;
  /** The innermost environment, below every wrapper. */
  readonly unwrapped: Env<unknown, unknown, unknown>;
  reset(options?: ResetOptions): Promise<ResetResult<Obs, I>>;
  step(action: Act): Promise<StepResult<Obs, I>>;
  /** The current frame in the render mode chosen at construction; `undefined` when there is none. */
  render(): RenderFrame | undefined;
  /** Releases resources; calling it twice is harmless. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
  /** A readable name, e.g. `TimeLimit<OrderEnforcing<PassiveEnvChecker<CartPoleEnv<CartPole-v1>>>>`. */
  toString(): string;
}

/**
 * The synchronous kernel form of an environment, for hot paths (vector environments, training loops). Every
 * `SyncEnv` is also an `Env`; `resetSync`/`stepSync` skip the Promise.
 *
 * @example
 * ```ts
 * const env = makeSync('FrozenLake-v1');
 * env.resetSync({ seed: 1 });
 * const { observation, reward } = env.stepSync(2);
 * ```
 */
export interface SyncEnv<Obs, Act, I = Info> extends Env<Obs, Act, I> {
  /** Always true for a usable synchronous environment. */
  readonly synchronous: true;
  resetSync(options?: ResetOptions): ResetResult<Obs, I>;
  stepSync(action: Act): StepResult<Obs, I>;
  closeSync(): void;
}

/** Whether `env` can be stepped synchronously. */
export function isSyncEnv<Obs, Act, I>(env: Env<Obs, Act, I>): env is SyncEnv<Obs, Act, I> {
  return (env as { synchronous?: unknown }).synchronous === true;
}
