import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from './count-words.js';

/** The definition: whitespace-separated tokens holding a letter or a digit. */
function referenceCount(text: string): number {
  return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

const pieces = [
  'word',
  'Ünïcödé',
  '2027',
  '##',
  '-',
  '**',
  '|',
  ' ',
  '\n',
  '\t',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\u0085',
  '\ufeff',
  '½',
  '٣',
  '—',
  '𝐀',
  '😀',
  '\ud800',
  '\udc00',
  '_',
];

describe('countWords', () => {
  it('counts tokens with a letter or a digit', () => {
    expect(countWords('## Summary\n- Solid-state cells ship in 2027.')).toBe(6);
    expect(countWords('  --- ** # ')).toBe(0);
    expect(countWords('')).toBe(0);
    expect(countWords('a\u00a0b\u3000c')).toBe(3);
    expect(countWords('𝐀 😀 ½')).toBe(2);
  });

  it('agrees with splitting at whitespace on any text (property)', () => {
    const text = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(countWords(value)).toBe(referenceCount(value));
      }),
      { numRuns: 3000 },
    );
  });
});
