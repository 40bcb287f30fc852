import type { z } from 'zod';
import type { Env } from './env.js';
import type { AutoresetMode, VectorEnv } from './vector-env.js';

/** Makes an environment from validated constructor options (`renderMode` among them). */
export type EnvFactory = (options: Record<string, unknown>) => Env<unknown, unknown, unknown>;

/** How `makeVec` asks a natively batched environment to behave. */
export interface VectorFactoryOptions {
  /** When finished sub-environments reset (default `next-step`). */
  autoresetMode?: AutoresetMode | undefined;
  /** Steps after which each sub-environment's episode is truncated (the registered limit, or the caller's). */
  maxEpisodeSteps?: number | undefined;
  /** Return fresh batched observations each call (default true); false reuses one buffer. */
  copy?: boolean | undefined;
}

/** Makes a natively batched vector environment of `numEnvs` copies from validated constructor options. */
export type VectorEnvFactory = (
  numEnvs: number,
  options: Record<string, unknown>,
  vectorOptions: VectorFactoryOptions,
) => VectorEnv<unknown, unknown, unknown>;

/** An extra wrapper `make` applies after the fixed stack. */
export interface WrapperSpec {
  /** A name for listings, e.g. `FlattenObservation`. */
  name: string;
  /** Wraps an environment. */
  apply: (env: Env<unknown, unknown, unknown>) => Env<unknown, unknown, unknown>;
}

/**
 * A registration: everything `make` needs to build an environment, as Gymnasium's `EnvSpec`.
 *
 * @example
 * ```ts
 * spec('CartPole-v1').maxEpisodeSteps; // 500
 * ```
 */
export interface EnvSpec {
  /** `[namespace/]name[-vN]`. */
  readonly id: string;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly version: number | undefined;
  /** Builds the environment. */
  readonly entryPoint: EnvFactory;
  /** Builds a natively batched vector environment, when the environment has one. */
  readonly vectorEntryPoint: VectorEnvFactory | undefined;
  /** Constructor options: a zod object schema with defaults, used to validate and to document them. */
  readonly optionsSchema: z.ZodObject | undefined;
  /** Options this registration passes by default (e.g. `{mapName: '8x8'}`). */
  readonly kwargs: Readonly<Record<string, unknown>>;
  /** The return above which the task counts as solved. */
  readonly rewardThreshold: number | undefined;
  /** Whether the environment is non-deterministic even when seeded. */
  readonly nondeterministic: boolean;
  /** Steps after which `TimeLimit` truncates an episode. */
  readonly maxEpisodeSteps: number | undefined;
  /** Whether `make` adds `OrderEnforcing`. */
  readonly orderEnforce: boolean;
  /** Whether `make` leaves out `PassiveEnvChecker`. */
  readonly disableEnvChecker: boolean;
  /** Wrappers `make` applies after the fixed stack. */
  readonly additionalWrappers: readonly WrapperSpec[];
  /** One line on what the environment is. */
  readonly description: string | undefined;
}
