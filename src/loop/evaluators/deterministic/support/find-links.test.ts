import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLinks, type FoundLink } from './find-links.js';

/** The definition: both patterns run with the `u` flag over the whole text. */
function referenceLinks(text: string): FoundLink[] {
  const markdown = /(!?)\[([^\]\n]*)\]\(\s*<?([^()\s>]+(?:\([^()\s]*\)[^()\s>]*)*)>?(?:\s+"[^"\n]*")?\s*\)/gu;
  const bare = /\b(?:https?|ftp):\/\/[^\s<>"'`\])}]+|\bwww\.[^\s<>"'`\])}]+/giu;
  const links: FoundLink[] = [];
  const covered: [number, number][] = [];
  for (const match of text.matchAll(markdown)) {
    covered.push([match.index, match.index + match[0].length]);
    if (match[1] === '!') continue;
    links.push({ url: match[3]!, index: match.index, kind: 'markdown' });
  }
  for (const match of text.matchAll(bare)) {
    if (covered.some(([start, end]) => match.index >= start && match.index < end)) continue;
    links.push({ url: match[0].replace(/[.,;:!?*_~]+$/u, ''), index: match.index, kind: 'bare' });
  }
  return links.sort((a, b) => a.index - b.index);
}

/** Pieces of URLs and of what the `iu` flags read differently (ſ matches s, ſ and the Kelvin sign are word characters). */
const pieces = [
  'https://',
  'HTTP://',
  'httpſ://',
  'ftp://',
  'FTP://',
  'www.',
  'WWW.',
  'ſ',
  '\u212a',
  'K',
  'k',
  'x',
  '_',
  '9',
  'example.org',
  '/a',
  '(b)',
  '[see](',
  '![img](',
  ')',
  ']',
  '<',
  '>',
  '"',
  ' ',
  '\n',
  '.',
  ',',
  '😀',
  '\ud83d',
  'é',
];

describe('findLinks', () => {
  it('finds markdown links and bare URLs in order', () => {
    expect(findLinks('See [the report](https://example.org/r) and https://doi.org/10.1/x.')).toEqual([
      { url: 'https://example.org/r', index: 4, kind: 'markdown' },
      { url: 'https://doi.org/10.1/x', index: 44, kind: 'bare' },
    ]);
    expect(findLinks('no links here')).toEqual([]);
  });

  it('reads ſ and the Kelvin sign as the u flag does', () => {
    expect(findLinks('httpſ://example.org')).toEqual([
      { url: 'httpſ://example.org', index: 0, kind: 'bare' },
    ]);
    expect(findLinks('\u212awww.example.org')).toEqual([]);
    expect(findLinks('ſwww.example.org')).toEqual([]);
    expect(findLinks('Kwww.example.org')).toEqual([]);
    expect(findLinks('-www.example.org')).toEqual([{ url: 'www.example.org', index: 1, kind: 'bare' }]);
  });

  it('agrees with the u-flag patterns on any text (property)', () => {
    const text = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(findLinks(value)).toEqual(referenceLinks(value));
      }),
      { numRuns: 3000 },
    );
  });
});
