import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collapseWhitespace,
  containsPhrase,
  createPhraseMatcher,
  foldText,
  quote,
} from './normalize-text.js';

/** The definitions the fast versions must agree with. */
const reference = {
  collapse: (text: string): string => text.replace(/\s+/gu, ' ').trim(),
  fold: (text: string): string => reference.collapse(text.normalize('NFKC').toLowerCase()),
  contains: (text: string, phrase: string): boolean => {
    const folded = reference.fold(phrase);
    return folded === '' || reference.fold(text).includes(folded);
  },
};

/** Text rich in what folding changes: every kind of whitespace, case pairs, compatibility forms, astral letters. */
const pieces = [
  'a',
  'B',
  'pilot',
  'Pilot',
  '2027',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '\r\n',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\u2028',
  '\ufeff',
  '\u0085',
  'ﬁ',
  'Ａ',
  'İ',
  'ß',
  'ſ',
  '\u212a',
  '𝐀',
  '😀',
  '-',
  '.',
];
const foldable = fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((parts) => parts.join(''));
const anyText = fc.oneof(foldable, fc.string({ unit: 'binary', maxLength: 24 }));

describe('collapseWhitespace and foldText', () => {
  it('collapse runs of whitespace into one space and trim', () => {
    expect(collapseWhitespace('  a \n\t b ')).toBe('a b');
    expect(collapseWhitespace('a b')).toBe('a b');
    expect(collapseWhitespace('a\u00a0b\u3000 c')).toBe('a b c');
    expect(foldText('Solid-State\n  Batteries')).toBe('solid-state batteries');
  });

  it('agree with replacing every \\s+ run, on any text (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(collapseWhitespace(text)).toBe(reference.collapse(text));
        expect(foldText(text)).toBe(reference.fold(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('containsPhrase and createPhraseMatcher', () => {
  it('match phrases regardless of case and spacing', () => {
    expect(containsPhrase('Pilot lines open in 2027.', 'pilot  LINES')).toBe(true);
    expect(containsPhrase('Pilot lines open in 2027.', '2028')).toBe(false);
    expect(containsPhrase('anything', '  ')).toBe(true);
    const contains = createPhraseMatcher('Pilot lines open in 2027.');
    expect(['pilot  LINES', '2028', 'open in', ''].map(contains)).toEqual([true, false, true, true]);
  });

  it('give the answer of the definition for any text and phrases, asked in any order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anyText, fc.array(anyText, { maxLength: 5 })), { minLength: 1, maxLength: 4 }),
        (cases) => {
          // Alternating texts exercises the memory of the last text folded.
          for (const [text, phrases] of cases) {
            const contains = createPhraseMatcher(text);
            for (const phrase of phrases) {
              const expected = reference.contains(text, phrase);
              expect(contains(phrase)).toBe(expected);
              expect(containsPhrase(text, phrase)).toBe(expected);
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('tell apart texts that differ only after the folded prefix', () => {
    const long = 'x'.repeat(500);
    expect(containsPhrase(`${long} alpha`, 'alpha')).toBe(true);
    expect(containsPhrase(`${long} beta`, 'alpha')).toBe(false);
    expect(containsPhrase(`${long} alpha`, 'alpha')).toBe(true);
  });
});

describe('quote', () => {
  it('collapses and cuts with an ellipsis', () => {
    expect(quote('a  very\nlong line indeed', 10)).toBe('a very lo…');
    expect(quote('short')).toBe('short');
  });
});
