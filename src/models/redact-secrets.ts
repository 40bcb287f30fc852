// Keeps API keys out of messages, errors and logs.

/** What replaces a secret. */
export const REDACTED = '[redacted]';

/**
 * Shapes of credentials that may be echoed back by a provider or an SDK, each with what replaces it: OpenAI-style keys
 * (`sk-…`, `sk-proj-…`, `sk-ant-…`), bearer tokens, and the values of `api-key`/`x-api-key`/`authorization`
 * headers or fields (the name and separator are kept).
 */
const SECRET_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/\bsk-[A-Za-z0-9_*-]{6,}/g, '[redacted]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=*-]{6,}/gi, '$1 [redacted]'],
  [
    /\b((?:x-)?api[-_]?key|authorization|auth[-_]?token)(["']?\s*[:=]\s*["']?)(?:(?:Bearer|Basic)\s+)?[^\s"',;}&]{4,}/gi,
    '$1$2[redacted]',
  ],
];

/** Secrets shorter than this are not searched for verbatim (they would match ordinary words). */
const MINIMUM_SECRET_LENGTH = 6;

/**
 * `text` with every credential replaced by `[redacted]`: the given `secrets` verbatim (e.g. the API key in use) and
 * anything shaped like a key, a bearer token or an api-key/authorization header.
 *
 * @example
 * ```ts
 * redactSecrets('401: Incorrect API key provided: sk-proj-abc123xyz'); // '401: Incorrect API key provided: [redacted]'
 * redactSecrets('token=hunter2hunter2', ['hunter2hunter2']); // 'token=[redacted]'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= MINIMUM_SECRET_LENGTH)
      result = result.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of SECRET_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

const MAXIMUM_CAUSE_DEPTH = 4;

/**
 * A plain copy of an error that is safe to keep, log or serialise: its name, redacted message, `code`, `status` and
 * redacted cause chain, and nothing else (SDK errors carry response headers and bodies, and the request they came
 * from). Non-errors become an `Error` with their redacted text.
 *
 * @example
 * ```ts
 * const safe = sanitizeError(sdkError, [apiKey]);
 * console.error(safe); // no key, no headers
 * ```
 */
export function sanitizeError(
  error: unknown,
  secrets: readonly (string | undefined)[] = [],
  depth = 0,
): Error {
  if (!(error instanceof Error)) {
    return new Error(redactSecrets(describeThrown(error), secrets));
  }
  const cause =
    error.cause !== undefined && depth < MAXIMUM_CAUSE_DEPTH
      ? sanitizeError(error.cause, secrets, depth + 1)
      : undefined;
  const copy = new Error(redactSecrets(error.message, secrets), cause === undefined ? undefined : { cause });
  copy.name = error.name;
  copy.stack = redactSecrets(error.stack ?? `${error.name}: ${error.message}`, secrets);
  const fields = error as unknown as Record<string, unknown>;
  for (const field of ['code', 'errno', 'syscall', 'status', 'type']) {
    const value = fields[field];
    if (typeof value === 'string' || typeof value === 'number') {
      (copy as unknown as Record<string, unknown>)[field] =
        typeof value === 'string' ? redactSecrets(value, secrets) : value;
    }
  }
  return copy;
}

function describeThrown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
