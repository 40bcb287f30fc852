import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSync } from '../../registry/make.js';
import { scoreGuess, WordleEnv, type LetterFeedback, type WordleInfo } from './wordle.js';
import { WORDLE_WORDS } from './wordle-words.js';

/** The secret of a seed, found by trying every word on a fresh episode. */
function secretOf(seed: number): string {
  const env = new WordleEnv();
  for (const word of WORDLE_WORDS) {
    env.resetSync({ seed });
    if (env.stepSync(word).reward === 1) return word;
  }
  throw new Error(`no word solves seed ${seed}`);
}

const word = fc.constantFrom(...WORDLE_WORDS);

describe('WORDLE_WORDS', () => {
  it('holds a few hundred distinct lowercase five-letter words, sorted', () => {
    expect(WORDLE_WORDS.length).toBeGreaterThanOrEqual(300);
    expect(WORDLE_WORDS.every((entry) => /^[a-z]{5}$/.test(entry))).toBe(true);
    expect(new Set(WORDLE_WORDS).size).toBe(WORDLE_WORDS.length);
    expect([...WORDLE_WORDS].sort()).toEqual(WORDLE_WORDS);
  });
});

describe('scoreGuess', () => {
  it('scores repeated letters as Wordle: right places first, each letter of the secret used once', () => {
    expect(scoreGuess('speed', 'abide')).toEqual(['absent', 'absent', 'present', 'absent', 'present']);
    expect(scoreGuess('geese', 'those')).toEqual(['absent', 'absent', 'absent', 'correct', 'correct']);
    expect(scoreGuess('lever', 'eerie')).toEqual(['absent', 'correct', 'absent', 'present', 'present']);
    expect(scoreGuess('plant', 'plant')).toEqual(Array<LetterFeedback>(5).fill('correct'));
  });

  it('marks correct exactly the matching places and never credits a letter more often than the secret has it', () => {
    fc.assert(
      fc.property(word, word, (guess, secret) => {
        const feedback = scoreGuess(guess, secret);
        for (let index = 0; index < 5; index++) {
          expect(feedback[index] === 'correct').toBe(guess[index] === secret[index]);
        }
        for (const letter of new Set(guess)) {
          const credited = Array.from(guess).filter(
            (c, index) => c === letter && feedback[index] !== 'absent',
          ).length;
          const inGuess = Array.from(guess).filter((c) => c === letter).length;
          const inSecret = Array.from(secret).filter((c) => c === letter).length;
          expect(credited).toBe(Math.min(inGuess, inSecret));
        }
      }),
    );
  });
});

describe('WordleEnv', () => {
  it('gives reward 1 and ends the episode when the secret is guessed, in any case and spacing', () => {
    const secret = secretOf(4);
    const env = new WordleEnv();
    env.resetSync({ seed: 4 });
    const other = secret === 'plant' ? 'crane' : 'plant';
    expect(env.stepSync(other).terminated).toBe(false);
    const result = env.stepSync(`  ${secret.toUpperCase()} `);
    expect(result).toMatchObject({ reward: 1, terminated: true, truncated: false });
    expect(result.info.guessesLeft).toBe(4);
    expect(result.observation).toContain('Solved in 2!');
    expect(result.observation).toContain(`2. ${secret.toUpperCase().split('').join(' ')}   + + + + +`);
  });

  it('loses after six wrong guesses, revealing the word', () => {
    const secret = secretOf(11);
    const env = new WordleEnv();
    env.resetSync({ seed: 11 });
    const wrong = WORDLE_WORDS.filter((entry) => entry !== secret).slice(0, 6);
    const results = wrong.map((guess) => env.stepSync(guess));
    expect(results.map((result) => result.terminated)).toEqual([false, false, false, false, false, true]);
    expect(results.every((result) => result.reward === 0)).toBe(true);
    expect(results.at(-1)!.observation).toContain(`Out of guesses. The word was ${secret.toUpperCase()}.`);
    expect(results.at(-1)!.info.guesses.map((guess) => guess.word)).toEqual(wrong);
  });

  it('answers an invalid guess in the observation without using a guess', () => {
    const env = new WordleEnv({ maxGuesses: 3 });
    env.resetSync({ seed: 0 });
    for (const action of ['xyzzy', 'hi', 'c r a n e', 'crane!', '', 'caf\u00e9s']) {
      const result = env.stepSync(action);
      expect(result).toMatchObject({ reward: 0, terminated: false, truncated: false });
      expect(result.info).toMatchObject<Partial<WordleInfo>>({
        invalidAction: true,
        guessesLeft: 3,
        guesses: [],
      });
      expect(result.info.error).toBeTypeOf('string');
      expect(result.observation).toContain('Invalid guess:');
      expect(env.observationSpace.contains(result.observation)).toBe(true);
    }
    const valid = env.stepSync('crane');
    expect(valid.info).toMatchObject({ invalidAction: false, error: null, guessesLeft: 2 });
  });

  it('replays from a seed and draws different secrets across seeds', () => {
    const secrets = [0, 1, 2, 3, 4, 5].map(secretOf);
    expect([0, 1, 2, 3, 4, 5].map(secretOf)).toEqual(secrets);
    expect(new Set(secrets).size).toBeGreaterThan(3);
  });

  it('renders as ansi exactly its observation', () => {
    const env = new WordleEnv({ renderMode: 'ansi' });
    env.resetSync({ seed: 0 });
    const { observation } = env.stepSync('crane');
    expect(env.render()).toBe(observation);
    expect(observation).toMatch(/^1\. C R A N E {3}[-+?] [-+?] [-+?] [-+?] [-+?]$/m);
  });

  it('is registered with a step limit of 20 that truncates endless invalid guesses', () => {
    const env = makeSync<string, string, WordleInfo>('text/wordle-v0');
    env.resetSync({ seed: 0 });
    let last = env.stepSync('?');
    for (let step = 2; step <= 20; step++) last = env.stepSync('?');
    expect(last).toMatchObject({ terminated: false, truncated: true });
    expect(() => makeSync('text/wordle-v0', { maxGuesses: 0 })).toThrow();
  });
});
