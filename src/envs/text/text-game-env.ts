import type { EnvMetadata, Info } from '../../core/env.js';
import { SyncEnvBase, type EnvConstructorOptions } from '../../core/sync-env-base.js';
import { Text } from '../../spaces/text.js';

/** Printable ASCII (space to tilde) plus newline: every character a text environment writes or reads. */
export const PRINTABLE_CHARSET: string =
  '\n' + Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).join('');

/** The longest observation a text environment writes (the spaces allow this many characters). */
export const MAX_OBSERVATION_LENGTH = 4000;

/** The longest free-form command a text environment accepts as a valid action. */
export const MAX_COMMAND_LENGTH = 128;

/**
 * The observation space of the text environments: up to {@link MAX_OBSERVATION_LENGTH} printable characters.
 *
 * @example
 * ```ts
 * createTextObservationSpace().contains('You are in the hall.\n'); // true
 * ```
 */
export function createTextObservationSpace(): Text {
  return new Text(MAX_OBSERVATION_LENGTH, { minLength: 1, charset: PRINTABLE_CHARSET });
}

/**
 * The action space of free-form text commands: 0 to {@link MAX_COMMAND_LENGTH} printable characters. Environments
 * using it also accept other strings and answer them as invalid commands instead of throwing.
 *
 * @example
 * ```ts
 * createTextActionSpace().contains('go north'); // true
 * ```
 */
export function createTextActionSpace(): Text {
  return new Text(MAX_COMMAND_LENGTH, { minLength: 0, charset: PRINTABLE_CHARSET });
}

/** Render metadata shared by the text environments: only `ansi`, which equals the observation. */
export const TEXT_GAME_METADATA: EnvMetadata = { renderModes: ['ansi'], renderFps: 4 };

/**
 * Base of the text environments: the observation is the text a language model reads, and the `ansi` render returns
 * the same text. Subclasses write the text in {@link describe}.
 *
 * @example
 * ```ts
 * class Echo extends TextGameEnv<string> {
 *   readonly actionSpace = createTextActionSpace();
 *   private last = '';
 *   protected describe() { return `You said: ${this.last}\n`; }
 *   protected resetEpisode() { this.last = ''; return { observation: this.describe(), info: {} }; }
 *   stepSync(action: string) {
 *     this.last = action;
 *     return { observation: this.describe(), reward: 0, terminated: false, truncated: false, info: {} };
 *   }
 * }
 * ```
 */
export abstract class TextGameEnv<Act, I extends Info = Info> extends SyncEnvBase<string, Act, I> {
  readonly observationSpace: Text = createTextObservationSpace();

  constructor(options: EnvConstructorOptions = {}) {
    super(TEXT_GAME_METADATA, options);
  }

  /** The current text: what the last `reset` or `step` returned as observation. */
  protected abstract describe(): string;

  protected override renderAnsi(): string {
    return this.describe();
  }
}

/**
 * Makes free-form text safe for an observation: characters outside {@link PRINTABLE_CHARSET} become `?`, and long
 * text is cut to `maxLength` characters.
 *
 * @example
 * ```ts
 * toPrintable('caf\u00e9'); // 'caf?'
 * ```
 */
export function toPrintable(text: string, maxLength = 40): string {
  const characters = Array.from(text).map((character) =>
    PRINTABLE_CHARSET.includes(character) ? character : '?',
  );
  return characters.length > maxLength
    ? `${characters.slice(0, maxLength).join('')}...`
    : characters.join('');
}
