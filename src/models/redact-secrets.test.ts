import { inspect } from 'node:util';
import Anthropic from '@anthropic-ai/sdk';
import fc from 'fast-check';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets, sanitizeError } from './redact-secrets.js';
import { toApiCallError } from './to-api-call-error.js';

const KEY = 'sk-proj-Zx81kQ0pL3mN5vB7cX9zA2sD4fG6hJ8k';

/** Everything a log line or a JSON dump could show of an error. */
function everythingShownOf(error: unknown): string {
  return [
    inspect(error, { depth: Infinity, showHidden: true }),
    JSON.stringify(error),
    error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : '',
  ].join('\n');
}

describe('redactSecrets', () => {
  it('removes keys, bearer tokens and api-key headers, keeping the surrounding text', () => {
    expect(redactSecrets(`Incorrect API key provided: ${KEY}.`)).toBe(
      `Incorrect API key provided: ${REDACTED}.`,
    );
    expect(redactSecrets('Authorization: Bearer abcdef123456')).toBe(`Authorization: ${REDACTED}`);
    expect(redactSecrets('sent Bearer abcdef123456 upstream')).toBe(`sent Bearer ${REDACTED} upstream`);
    expect(redactSecrets('{"x-api-key":"my-secret-value-1"}')).toBe(`{"x-api-key":"${REDACTED}"}`);
    expect(redactSecrets('api_key=plainvalue99&x=1')).toBe(`api_key=${REDACTED}&x=1`);
    expect(redactSecrets('nothing secret in a task-description here')).toBe(
      'nothing secret in a task-description here',
    );
  });

  it('removes given secrets verbatim, however they are shaped', () => {
    expect(redactSecrets('token=hunter2hunter2!', ['hunter2hunter2'])).toBe(`token=${REDACTED}!`);
    // Too short to search for safely.
    expect(redactSecrets('a b c', ['b'])).toBe('a b c');
  });

  it('never leaves a given key in any text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789'.split('')),
          minLength: 12,
        }),
        fc.string(),
        fc.string(),
        (key, before, after) => {
          const text = `${before}${key}${after}${key}`;
          expect(redactSecrets(text, [key])).not.toContain(key);
        },
      ),
    );
  });
});

describe('sanitizeError and ApiCallError with the SDKs’ own errors', () => {
  it('keeps no key from an OpenAI authentication error, its headers or its body', () => {
    const sdkError = OpenAI.APIError.generate(
      401,
      { error: { message: `Incorrect API key provided: ${KEY}`, code: 'invalid_api_key' } },
      undefined,
      new Headers({ 'x-request-id': 'req_1', 'x-echo-authorization': `Bearer ${KEY}` }),
    );
    expect(everythingShownOf(sdkError)).toContain(KEY);
    const error = toApiCallError(sdkError, 'openai', [KEY]);
    expect(everythingShownOf(error)).not.toContain(KEY);
    expect(error.message).toContain('401');
    expect(error.message).toContain('Check the API key');
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(Error);
    expect(((error as { cause?: Error }).cause as { headers?: unknown }).headers).toBeUndefined();
  });

  it('keeps no key from an Anthropic error or a connection error with a cause chain', () => {
    const anthropicError = Anthropic.APIError.generate(
      403,
      { type: 'error', error: { type: 'permission_error', message: `key ${KEY} may not use this model` } },
      undefined,
      new Headers({ 'x-api-key': KEY }),
    );
    expect(everythingShownOf(toApiCallError(anthropicError, 'anthropic', [KEY]))).not.toContain(KEY);

    const nested = new OpenAI.APIConnectionError({
      cause: new Error(`request to https://api.example.com failed, header x-api-key: ${KEY}`),
    });
    const error = toApiCallError(nested, 'openai', [KEY]);
    expect(error.isRetryable).toBe(true);
    expect(everythingShownOf(error)).not.toContain(KEY);
  });

  it('copies name, code and status and redacts non-errors', () => {
    const original = Object.assign(new Error(`boom ${KEY}`), { code: 'ECONNRESET', status: 502 });
    const copy = sanitizeError(original);
    expect(copy.name).toBe('Error');
    expect((copy as unknown as { code: string }).code).toBe('ECONNRESET');
    expect((copy as unknown as { status: number }).status).toBe(502);
    expect(copy.message).toBe(`boom ${REDACTED}`);
    expect(sanitizeError({ apiKey: KEY }, [KEY]).message).not.toContain(KEY);
  });
});
