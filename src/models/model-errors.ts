// The errors of model calls: a failed API call, a missing key, a timeout, an unknown provider.
import { LoopGymError } from '../core/errors.js';
import { redactSecrets, sanitizeError } from './redact-secrets.js';

/** What an {@link ApiCallError} is made from. */
export interface ApiCallErrorOptions {
  /** `openai`, `anthropic`, … */
  provider: string;
  /** The HTTP status, when the provider answered; `undefined` for connection failures. */
  status?: number | undefined;
  /** Whether trying again may succeed (rate limits, overload, server errors, dropped connections, timeouts). */
  isRetryable: boolean;
  /** How long the provider asked to wait before trying again (its `Retry-After`), in seconds. */
  retryAfterSeconds?: number | undefined;
  /** The underlying error; it is kept only as a sanitized copy (no headers, no body, keys redacted). */
  cause?: unknown;
  /** Secrets to redact from the message and the cause, e.g. the API key in use. */
  secrets?: readonly (string | undefined)[];
}

/**
 * A model API call failed. Carries the HTTP status (if any), whether a retry may help, the provider's `Retry-After`,
 * and a sanitized copy of the cause; API keys never appear in it.
 *
 * @example
 * ```ts
 * try {
 *   await model.doGenerate({ messages });
 * } catch (error) {
 *   if (error instanceof ApiCallError && error.isRetryable) console.log(`retry in ${error.retryAfterSeconds ?? 1} s`);
 * }
 * ```
 */
export class ApiCallError extends LoopGymError {
  readonly provider: string;
  readonly status: number | undefined;
  readonly isRetryable: boolean;
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, options: ApiCallErrorOptions) {
    const secrets = options.secrets ?? [];
    super(redactSecrets(message, secrets), {
      code: 'api-call',
      ...(options.cause === undefined ? {} : { cause: sanitizeError(options.cause, secrets) }),
    });
    this.provider = options.provider;
    this.status = options.status;
    this.isRetryable = options.isRetryable;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/**
 * A provider needs an API key and none was given. The message names the environment variable to set.
 *
 * @example
 * ```ts
 * throw new MissingApiKeyError('openai', 'OPENAI_API_KEY');
 * // Set OPENAI_API_KEY or pass apiKey to use the openai provider.
 * ```
 */
export class MissingApiKeyError extends LoopGymError {
  readonly provider: string;
  readonly environmentVariable: string;

  constructor(provider: string, environmentVariable: string) {
    super(
      `No API key for the ${provider} provider. Set ${environmentVariable} or pass apiKey to use it ` +
        '(LoopGym never falls back to simulated models; use a `sim:` model id to simulate).',
      { code: 'missing-api-key' },
    );
    this.provider = provider;
    this.environmentVariable = environmentVariable;
  }
}

/**
 * A model call took longer than its timeout. It is retryable: the retry layer tries again while attempts remain.
 *
 * @example
 * ```ts
 * const client = createModelClient(model, { timeoutMs: 30_000 });
 * // a call that hangs rejects with ModelTimeoutError after 30 s (per attempt)
 * ```
 */
export class ModelTimeoutError extends LoopGymError {
  readonly modelId: string;
  readonly timeoutMs: number;
  readonly isRetryable = true;

  constructor(modelId: string, timeoutMs: number) {
    super(
      `The call to ${modelId} took longer than ${timeoutMs} ms. Raise timeoutMs if the model is slow, ` +
        'or check that the provider is reachable.',
      { code: 'model-timeout' },
    );
    this.modelId = modelId;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * A model id names a provider nobody registered, or is not of the form `provider:model`.
 *
 * @example
 * ```ts
 * createModel('opena:gpt-4.1'); // UnknownProviderError: … Did you mean `openai`?
 * ```
 */
export class UnknownProviderError extends LoopGymError {
  readonly modelId: string;
  readonly suggestions: readonly string[];

  constructor(modelId: string, message: string, suggestions: readonly string[] = []) {
    super(message, { code: 'unknown-provider' });
    this.modelId = modelId;
    this.suggestions = suggestions;
  }
}
