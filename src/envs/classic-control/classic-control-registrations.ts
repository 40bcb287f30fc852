import { z } from 'zod';
import type { VectorEnvFactory, VectorFactoryOptions } from '../../core/env-spec.js';
import type { AutoresetMode } from '../../core/vector-env.js';
import type { RegisterOptions } from '../../registry/registry.js';
import { AcrobotVectorEnv } from './acrobot-vector-env.js';
import { AcrobotEnv } from './acrobot.js';
import { CartPoleVectorEnv } from './cart-pole-vector-env.js';
import { CartPoleEnv, type CartPoleOptions } from './cart-pole.js';
import { ContinuousMountainCarVectorEnv } from './continuous-mountain-car-vector-env.js';
import { ContinuousMountainCarEnv } from './continuous-mountain-car.js';
import { MountainCarVectorEnv } from './mountain-car-vector-env.js';
import { MountainCarEnv, type MountainCarOptions } from './mountain-car.js';
import { PendulumVectorEnv } from './pendulum-vector-env.js';
import { PendulumEnv, type PendulumOptions } from './pendulum.js';

const cartPoleOptions = z
  .object({
    suttonBartoReward: z
      .boolean()
      .default(false)
      .describe(
        "Sutton and Barto's original rewards: 0 for every step and -1 when the pole falls (instead of +1 per step).",
      ),
  })
  .strict();

const mountainCarOptions = z
  .object({
    goalVelocity: z
      .number()
      .default(0)
      .describe('The velocity the car must at least have when it reaches the flag for the episode to end.'),
  })
  .strict();

const pendulumOptions = z
  .object({
    g: z.number().default(10.0).describe('Gravitational acceleration, in m/s^2.'),
  })
  .strict();

const noOptions = z.object({}).strict();

/** What a vector entry point reads besides the environment's options. */
interface VectorSettings {
  autoresetMode: AutoresetMode | undefined;
  maxEpisodeSteps: number | undefined;
  copy: boolean | undefined;
}

/**
 * The batching settings of a `vectorEntryPoint` call: the autoreset mode, the step limit (the caller's, else the
 * registered one, as Gymnasium's `make_vec` passes the spec's `max_episode_steps` to a vector entry point) and, when
 * given, `copy`.
 */
function vectorSettings(
  options: Record<string, unknown>,
  vectorOptions: VectorFactoryOptions,
  registeredLimit: number,
): VectorSettings {
  const limit = vectorOptions.maxEpisodeSteps ?? options.maxEpisodeSteps;
  const copy = (vectorOptions as { copy?: unknown }).copy;
  return {
    autoresetMode: vectorOptions.autoresetMode,
    maxEpisodeSteps: typeof limit === 'number' ? limit : registeredLimit,
    copy: typeof copy === 'boolean' ? copy : undefined,
  };
}

/** The environment's own options without the vector settings `make`/`makeVec` may add. */
function envOptions(options: Record<string, unknown>): Record<string, unknown> {
  const { maxEpisodeSteps: _limit, ...rest } = options;
  return rest;
}

function cartPoleVector(limit: number): VectorEnvFactory {
  return (numEnvs, options, vectorOptions) =>
    new CartPoleVectorEnv(numEnvs, {
      ...(envOptions(options) as CartPoleOptions),
      ...vectorSettings(options, vectorOptions, limit),
    });
}

/**
 * The registrations of Gymnasium's classic-control environments, with Gymnasium's ids, step limits, reward
 * thresholds and options (camelCase): `CartPole-v0`, `CartPole-v1`, `MountainCar-v0`, `MountainCarContinuous-v0`,
 * `Pendulum-v1` and `Acrobot-v1`. Each also has a `vectorEntryPoint`: a natively batched version that reproduces
 * `make_vec(id, n, vectorization_mode="sync")` bit for bit, in every autoreset mode.
 *
 * @example
 * ```ts
 * const registry = new Registry();
 * for (const registration of classicControlRegistrations) registry.register(registration);
 * registry.spec('CartPole-v1').maxEpisodeSteps; // 500
 * ```
 */
export const classicControlRegistrations: RegisterOptions[] = [
  {
    id: 'CartPole-v0',
    entryPoint: (options) => new CartPoleEnv(options),
    vectorEntryPoint: cartPoleVector(200),
    optionsSchema: cartPoleOptions,
    maxEpisodeSteps: 200,
    rewardThreshold: 195.0,
    description:
      'Balance a pole on a cart by pushing it left or right (the first version: 200-step episodes).',
  },
  {
    id: 'CartPole-v1',
    entryPoint: (options) => new CartPoleEnv(options),
    vectorEntryPoint: cartPoleVector(500),
    optionsSchema: cartPoleOptions,
    maxEpisodeSteps: 500,
    rewardThreshold: 475.0,
    description: 'Balance a pole on a cart by pushing it left or right; +1 for every step it stays up.',
  },
  {
    id: 'MountainCar-v0',
    entryPoint: (options) => new MountainCarEnv(options),
    vectorEntryPoint: (numEnvs, options, vectorOptions) =>
      new MountainCarVectorEnv(numEnvs, {
        ...(envOptions(options) as MountainCarOptions),
        ...vectorSettings(options, vectorOptions, 200),
      }),
    optionsSchema: mountainCarOptions,
    maxEpisodeSteps: 200,
    rewardThreshold: -110.0,
    description: 'Drive an underpowered car up a hill by rocking it back and forth (push left, none, right).',
  },
  {
    id: 'MountainCarContinuous-v0',
    entryPoint: (options) => new ContinuousMountainCarEnv(options),
    vectorEntryPoint: (numEnvs, options, vectorOptions) =>
      new ContinuousMountainCarVectorEnv(numEnvs, {
        ...(envOptions(options) as MountainCarOptions),
        ...vectorSettings(options, vectorOptions, 999),
      }),
    optionsSchema: mountainCarOptions,
    maxEpisodeSteps: 999,
    rewardThreshold: 90.0,
    description: 'Mountain car with a continuous force in [-1, 1]: +100 at the flag, minus the energy spent.',
  },
  {
    id: 'Pendulum-v1',
    entryPoint: (options) => new PendulumEnv(options),
    vectorEntryPoint: (numEnvs, options, vectorOptions) =>
      new PendulumVectorEnv(numEnvs, {
        ...(envOptions(options) as PendulumOptions),
        ...vectorSettings(options, vectorOptions, 200),
      }),
    optionsSchema: pendulumOptions,
    maxEpisodeSteps: 200,
    description: 'Swing a pendulum up and keep it upright with a limited torque in [-2, 2].',
  },
  {
    id: 'Acrobot-v1',
    entryPoint: (options) => new AcrobotEnv(options),
    vectorEntryPoint: (numEnvs, options, vectorOptions) =>
      new AcrobotVectorEnv(numEnvs, {
        ...envOptions(options),
        ...vectorSettings(options, vectorOptions, 500),
      }),
    optionsSchema: noOptions,
    maxEpisodeSteps: 500,
    rewardThreshold: -100.0,
    description: 'Swing the end of a two-link pendulum above a bar by torquing the joint between the links.',
  },
];
