import { describeValue, InvalidArgumentError } from '../core/errors.js';
import type { Rng } from '../core/random/rng.js';
import type { JsonSchema, Space, SpaceJson } from '../core/space.js';
import { comparePythonStrings } from './python-repr.js';

/** Gymnasium's default charset: the Latin letters and digits (here in code-point order). */
export const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * What `Text.sample` accepts: a fixed `length` (else one is drawn), and either a 0/1 `mask` over the charset
 * (characters allowed with equal probability; a mask allowing nothing gives `''`, which needs `minLength` 0) or a
 * `probability` per character.
 */
export type TextMask =
  | { readonly length?: number; readonly mask?: ArrayLike<number | boolean> }
  | { readonly length?: number; readonly probability: ArrayLike<number> };

/** Options of {@link Text}. */
export interface TextOptions {
  /** The shortest allowed string (default 1). */
  readonly minLength?: number;
  /** The characters strings are made of, in sampling order (default {@link ALPHANUMERIC}). */
  readonly charset?: string | readonly string[];
}

/**
 * Strings of `minLength` to `maxLength` characters (code points) from a charset, as Gymnasium's `Text`.
 *
 * Sampling is Gymnasium's: the length is `integers(minLength, maxLength + 1)`, then the characters are
 * `choice(charset, length, p)` with uniform `p` unless a mask says otherwise. Gymnasium stores its default charset in
 * a `frozenset`, whose order (and so its samples) depends on Python's hash seed; LoopGym's default is the same
 * characters in code-point order, which matches Gymnasium given `charset=ALPHANUMERIC` as a string.
 *
 * @example
 * ```ts
 * const words = new Text(5, { charset: 'abc' });
 * words.sample(createRng(0)); // as Text(5, charset='abc', seed=0).sample()
 * words.contains('abca'); // true
 * words.toString(); // 'Text(1, 5, charset=abc)'
 * ```
 */
export class Text implements Space<string, TextMask> {
  readonly type = 'Text';
  readonly shape = undefined;
  readonly dtype = undefined;
  readonly minLength: number;
  readonly maxLength: number;
  /** The characters in sampling order. */
  readonly characterList: readonly string[];
  /** The characters sorted by code point, as printed by `toString`. */
  readonly characters: string;
  private readonly indices: ReadonlyMap<string, number>;

  constructor(maxLength: number, options: TextOptions = {}) {
    const minLength = options.minLength ?? 1;
    if (
      !Number.isSafeInteger(minLength) ||
      !Number.isSafeInteger(maxLength) ||
      minLength < 0 ||
      minLength > maxLength
    ) {
      throw new InvalidArgumentError(
        `Text: lengths must be integers with 0 <= minLength <= maxLength, got minLength ${minLength}, maxLength ${maxLength}.`,
      );
    }
    const charset = options.charset ?? ALPHANUMERIC;
    const list = typeof charset === 'string' ? Array.from(charset) : [...charset];
    if (list.length === 0 || !list.every((c) => typeof c === 'string' && Array.from(c).length === 1)) {
      throw new InvalidArgumentError(
        `Text: charset must hold at least one character, one per entry, got ${describeValue(charset)}.`,
      );
    }
    const indices = new Map(list.map((c, i) => [c, i]));
    if (indices.size !== list.length) {
      throw new InvalidArgumentError(
        `Text: charset has repeated characters (${describeValue(list.join(''))}); list each once.`,
      );
    }
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.characterList = list;
    this.indices = indices;
    this.characters = [...list].sort(comparePythonStrings).join('');
  }

  /** The position of `character` in the charset (used by `flatten`), or -1. */
  characterIndex(character: string): number {
    return this.indices.get(character) ?? -1;
  }

  contains(x: unknown): x is string {
    if (typeof x !== 'string') return false;
    const characters = Array.from(x);
    return (
      characters.length >= this.minLength &&
      characters.length <= this.maxLength &&
      characters.every((c) => this.indices.has(c))
    );
  }

  sample(rng: Rng, mask?: TextMask): string {
    const count = this.characterList.length;
    let length = mask?.length;
    let p: Float64Array | undefined;
    if (
      length !== undefined &&
      (!Number.isSafeInteger(length) || length < this.minLength || length > this.maxLength)
    ) {
      throw new InvalidArgumentError(
        `Text.sample: length must be an integer in [${this.minLength}, ${this.maxLength}], got ${describeValue(length)}.`,
      );
    }
    if (mask !== undefined && 'probability' in mask) {
      p = this.checkWeights(mask.probability, 'probability');
      if (!p.every((v) => v >= 0 && v <= 1))
        throw new InvalidArgumentError('Text.sample: probabilities must be within [0, 1].');
      const total = p.reduce((a, b) => a + b, 0);
      if (!(Math.abs(total - 1) <= 1e-8 + 1e-5)) {
        throw new InvalidArgumentError(`Text.sample: the probabilities sum to ${total}, not 1.`);
      }
    } else if (mask?.mask !== undefined) {
      const flags = this.checkWeights(mask.mask, 'mask');
      if (!flags.every((v) => v === 0 || v === 1))
        throw new InvalidArgumentError('Text.sample: mask values must be 0 or 1.');
      const allowed = flags.reduce((a, b) => a + b, 0);
      p = allowed > 0 ? flags.map((v) => v / allowed) : flags;
    }
    length ??= rng.integers(this.minLength, this.maxLength + 1);
    p ??= new Float64Array(count).fill(1 / count);
    if (p.every((v) => v === 0)) {
      if (this.minLength === 0) return '';
      throw new InvalidArgumentError(
        `Text.sample: the mask allows no character, but strings need at least ${this.minLength}; allow one or set minLength 0.`,
      );
    }
    return rng.choiceArray(this.characterList, length, { p }).join('');
  }

  toJSON(): SpaceJson {
    return {
      type: this.type,
      maxLength: this.maxLength,
      minLength: this.minLength,
      charset: this.characterList.join(''),
    };
  }

  toJsonSchema(): JsonSchema {
    const characterClass = this.characterList.map(escapeForClass).join('');
    return {
      type: 'string',
      minLength: this.minLength,
      maxLength: this.maxLength,
      pattern: `^[${characterClass}]*$`,
    };
  }

  toJsonValue(x: string): string {
    return x;
  }

  fromJsonValue(value: unknown): string {
    if (!this.contains(value))
      throw new InvalidArgumentError(`${describeValue(value)} is not an element of ${this.toString()}.`);
    return value;
  }

  /** Same lengths and the same set of characters (as Gymnasium: the charset's order is not compared). */
  equals(other: Space<unknown, unknown>): boolean {
    return (
      other instanceof Text &&
      other.minLength === this.minLength &&
      other.maxLength === this.maxLength &&
      other.characters === this.characters
    );
  }

  /** Gymnasium's `repr`: `Text(1, 5, charset=abc)`. */
  toString(): string {
    return `Text(${this.minLength}, ${this.maxLength}, charset=${this.characters})`;
  }

  private checkWeights(values: ArrayLike<number | boolean>, what: string): Float64Array {
    if (values === null || typeof values !== 'object' || values.length !== this.characterList.length) {
      throw new InvalidArgumentError(
        `Text.sample: ${what} must have one entry per charset character (${this.characterList.length}), got ${describeValue(values)}.`,
      );
    }
    return Float64Array.from(Array.from(values, Number));
  }
}

/** A character escaped for a JSON Schema (ECMAScript, `u` flag) character class. */
function escapeForClass(character: string): string {
  if (/^[\p{L}\p{N} ]$/u.test(character)) return character;
  const code = character.codePointAt(0)!;
  return code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}
