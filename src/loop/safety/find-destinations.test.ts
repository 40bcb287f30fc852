import { describe, expect, it } from 'vitest';
import { findDestinations, hostOf } from './find-destinations.js';

describe('hostOf', () => {
  it.each([
    ['https://Arxiv.org/abs/2401.00001', 'arxiv.org'],
    ['arxiv.org/abs/1', 'arxiv.org'],
    ['example.org:8080', 'example.org'],
    ['http://allowed.org@evil.example/', 'evil.example'],
    ['http://0x7f.1/admin', '127.0.0.1'],
    ['http://2852039166/latest', '169.254.169.254'],
    ['http://[::ffff:169.254.169.254]/', '[::ffff:a9fe:a9fe]'],
    ['ssh://git@10.0.0.5:22/repo.git', '10.0.0.5'],
    ['s3://My-Bucket/key', 'my-bucket'],
    ['https://bücher.example/', 'xn--bcher-kva.example'],
  ])('%s → %s', (value, host) => expect(hostOf(value)).toBe(host));

  it.each(['', 'two words', 'file:///etc/passwd', 'http://'])('has no host for %j', (value) => {
    expect(hostOf(value)).toBeUndefined();
  });
});

describe('findDestinations', () => {
  it('finds URLs, www addresses, bare IPs and local names, in order', () => {
    const text = 'See https://arxiv.org/abs/1 (or www.example.org), then 10.0.0.5:8080, [::1] and localhost.';
    expect(findDestinations(text).map(({ host, kind }) => `${kind}:${host}`)).toEqual([
      'url:arxiv.org',
      'url:www.example.org',
      'bare:10.0.0.5',
      'bare:[::1]',
      'bare:localhost',
    ]);
  });

  it('leaves sentence punctuation and unbalanced brackets out of a URL', () => {
    const text = 'Read (https://en.wikipedia.org/wiki/Rust_(programming_language)).';
    const [destination] = findDestinations(text);
    expect(text.slice(destination!.start, destination!.end)).toBe(
      'https://en.wikipedia.org/wiki/Rust_(programming_language)',
    );
  });

  it('does not take version numbers with more parts, or IPs inside URLs, twice', () => {
    expect(findDestinations('node 1.2.3.4.5 and http://10.0.0.1/x').map((found) => found.kind)).toEqual([
      'url',
    ]);
  });
});
