import { InvalidArgumentError } from '../../core/errors.js';
import type { ResetResult, StepResult } from '../../core/env.js';
import type { EnvConstructorOptions } from '../../core/sync-env-base.js';
import type { Text } from '../../spaces/text.js';
import { createTextActionSpace, TextGameEnv, toPrintable } from './text-game-env.js';
import { WORDLE_WORDS } from './wordle-words.js';

/** How one letter of a guess compares with the secret. */
export type LetterFeedback = 'correct' | 'present' | 'absent';

/** Constructor options of {@link WordleEnv}. */
export interface WordleOptions extends EnvConstructorOptions {
  /** Guesses allowed before the game is lost (default 6). */
  maxGuesses?: number | undefined;
}

/** One scored guess. */
export interface WordleGuess {
  word: string;
  feedback: LetterFeedback[];
}

/** The info of {@link WordleEnv}. */
export interface WordleInfo extends Record<string, unknown> {
  /** The scored guesses so far, oldest first. */
  guesses: WordleGuess[];
  /** Guesses left before the game is lost. */
  guessesLeft: number;
  /** Whether the last action was rejected (not a five-letter word from the list); rejected guesses cost no guess. */
  invalidAction: boolean;
  /** Why the last action was rejected, or `null`. */
  error: string | null;
}

const SYMBOLS: Record<LetterFeedback, string> = { correct: '+', present: '?', absent: '-' };

/**
 * Scores a guess against the secret as Wordle does: `correct` for the right letter in the right place, `present` for
 * a letter of the secret in another place (each letter of the secret is matched at most once, right places first),
 * `absent` otherwise.
 *
 * @example
 * ```ts
 * scoreGuess('speed', 'abide'); // ['absent', 'absent', 'present', 'absent', 'present']
 * scoreGuess('plant', 'plant'); // five 'correct'
 * ```
 */
export function scoreGuess(guess: string, secret: string): LetterFeedback[] {
  const feedback: LetterFeedback[] = Array.from({ length: guess.length }, () => 'absent');
  const unmatched = new Map<string, number>();
  for (let index = 0; index < secret.length; index++) {
    const letter = secret[index]!;
    if (guess[index] === letter) feedback[index] = 'correct';
    else unmatched.set(letter, (unmatched.get(letter) ?? 0) + 1);
  }
  for (let index = 0; index < guess.length; index++) {
    const letter = guess[index]!;
    const left = unmatched.get(letter) ?? 0;
    if (feedback[index] !== 'correct' && left > 0) {
      feedback[index] = 'present';
      unmatched.set(letter, left - 1);
    }
  }
  return feedback;
}

/**
 * Wordle: find a secret five-letter word (drawn from {@link WORDLE_WORDS} by the seed) in six guesses. The action is
 * free text; it is trimmed and lowercased, and must then be a word of the list. Each letter of a valid guess is
 * marked `+` (right place), `?` (in the word, elsewhere) or `-` (not in the word). A rejected action does not crash
 * or cost a guess: reward 0, the observation says why, and `info.invalidAction` is true. Solving gives reward 1 and
 * ends the episode; running out of guesses ends it with 0.
 *
 * @example
 * ```ts
 * const env = new WordleEnv();
 * env.resetSync({ seed: 1 });
 * const { info } = env.stepSync('crane'); // info.guesses[0].feedback, e.g. ['absent', 'present', ...]
 * ```
 */
export class WordleEnv extends TextGameEnv<string, WordleInfo> {
  readonly actionSpace: Text = createTextActionSpace();
  readonly maxGuesses: number;
  private secret = '';
  private guesses: WordleGuess[] = [];
  private message = '';
  private static readonly allowed: ReadonlySet<string> = new Set(WORDLE_WORDS);

  constructor(options: WordleOptions = {}) {
    super(options);
    const maxGuesses = options.maxGuesses ?? 6;
    if (!Number.isSafeInteger(maxGuesses) || maxGuesses < 1) {
      throw new InvalidArgumentError(`WordleEnv: maxGuesses must be a positive integer, got ${maxGuesses}.`);
    }
    this.maxGuesses = maxGuesses;
  }

  protected resetEpisode(): ResetResult<string, WordleInfo> {
    this.secret = WORDLE_WORDS[this.rng.integers(WORDLE_WORDS.length)]!;
    this.guesses = [];
    this.message = '';
    return { observation: this.describe(), info: this.info(null) };
  }

  stepSync(action: string): StepResult<string, WordleInfo> {
    const word = typeof action === 'string' ? action.trim().toLowerCase() : '';
    const error = this.problemWith(word, action);
    if (error !== null) {
      this.message = `Invalid guess: ${error} It did not count as a guess.`;
      return {
        observation: this.describe(),
        reward: 0,
        terminated: false,
        truncated: false,
        info: this.info(error),
      };
    }
    this.guesses.push({ word, feedback: scoreGuess(word, this.secret) });
    const solved = word === this.secret;
    const lost = !solved && this.guesses.length >= this.maxGuesses;
    this.message = solved
      ? `Solved in ${this.guesses.length}!`
      : lost
        ? `Out of guesses. The word was ${this.secret.toUpperCase()}.`
        : '';
    return {
      observation: this.describe(),
      reward: solved ? 1 : 0,
      terminated: solved || lost,
      truncated: false,
      info: this.info(null),
    };
  }

  protected describe(): string {
    const lines = [
      `Wordle: guess the secret five-letter English word in ${this.maxGuesses} tries. Answer with one word.`,
      'After each guess every letter is marked: + right place, ? in the word but elsewhere, - not in the word.',
    ];
    for (const [index, guess] of this.guesses.entries()) {
      const letters = guess.word.toUpperCase().split('').join(' ');
      const marks = guess.feedback.map((mark) => SYMBOLS[mark]).join(' ');
      lines.push(`${index + 1}. ${letters}   ${marks}`);
    }
    if (this.message !== '') lines.push(this.message);
    lines.push(`Guesses left: ${this.maxGuesses - this.guesses.length}.`);
    return `${lines.join('\n')}\n`;
  }

  private problemWith(word: string, action: unknown): string | null {
    if (typeof action !== 'string') return 'the answer must be text.';
    if (!/^[a-z]{5}$/.test(word)) return `"${toPrintable(action)}" is not five letters A to Z.`;
    if (!WordleEnv.allowed.has(word)) return `"${word}" is not in the word list.`;
    return null;
  }

  private info(error: string | null): WordleInfo {
    return {
      guesses: this.guesses.map((guess) => ({ word: guess.word, feedback: [...guess.feedback] })),
      guessesLeft: this.maxGuesses - this.guesses.length,
      invalidAction: error !== null,
      error,
    };
  }
}
