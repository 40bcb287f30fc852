import { z } from 'zod';
import type { RegisterOptions } from '../../registry/registry.js';
import { AdventureEnv } from './adventure.js';
import { GuessNumberEnv } from './guess-number.js';
import { TicTacToeEnv } from './tic-tac-toe.js';
import { WordleEnv } from './wordle.js';

const guessNumberOptions = z
  .object({
    low: z.number().int().default(1).describe('The smallest possible secret.'),
    high: z.number().int().default(100).describe('The largest possible secret (greater than low).'),
  })
  .strict()
  .refine((options) => options.low < options.high && options.high - options.low <= 1_000_000, {
    message: 'low must be less than high, and the range at most 1000000 wide.',
  });

const wordleOptions = z
  .object({
    maxGuesses: z.number().int().min(1).default(6).describe('Guesses allowed before the game is lost.'),
  })
  .strict();

const ticTacToeOptions = z
  .object({
    opponentStarts: z.boolean().default(false).describe('Whether the scripted opponent (O) moves first.'),
    invalidMoveReward: z
      .number()
      .default(0)
      .describe('Reward for choosing a taken cell (the board does not change).'),
  })
  .strict();

const adventureOptions = z
  .object({
    stepPenalty: z.number().min(0).default(0).describe('Subtracted from the reward of every step.'),
  })
  .strict();

/**
 * The registrations of the text environments for language models: `text/guess-number-v0`, `text/wordle-v0`,
 * `text/tictactoe-v0` and `text/adventure-v0`. Observations are text (the ansi render is the same text).
 *
 * @example
 * ```ts
 * const registry = new Registry();
 * for (const registration of textRegistrations) registry.register(registration);
 * registry.spec('text/wordle-v0').maxEpisodeSteps; // 20
 * ```
 */
export const textRegistrations: RegisterOptions[] = [
  {
    id: 'text/guess-number-v0',
    entryPoint: (options) => new GuessNumberEnv(options),
    optionsSchema: guessNumberOptions,
    maxEpisodeSteps: 20,
    description: 'Guess a secret integer from 1 to 100; each wrong guess is told higher or lower.',
  },
  {
    id: 'text/wordle-v0',
    entryPoint: (options) => new WordleEnv(options),
    optionsSchema: wordleOptions,
    maxEpisodeSteps: 20,
    description: 'Find a secret five-letter word in six guesses with per-letter feedback; actions are text.',
  },
  {
    id: 'text/tictactoe-v0',
    entryPoint: (options) => new TicTacToeEnv(options),
    optionsSchema: ticTacToeOptions,
    maxEpisodeSteps: 30,
    description:
      'Tic-tac-toe as X against a scripted opponent that wins or blocks when it can; actions are cells 1 to 9.',
  },
  {
    id: 'text/adventure-v0',
    entryPoint: (options) => new AdventureEnv(options),
    optionsSchema: adventureOptions,
    maxEpisodeSteps: 50,
    description:
      'A small text adventure: find the key, open the door, reach the garden; actions are text commands.',
  },
];
