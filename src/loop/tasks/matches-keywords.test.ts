import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesKeywords } from './matches-keywords.js';

describe('matchesKeywords', () => {
  it('needs every group, and any phrase of a group, ignoring case', () => {
    const keywords = [['Pilot'], ['2027', '2028']];
    expect(matchesKeywords(keywords, 'pilot lines reach small volumes in 2028')).toBe(true);
    expect(matchesKeywords(keywords, 'pilot lines exist')).toBe(false);
    expect(matchesKeywords(keywords, 'volumes in 2027')).toBe(false);
  });

  it('ignores spacing and Unicode form', () => {
    expect(matchesKeywords([['raise  ValueError']], 'raise\n    ValueError(text)')).toBe(true);
    expect(matchesKeywords([['ﬁne-tuning']], 'Fine-tuning works')).toBe(true);
  });

  it('never matches without groups', () => {
    expect(matchesKeywords([], 'anything')).toBe(false);
  });

  it('matches any text that contains one phrase of each group', () => {
    const phrase = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9 ]{0,7}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(phrase, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (groups, pick) => {
          const text = groups.map((group) => group[pick % group.length]!.toUpperCase()).join(' … ');
          expect(matchesKeywords(groups, text)).toBe(true);
        },
      ),
      { seed: 20261124 },
    );
  });
});
