import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { ApiCallError, ModelTimeoutError } from './model-errors.js';
import { isConnectionError, isRetryableStatus, toApiCallError } from './to-api-call-error.js';

describe('toApiCallError', () => {
  it('retries 408, 409, 429 and 5xx, and nothing else', () => {
    const retryable = [408, 409, 429, 500, 502, 503, 504, 529];
    const final = [400, 401, 403, 404, 413, 422];
    for (const status of retryable) expect(isRetryableStatus(status)).toBe(true);
    for (const status of final) expect(isRetryableStatus(status)).toBe(false);
    for (const status of [...retryable, ...final]) {
      const error = toApiCallError(
        OpenAI.APIError.generate(status, { error: { message: 'x' } }, undefined, new Headers()),
        'openai',
      );
      expect(error).toBeInstanceOf(ApiCallError);
      expect((error as ApiCallError).status).toBe(status);
      expect((error as ApiCallError).isRetryable).toBe(retryable.includes(status));
    }
  });

  it('reads Retry-After in seconds or as a date, and retry-after-ms', () => {
    const withHeaders = (headers: Record<string, string>): ApiCallError =>
      toApiCallError(
        OpenAI.APIError.generate(429, { error: { message: 'slow down' } }, undefined, new Headers(headers)),
        'openai',
      ) as ApiCallError;
    expect(withHeaders({ 'retry-after': '7' }).retryAfterSeconds).toBe(7);
    expect(withHeaders({ 'retry-after-ms': '1500', 'retry-after': '9' }).retryAfterSeconds).toBe(1.5);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const fromDate = withHeaders({ 'retry-after': inTenSeconds }).retryAfterSeconds!;
    expect(fromDate).toBeGreaterThan(8);
    expect(fromDate).toBeLessThanOrEqual(10);
    expect(withHeaders({}).retryAfterSeconds).toBeUndefined();
    expect(withHeaders({}).message).toMatch(/429.*lower the concurrency/);
  });

  it('treats dropped connections and unreadable answers as retryable, other errors as final', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const fetchFailed = new TypeError('fetch failed', { cause: reset });
    for (const error of [
      reset,
      fetchFailed,
      new Error('socket hang up'),
      new OpenAI.APIConnectionError({ cause: reset }),
      new OpenAI.APIConnectionTimeoutError(),
    ]) {
      expect(isConnectionError(error)).toBe(true);
      expect((toApiCallError(error, 'openai') as ApiCallError).isRetryable).toBe(true);
    }
    const garbled = toApiCallError(new SyntaxError('Unexpected token < in JSON'), 'openai') as ApiCallError;
    expect(garbled.isRetryable).toBe(true);
    expect(garbled.message).toMatch(/not valid JSON/);
    expect((toApiCallError(new Error('bad things'), 'openai') as ApiCallError).isRetryable).toBe(false);
    expect((toApiCallError('a string', 'openai') as ApiCallError).isRetryable).toBe(false);
  });

  it('keeps its own errors as they are', () => {
    const timeout = new ModelTimeoutError('openai:x', 10);
    expect(toApiCallError(timeout, 'openai')).toBe(timeout);
    const apiError = new ApiCallError('x', { provider: 'openai', isRetryable: false });
    expect(toApiCallError(apiError, 'openai')).toBe(apiError);
  });
});
