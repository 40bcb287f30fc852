// BM25: scores computed by hand, and properties of the ranking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Bm25Index, bm25Terms } from './bm25-index.js';

describe('Bm25Index', () => {
  const index = new Bm25Index([
    { id: 'a', text: 'Cat cat dog' },
    { id: 'b', text: 'dog' },
  ]);

  it('scores as Okapi BM25 does (k1 1.2, b 0.75, idf ln(1 + (N − n + 0.5) / (n + 0.5)))', () => {
    // "cat": in a only (n = 1 of N = 2), twice, a has 3 terms, the average is 2.
    const idf = Math.log(1 + 1.5 / 1.5);
    const norm = 1 - 0.75 + (0.75 * 3) / 2;
    expect(index.search('cat')).toEqual([{ id: 'a', score: (idf * 2 * 2.2) / (2 + 1.2 * norm) }]);
    // "dog" is in both: a lower idf, and the shorter document ranks first.
    const hits = index.search('dog');
    expect(hits.map((hit) => hit.id)).toEqual(['b', 'a']);
    expect(index.idf('dog')).toBeCloseTo(Math.log(1 + 0.5 / 2.5), 12);
  });

  it('leaves out documents sharing no term, counts a repeated query term once, and obeys the limit', () => {
    expect(index.search('bird')).toEqual([]);
    expect(index.search('cat cat cat')).toEqual(index.search('cat'));
    expect(index.search('dog', 1)).toHaveLength(1);
    expect(new Bm25Index([]).search('anything')).toEqual([]);
  });

  it('splits words on anything but letters and digits, ignoring case', () => {
    expect(bm25Terms('What changed in v0.2? top_k → Limit')).toEqual([
      'what',
      'changed',
      'in',
      'v0',
      '2',
      'top',
      'k',
      'limit',
    ]);
  });

  it('ranks a document that gains a query term no lower, and scores are positive and sorted', () => {
    const word = fc.constantFrom('index', 'rank', 'passage', 'policy', 'tool', 'shell', 'seed');
    const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 6 }), word, (texts, term) => {
        const documents = texts.map((body, position) => ({ id: `d${position}`, text: body }));
        const hits = new Bm25Index(documents).search(term);
        for (const [position, hit] of hits.entries()) {
          expect(hit.score).toBeGreaterThan(0);
          if (position > 0) expect(hit.score).toBeLessThanOrEqual(hits[position - 1]!.score);
        }
        expect(hits.map((hit) => hit.id).sort()).toEqual(
          documents
            .filter((document) => bm25Terms(document.text).includes(term))
            .map((document) => document.id)
            .sort(),
        );
      }),
    );
  });
});
