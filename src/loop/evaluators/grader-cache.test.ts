import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EvaluatorVerdict } from './evaluator-verdict.js';
import { DIGESTS_CAPACITY, GraderCache } from './grader-cache.js';

const verdict = (score: number): EvaluatorVerdict => ({
  score,
  passed: score >= 1,
  failureCodes: [],
  remediationHints: [],
  summary: '',
  dimensionScores: {},
  details: {},
});

describe('GraderCache', () => {
  it('keys parts by the SHA-256 of their JSON, so equal content gives equal keys', () => {
    const parts = [
      'evaluators.fact_coverage',
      'rs-001',
      null,
      { pass_threshold: 1 },
      [['writer', 'markdown', 'é 😀']],
    ];
    const expected = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
    expect(GraderCache.key(parts)).toBe(expected);
    expect(GraderCache.key(structuredClone(parts))).toBe(expected);
    expect(GraderCache.key([...parts.slice(0, 4), [['writer', 'markdown', 'other']]])).not.toBe(expected);
  });

  it('counts hits and misses and forgets the least recently used beyond its capacity', () => {
    const cache = new GraderCache(2);
    cache.set('a', verdict(1));
    cache.set('b', verdict(0.5));
    expect(cache.get('a')?.score).toBe(1);
    cache.set('c', verdict(0));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.score).toBe(1);
    expect(cache.get('c')?.score).toBe(0);
    expect(cache.size).toBe(2);
    expect([cache.hits, cache.misses]).toEqual([3, 1]);
  });

  it('digests a text as its SHA-256, the same when remembered and after being forgotten', () => {
    const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
    const texts = ['', 'abc', 'é 😀\n', 'x'.repeat(10_000)];
    for (const text of texts) expect(GraderCache.digest(text)).toBe(sha(text));
    for (const text of texts) expect(GraderCache.digest(text)).toBe(sha(text));
    for (let index = 0; index < DIGESTS_CAPACITY + 10; index++) GraderCache.digest(`filler ${index}`);
    for (const text of texts) expect(GraderCache.digest(text)).toBe(sha(text));
    expect(GraderCache.digest('abc')).not.toBe(GraderCache.digest('abd'));
  });
});
