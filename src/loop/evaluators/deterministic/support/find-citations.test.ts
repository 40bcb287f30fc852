import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaskSource } from '../../../tasks/loop-task.js';
import { distinctCitations, findCitations } from './find-citations.js';
import { findLinks } from './find-links.js';
import { hostInDomain, parseWebUrl, urlKey } from './normalize-url.js';

const sources: TaskSource[] = [
  { id: 'S1', title: 'Roadmap', url: 'https://www.example.org/roadmap/', text: '' },
  { id: 'S2', title: 'Pilot', url: 'https://pilot.example.com/report', text: '' },
  { id: 'S3', title: 'No URL', text: '' },
];

describe('findLinks', () => {
  it('finds markdown links and bare URLs, not images, without trailing punctuation', () => {
    const text =
      'See [the report](https://example.org/r) and https://doi.org/10.1/x. ![chart](https://img.example.org/c.png) www.site.org/a,';
    expect(findLinks(text)).toEqual([
      { url: 'https://example.org/r', index: 4, kind: 'markdown' },
      { url: 'https://doi.org/10.1/x', index: 44, kind: 'bare' },
      { url: 'www.site.org/a', index: 108, kind: 'bare' },
    ]);
  });

  it('keeps balanced parentheses inside markdown link targets', () => {
    expect(findLinks('[w](https://en.wikipedia.org/wiki/Battery_(electricity))')[0]?.url).toBe(
      'https://en.wikipedia.org/wiki/Battery_(electricity)',
    );
  });
});

describe('urls', () => {
  it('parses only web URLs with a dotted host', () => {
    expect(parseWebUrl('https://Example.org/a')?.hostname).toBe('example.org');
    expect(parseWebUrl('www.example.org')?.protocol).toBe('https:');
    expect(parseWebUrl('htp:/broken')).toBeUndefined();
    expect(parseWebUrl('https://intranet/page')).toBeUndefined();
    expect(parseWebUrl('ftp://example.org/file')).toBeUndefined();
  });

  it('compares URLs without scheme, www, fragment or trailing slash', () => {
    expect(urlKey('https://www.example.org/roadmap/#s2')).toBe(urlKey('http://example.org/roadmap'));
    expect(urlKey('https://example.org/a?x=1')).not.toBe(urlKey('https://example.org/a?x=2'));
  });

  it('matches hosts to domains and their subdomains only', () => {
    expect(hostInDomain('docs.example.org', 'example.org')).toBe(true);
    expect(hostInDomain('www.example.org', '*.example.org')).toBe(true);
    expect(hostInDomain('badexample.org', 'example.org')).toBe(false);
  });
});

describe('findCitations', () => {
  it('resolves ids and source URLs to sources, flags unknown ids, ignores other brackets', () => {
    const text = [
      'Pilot lines open in 2027 [S1]. Cells ship later [s2, S9].',
      'Per http://example.org/roadmap and [Source: S3]; scores in [0, 1] and a [x] box.',
      'Elsewhere: https://news.example.net/story',
    ].join('\n');
    const citations = findCitations(text, sources);
    expect(citations.map((citation) => [citation.kind, citation.key])).toEqual([
      ['source', 'source:S1'],
      ['source', 'source:S2'],
      ['unknown_source', 'unknown:S9'],
      ['source', 'source:S1'],
      ['source', 'source:S3'],
      ['url', 'url:news.example.net/story'],
    ]);
    expect(distinctCitations(citations).map((citation) => citation.key)).toEqual([
      'source:S1',
      'source:S2',
      'source:S3',
      'unknown:S9',
      'url:news.example.net/story',
    ]);
  });

  it('treats bare numbers as ids only when some source id is a number', () => {
    expect(findCitations('see [3]', sources)).toEqual([]);
    const numbered = [{ id: '1', title: 'One', text: '' }];
    expect(findCitations('see [1] and [3]', numbered).map((citation) => citation.kind)).toEqual([
      'source',
      'unknown_source',
    ]);
  });

  it('never throws and always returns citations inside the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const citation of findCitations(text, sources)) {
          expect(citation.index).toBeGreaterThanOrEqual(0);
          expect(citation.index).toBeLessThan(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('hands out copies: changing a result does not change the next one, for the same or other sources', () => {
    const text = 'Pilots in 2027 [S1] and [S9].';
    const first = findCitations(text, sources);
    const expected = structuredClone(first);
    first[0]!.key = 'changed';
    first.pop();
    expect(findCitations(text, sources)).toEqual(expected);
    expect(findCitations(text, [])).toEqual([
      { key: 'unknown:S1', kind: 'unknown_source', sourceId: undefined, text: 'S1', index: 15 },
      { key: 'unknown:S9', kind: 'unknown_source', sourceId: undefined, text: 'S9', index: 24 },
    ]);
    expect(findCitations(text, sources)).toEqual(expected);
  });
});
