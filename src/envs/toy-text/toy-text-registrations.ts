import { z } from 'zod';
import type { RegisterOptions } from '../../registry/registry.js';
import { BlackjackEnv } from './blackjack.js';
import { CliffWalkingEnv } from './cliff-walking.js';
import { frozenLakeMapProblem } from './frozen-lake-maps.js';
import { FrozenLakeEnv } from './frozen-lake.js';
import { TaxiEnv } from './taxi.js';

const probability = (what: string, fallback: number) =>
  z.number().min(0).max(1).default(fallback).describe(what);

const frozenLakeOptions = z
  .object({
    desc: z
      .array(z.string())
      .nullable()
      .default(null)
      .superRefine((rows, context) => {
        const problem = rows === null ? undefined : frozenLakeMapProblem(rows);
        if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
      })
      .describe(
        'A custom map, one string per row: S start, F frozen, H hole, G goal (e.g. ["SFFF", "FHFH", "FFFH", "HFFG"]); ' +
          'overrides mapName. See generateRandomMap for random solvable maps.',
      ),
    mapName: z
      .enum(['4x4', '8x8'])
      .nullable()
      .default('4x4')
      .describe('A built-in map when desc is not given; null draws a random 8x8 map.'),
    isSlippery: z
      .boolean()
      .default(true)
      .describe('Whether a move may slip to one of the two perpendicular directions.'),
    successRate: probability(
      'On a slippery lake, the probability of moving in the intended direction; each perpendicular slip gets half the rest.',
      1 / 3,
    ),
    rewardSchedule: z
      .tuple([z.number(), z.number(), z.number()])
      .default([1, 0, 0])
      .describe('Rewards for stepping onto the goal, a hole, and a frozen (or start) tile.'),
  })
  .strict();

const cliffWalkingOptions = z
  .object({
    isSlippery: z
      .boolean()
      .default(false)
      .describe(
        'Whether a move may slip: intended and both perpendicular directions each have probability 1/3.',
      ),
  })
  .strict();

const taxiOptions = z
  .object({
    isRainy: z.boolean().default(false).describe('Whether a move may drift to a sideways square.'),
    ficklePassenger: z
      .boolean()
      .default(false)
      .describe(
        'Whether the passenger may change destination once, on the first move after being picked up.',
      ),
    rainyProbability: probability(
      'When rainy, the probability of moving as intended; each sideways drift gets half the rest.',
      0.8,
    ),
    fickleProbability: probability(
      'With a fickle passenger, the probability (drawn at reset) that they change their destination.',
      0.3,
    ),
  })
  .strict();

const blackjackOptions = z
  .object({
    natural: z
      .boolean()
      .default(false)
      .describe('Pay 1.5 instead of 1 for winning with a natural blackjack (ignored when sab is true).'),
    sab: z
      .boolean()
      .default(false)
      .describe(
        "Follow Sutton & Barto's rules exactly: a natural wins outright unless the dealer also has one (Blackjack-v1 sets it).",
      ),
  })
  .strict();

/**
 * The registrations of Gymnasium's toy-text environments: `FrozenLake-v1`, `FrozenLake8x8-v1`, `CliffWalking-v1`,
 * `CliffWalkingSlippery-v1`, `Taxi-v4` and `Blackjack-v1`, with Gymnasium's ids, default arguments, step limits and
 * reward thresholds.
 *
 * @example
 * ```ts
 * const registry = new Registry();
 * for (const registration of toyTextRegistrations) registry.register(registration);
 * registry.spec('FrozenLake8x8-v1').kwargs; // {mapName: '8x8'}
 * ```
 */
export const toyTextRegistrations: RegisterOptions[] = [
  {
    id: 'FrozenLake-v1',
    entryPoint: (options) => new FrozenLakeEnv(options),
    optionsSchema: frozenLakeOptions,
    kwargs: { mapName: '4x4' },
    maxEpisodeSteps: 100,
    rewardThreshold: 0.7,
    description:
      'Cross a frozen lake from start to goal without falling into a hole (4x4 map; slippery by default).',
  },
  {
    id: 'FrozenLake8x8-v1',
    entryPoint: (options) => new FrozenLakeEnv(options),
    optionsSchema: frozenLakeOptions,
    kwargs: { mapName: '8x8' },
    maxEpisodeSteps: 200,
    rewardThreshold: 0.85,
    description: 'FrozenLake on the 8x8 map.',
  },
  {
    id: 'CliffWalking-v1',
    entryPoint: (options) => new CliffWalkingEnv(options),
    optionsSchema: cliffWalkingOptions,
    description: 'Walk along a cliff on a 4x12 grid to the goal; falling costs -100 and restarts.',
  },
  {
    id: 'CliffWalkingSlippery-v1',
    entryPoint: (options) => new CliffWalkingEnv(options),
    optionsSchema: cliffWalkingOptions,
    kwargs: { isSlippery: true },
    description: 'CliffWalking where each move may slip to a perpendicular direction.',
  },
  {
    id: 'Taxi-v4',
    entryPoint: (options) => new TaxiEnv(options),
    optionsSchema: taxiOptions,
    maxEpisodeSteps: 200,
    rewardThreshold: 8,
    description: 'Drive a taxi on a 5x5 grid to pick up a passenger and drop them at their destination.',
  },
  {
    id: 'Blackjack-v1',
    entryPoint: (options) => new BlackjackEnv(options),
    optionsSchema: blackjackOptions,
    kwargs: { sab: true, natural: false },
    description: 'Beat the dealer at Blackjack: hit or stick, getting closer to 21 without going over.',
  },
];
