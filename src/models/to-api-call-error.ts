// Turning whatever a provider SDK or fetch throws into an ApiCallError that says whether to retry.
import { ApiCallError, ModelTimeoutError } from './model-errors.js';
import { redactSecrets } from './redact-secrets.js';
import { retryAfterFromHeaders, type HeaderReader } from './retry-after.js';

/** HTTP statuses worth another try: request timeout, conflict, rate limit, and every server error. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Error codes and messages of dropped or refused connections (Node, undici, the SDKs). */
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
]);
const CONNECTION_MESSAGE =
  /socket hang up|fetch failed|terminated|other side closed|premature close|network|connection/i;
const CONNECTION_ERROR_NAMES = new Set(['APIConnectionError', 'APIConnectionTimeoutError']);

/**
 * Whether an error is a dropped connection or a network timeout (anywhere in its cause chain).
 *
 * @example
 * ```ts
 * isConnectionError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })); // true
 * ```
 */
export function isConnectionError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (CONNECTION_ERROR_NAMES.has(current.name) || CONNECTION_ERROR_NAMES.has(current.constructor.name))
      return true;
    if (CONNECTION_MESSAGE.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}

function statusOf(error: Error): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined;
}

function headersOf(error: Error): HeaderReader | undefined {
  const headers = (error as { headers?: unknown }).headers;
  if (
    typeof headers === 'object' &&
    headers !== null &&
    typeof (headers as HeaderReader).get === 'function'
  ) {
    return headers as HeaderReader;
  }
  return undefined;
}

/** The error type an SDK's answer named (`rate_limit_error`, `insufficient_quota`, …), for the message. */
function typeOf(error: Error): string | undefined {
  for (const field of ['code', 'type']) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/** Statuses whose fix is on the caller's side, with what to do. */
const ADVICE: Readonly<Record<number, string>> = {
  400: 'The request was refused; check the model name and the options.',
  401: 'Check the API key.',
  403: 'The key may not use this model.',
  404: 'Check the model name and the base URL.',
  429: 'Rate limited: lower the concurrency or the requests/tokens per minute.',
};

/**
 * An {@link ApiCallError} for whatever a call threw: HTTP errors keep their status, `Retry-After` and retryability
 * (408, 409, 429, 5xx); dropped connections, network timeouts and unreadable answers are retryable; an
 * `ApiCallError` or `ModelTimeoutError` is returned as it is. Keys in `secrets` (and anything shaped like one) are
 * redacted.
 *
 * @example
 * ```ts
 * try { await client.chat.completions.create(body); }
 * catch (error) { throw toApiCallError(error, 'openai', [apiKey]); }
 * ```
 */
export function toApiCallError(
  error: unknown,
  provider: string,
  secrets: readonly (string | undefined)[] = [],
): ApiCallError | ModelTimeoutError {
  if (error instanceof ApiCallError || error instanceof ModelTimeoutError) return error;
  if (!(error instanceof Error)) {
    return new ApiCallError(`The ${provider} call failed: ${String(error)}`, {
      provider,
      isRetryable: false,
      cause: error,
      secrets,
    });
  }
  const status = statusOf(error);
  const detail = redactSecrets(error.message, secrets);
  if (status !== undefined) {
    const type = typeOf(error);
    const advice = ADVICE[status];
    return new ApiCallError(
      `The ${provider} API answered ${status}${type === undefined ? '' : ` (${type})`}: ${detail}` +
        (advice === undefined ? '' : ` ${advice}`),
      {
        provider,
        status,
        isRetryable: isRetryableStatus(status),
        retryAfterSeconds: retryAfterFromHeaders(headersOf(error)),
        cause: error,
        secrets,
      },
    );
  }
  if (isConnectionError(error)) {
    return new ApiCallError(
      `The connection to the ${provider} API failed: ${detail}. Check the base URL and the network.`,
      { provider, isRetryable: true, cause: error, secrets },
    );
  }
  if (error instanceof SyntaxError) {
    return new ApiCallError(`The ${provider} API sent an answer that is not valid JSON: ${detail}`, {
      provider,
      isRetryable: true,
      cause: error,
      secrets,
    });
  }
  return new ApiCallError(`The ${provider} call failed: ${detail}`, {
    provider,
    isRetryable: false,
    cause: error,
    secrets,
  });
}
