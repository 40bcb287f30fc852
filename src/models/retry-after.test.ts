import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryAfterFromHeaders } from './retry-after.js';

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, never negative', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('3', now)).toBe(3);
    expect(parseRetryAfter(' 0.25 ', now)).toBe(0.25);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:03 GMT', now)).toBe(3);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('prefers retry-after-ms', () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '250', 'retry-after': '5' }))).toBe(0.25);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': '5' }))).toBe(5);
    expect(retryAfterFromHeaders(undefined)).toBeUndefined();
  });
});
