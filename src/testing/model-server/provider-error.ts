// Error bodies in the shapes the OpenAI and Anthropic APIs use, so that their SDKs read them as they read real ones.

/** Which API's conventions a response follows. */
export type ProviderDialect = 'openai' | 'anthropic';

/** The OpenAI error shape: `{ error: { message, type, param, code } }`. */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** The Anthropic error shape: `{ type: 'error', error: { type, message } }`. */
export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
}

const OPENAI_TYPES: Readonly<Record<number, [type: string, code: string | null]>> = {
  400: ['invalid_request_error', null],
  401: ['invalid_request_error', 'invalid_api_key'],
  404: ['invalid_request_error', 'not_found'],
  408: ['timeout_error', 'timeout'],
  409: ['conflict_error', 'conflict'],
  429: ['rate_limit_error', 'rate_limit_exceeded'],
  503: ['server_error', 'service_unavailable'],
};

const ANTHROPIC_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  408: 'timeout_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

/**
 * An error body in OpenAI's shape for an HTTP status.
 *
 * @example
 * ```ts
 * openAiErrorBody(429, 'Rate limit reached.').error.code; // 'rate_limit_exceeded'
 * ```
 */
export function openAiErrorBody(
  status: number,
  message: string,
  param: string | null = null,
): OpenAiErrorBody {
  const [type, code] =
    OPENAI_TYPES[status] ?? (status >= 500 ? ['server_error', null] : ['invalid_request_error', null]);
  return { error: { message, type, param, code } };
}

/**
 * An error body in Anthropic's shape for an HTTP status.
 *
 * @example
 * ```ts
 * anthropicErrorBody(529, 'Overloaded').error.type; // 'overloaded_error'
 * ```
 */
export function anthropicErrorBody(status: number, message: string): AnthropicErrorBody {
  const type = ANTHROPIC_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
  return { type: 'error', error: { type, message } };
}

/**
 * An error response in a dialect's shape, with extra headers (e.g. `Retry-After`).
 *
 * @example
 * ```ts
 * errorResponse('openai', 400, '`messages` must not be empty.', { param: 'messages' });
 * ```
 */
export function errorResponse(
  dialect: ProviderDialect,
  status: number,
  message: string,
  options: { param?: string | null; headers?: Record<string, string> } = {},
): Response {
  const body =
    dialect === 'anthropic'
      ? anthropicErrorBody(status, message)
      : openAiErrorBody(status, message, options.param ?? null);
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...options.headers },
  });
}

/**
 * What a status fault says, in words a test log can show.
 *
 * @example
 * ```ts
 * faultMessage(529); // 'Overloaded (injected fault).'
 * ```
 */
export function faultMessage(status: number): string {
  const reasons: Readonly<Record<number, string>> = {
    408: 'Request timed out (injected fault).',
    409: 'Conflict (injected fault).',
    429: 'Rate limit reached (injected fault). Retry after the time in the Retry-After header.',
    500: 'Internal server error (injected fault).',
    502: 'Bad gateway (injected fault).',
    503: 'Service unavailable (injected fault).',
    529: 'Overloaded (injected fault).',
  };
  return reasons[status] ?? `HTTP ${status} (injected fault).`;
}
