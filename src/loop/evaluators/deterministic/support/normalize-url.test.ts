import { describe, expect, it } from 'vitest';
import { hostInDomain, parseWebUrl, urlKey } from './normalize-url.js';

describe('urlKey', () => {
  it('gives two spellings of a page the same key, and none to a malformed URL, every time it is asked', () => {
    for (let round = 0; round < 2; round++) {
      expect(urlKey('https://www.Example.org/report/#s2')).toBe('example.org/report');
      expect(urlKey('http://example.org/report')).toBe('example.org/report');
      expect(urlKey('www.example.org:8080/a/?q=1')).toBe('example.org:8080/a?q=1');
      expect(urlKey('htp:/broken')).toBeUndefined();
      expect(urlKey('https://localhost/x')).toBe('localhost/x');
      expect(urlKey('https://intranet/x')).toBeUndefined();
    }
  });

  it('agrees with parsing the URL afresh for many URLs (past the memory of recent ones)', () => {
    for (let index = 0; index < 5000; index++) {
      const url = `https://www.site${index % 4500}.example.org/p/${index % 7}/`;
      const parsed = parseWebUrl(url)!;
      expect(urlKey(url)).toBe(`${parsed.hostname.replace(/^www\./u, '')}/p/${index % 7}`);
    }
  });
});

describe('hostInDomain', () => {
  it('accepts the domain and its subdomains only', () => {
    expect(hostInDomain('docs.example.org', 'example.org')).toBe(true);
    expect(hostInDomain('badexample.org', 'example.org')).toBe(false);
    expect(hostInDomain('www.example.org', '*.example.org')).toBe(true);
  });
});
