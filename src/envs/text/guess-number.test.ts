import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidActionError, InvalidArgumentError } from '../../core/errors.js';
import { makeSync } from '../../registry/make.js';
import { GuessNumberEnv, parseGuess, type GuessNumberInfo } from './guess-number.js';

/** Plays a binary search; returns the guesses and the last step. */
function binarySearch(env: GuessNumberEnv, seed: number) {
  let { info } = env.resetSync({ seed });
  const guesses: number[] = [];
  for (;;) {
    const guess = Math.floor((info.low + info.high) / 2);
    guesses.push(guess);
    const result = env.stepSync(guess);
    info = result.info;
    if (result.terminated) return { guesses, result };
    expect(result.reward).toBe(0);
  }
}

describe('GuessNumberEnv', () => {
  it('solves by binary search within ceil(log2(100)) guesses, with reward 1 on the right guess', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), (seed) => {
        const { guesses, result } = binarySearch(new GuessNumberEnv(), seed);
        expect(guesses.length).toBeLessThanOrEqual(7);
        expect(result.reward).toBe(1);
        expect(result.info.feedback).toBe('correct');
        expect(result.observation).toContain(`Correct! The secret is ${guesses.at(-1)}.`);
      }),
      { numRuns: 50 },
    );
  });

  it('says higher below the secret and lower above it, narrowing the range in the info', () => {
    const env = new GuessNumberEnv({ low: 1, high: 10 });
    const secret = binarySearch(env, 3).guesses.at(-1)!;
    env.resetSync({ seed: 3 });
    for (let guess = 1; guess <= 10; guess++) {
      if (guess === secret) continue;
      const { info, observation, terminated } = env.stepSync(guess);
      expect(terminated).toBe(false);
      expect(info.feedback).toBe(guess < secret ? 'higher' : 'lower');
      expect(observation).toContain(guess < secret ? 'the secret is higher' : 'the secret is lower');
      expect(info.low).toBeLessThanOrEqual(secret);
      expect(info.high).toBeGreaterThanOrEqual(secret);
    }
    const last = env.stepSync(secret).info;
    expect(last).toEqual<GuessNumberInfo>({ low: secret, high: secret, guesses: 10, feedback: 'correct' });
  });

  it('draws the same secret from the same seed and different secrets across seeds', () => {
    const secrets = [0, 1, 2, 3, 4, 5, 6, 7].map((seed) =>
      binarySearch(new GuessNumberEnv(), seed).guesses.at(-1),
    );
    expect(secrets).toEqual(
      [0, 1, 2, 3, 4, 5, 6, 7].map((seed) => binarySearch(new GuessNumberEnv(), seed).guesses.at(-1)),
    );
    expect(new Set(secrets).size).toBeGreaterThan(4);
  });

  it('throws InvalidActionError for a guess outside the range and rejects a bad range', () => {
    const env = new GuessNumberEnv({ low: 1, high: 10 });
    env.resetSync({ seed: 0 });
    expect(() => env.stepSync(0)).toThrow(InvalidActionError);
    expect(() => env.stepSync(11)).toThrow(InvalidActionError);
    expect(() => env.stepSync(2.5)).toThrow(InvalidActionError);
    expect(() => new GuessNumberEnv({ low: 5, high: 5 })).toThrow(InvalidArgumentError);
  });

  it('renders as ansi exactly its observation', () => {
    const env = new GuessNumberEnv({ renderMode: 'ansi' });
    const { observation } = env.resetSync({ seed: 0 });
    expect(env.render()).toBe(observation);
    expect(env.render()).toBe('Guess the secret integer from 1 to 100. Answer with one integer.\n');
    expect(env.stepSync(50).observation).toBe(env.render());
  });

  it('is truncated by its registered step limit of 20 when never right', () => {
    const env = makeSync<string, number, GuessNumberInfo>('text/guess-number-v0');
    const secret = binarySearch(new GuessNumberEnv(), 9).guesses.at(-1)!;
    env.resetSync({ seed: 9 });
    const wrong = secret === 1 ? 2 : 1;
    for (let step = 1; step <= 20; step++) {
      const result = env.stepSync(wrong);
      expect(result.terminated).toBe(false);
      expect(result.truncated).toBe(step === 20);
    }
    expect(() => makeSync('text/guess-number-v0', { low: 7, high: 3 })).toThrow();
  });
});

describe('parseGuess', () => {
  it('reads the first integer of an answer', () => {
    expect(parseGuess('I guess 42.')).toBe(42);
    expect(parseGuess('  7 ')).toBe(7);
    expect(parseGuess('between 3 and 9')).toBe(3);
    expect(parseGuess('no idea')).toBeUndefined();
  });
});
