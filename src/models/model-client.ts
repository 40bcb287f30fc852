// The facade every caller uses: a LanguageModel with a response cache, limits, retries, timeouts and accounting.
import {
  modelIdOf,
  type GenerateOptions,
  type GenerateResult,
  type LanguageModel,
  type StreamPart,
} from './language-model.js';
import { systemClock, type Clock } from './middleware/clock.js';
import { CallCore } from './middleware/call-core.js';
import type { LimitOptions } from './middleware/provider-limiter.js';
import { defaultProviderLimits, limitsKeyOf, type ProviderLimits } from './middleware/provider-limits.js';
import type { CacheMode, ResponseCache } from './middleware/response-cache.js';
import { resolveRetryOptions, runWithRetries, type RetryOptions } from './middleware/retry-policy.js';
import { streamCall } from './middleware/stream-call.js';
import { runWithTimeout } from './middleware/timeout.js';
import { UsageAccount, type ModelCallRecord, type ModelUsageReport } from './middleware/usage-account.js';
import type { PriceTable } from './price-table.js';

/** How a {@link ModelClient} calls its model. */
export interface ModelClientOptions {
  /** Retry policy, or `false` for a single attempt (default: 5 attempts, 0.5 s backoff doubling, 30 s cap). */
  retries?: RetryOptions | false;
  /** Each attempt's timeout in ms (for streams: until the first part and between parts); 0 for none (default 120 000). */
  timeoutMs?: number;
  /** Limits for the model's endpoint (shared with every client of the same provider and base URL). */
  limits?: LimitOptions;
  /** The registry of endpoint limits (default: {@link defaultProviderLimits}, shared by the whole process). */
  providerLimits?: ProviderLimits;
  /** Where answers are cached; no caching without one. */
  responseCache?: ResponseCache;
  /** When answers are cached (default `auto`: at temperature 0, for models that are not simulated). */
  cache?: CacheMode;
  /** Prices for the accounting (default: the built-in table). */
  priceTable?: PriceTable;
  /** Where calls are added up (default: one account per client); share one to total several clients. */
  account?: UsageAccount;
  /** Called after every call, answered or failed, e.g. to emit an event. Must not throw. */
  onCall?: (record: ModelCallRecord) => void;
  /** Time source for waits and timeouts (tests inject a virtual one). */
  clock?: Clock;
}

/** A {@link LanguageModel} that adds a response cache, limits, retries, timeouts and accounting to another. */
export interface ModelClient extends LanguageModel {
  /** The model it calls. */
  readonly model: LanguageModel;
  /** `provider:model`. */
  readonly modelId: string;
  /** The endpoint of the model, when it has one (OpenAI-compatible servers). */
  readonly baseURL: string | undefined;
  /** Tokens, dollars and calls so far, in total and per model (of this client's account). */
  usage(): ModelUsageReport;
}

/** The base URL a provider model exposes, if any. */
export function baseURLOf(model: LanguageModel): string | undefined {
  const baseURL = (model as { baseURL?: unknown }).baseURL;
  return typeof baseURL === 'string' ? baseURL : undefined;
}

/**
 * Wraps a model in the facade. For each call, from the outside in:
 * 1. **response cache**: a hit returns the stored answer (identical but for `latencySeconds`, which is 0) and makes
 *    no request; a stream replays it;
 * 2. **retries**: 408, 409, 429, 5xx, timeouts and dropped connections are retried with exponential backoff and full
 *    jitter, or after the provider's `Retry-After` (capped); a stream is retried only before its first part;
 * 3. **limits**: each attempt waits for its endpoint's concurrency, requests-per-minute and tokens-per-minute limits
 *    (shared by every client of that endpoint); a 429 halves the concurrency for a while;
 * 4. **timeout**: each attempt is aborted after `timeoutMs`; the caller's `abortSignal` aborts the attempt, any wait
 *    for a limit, and any backoff;
 * 5. **accounting**: tokens and dollars per model, readable with `usage()`, and the `onCall` hook.
 *
 * Retries sit outside the limits so that a backoff does not hold a concurrency slot and every attempt counts
 * against the requests-per-minute budget; the cache sits outside everything so that a hit costs no slot and no request.
 *
 * @example
 * ```ts
 * const client = createModelClient(createModel('openai:gpt-4.1-mini'), {
 *   limits: { maxConcurrency: 16, requestsPerMinute: 3000 },
 *   responseCache: new SqliteResponseCache('.loopgym/cache.sqlite'),
 *   onCall: (call) => console.log(call.modelId, call.costUsd),
 * });
 * const { text } = await client.doGenerate({ messages: [{ role: 'user', content: 'Hi' }], temperature: 0 });
 * client.usage().costUsd;
 * ```
 */
export function createModelClient(model: LanguageModel, options: ModelClientOptions = {}): ModelClient {
  return new FacadeModelClient(model, options);
}

class FacadeModelClient implements ModelClient {
  readonly specificationVersion = 'loopgym-model-1' as const;
  readonly provider: string;
  readonly modelName: string;
  readonly modelId: string;
  readonly model: LanguageModel;
  readonly baseURL: string | undefined;
  private readonly core: CallCore;

  constructor(model: LanguageModel, options: ModelClientOptions) {
    this.model = model;
    this.provider = model.provider;
    this.modelName = model.modelName;
    this.modelId = modelIdOf(model.provider, model.modelName);
    this.baseURL = baseURLOf(model);
    const registry = options.providerLimits ?? defaultProviderLimits;
    const limitsKey = limitsKeyOf(model.provider, this.baseURL);
    const limiter =
      options.limits === undefined
        ? registry.limiterFor(limitsKey)
        : registry.configure(limitsKey, options.limits);
    this.core = new CallCore({
      model,
      modelId: this.modelId,
      baseURL: this.baseURL,
      retries: resolveRetryOptions(options.retries === false ? { maxAttempts: 1 } : options.retries),
      timeoutMs: options.timeoutMs ?? 120_000,
      limiter,
      responseCache: options.responseCache,
      cacheMode: options.cache ?? 'auto',
      priceTable: options.priceTable,
      account: options.account ?? new UsageAccount(),
      onCall: options.onCall,
      clock: options.clock ?? systemClock,
    });
  }

  usage(): ModelUsageReport {
    return this.core.account.report();
  }

  async doGenerate(options: GenerateOptions): Promise<GenerateResult> {
    const core = this.core;
    const startedAt = core.clock.now();
    const key = core.cacheKeyOf(options);
    if (key !== undefined) {
      const hit = await core.cachedResult(key);
      if (hit !== undefined) {
        core.recordSuccess(hit, startedAt, 0, true);
        return hit;
      }
    }
    const signal = options.abortSignal;
    try {
      const { value, attempts } = await runWithRetries(
        () => this.attempt(options),
        core.retries,
        signal,
        core.clock,
      );
      const result = key === undefined ? value : await core.store(key, value);
      core.recordSuccess(result, startedAt, attempts, false);
      return result;
    } catch (error) {
      core.recordFailure(error, startedAt);
      throw error;
    }
  }

  doStream(options: GenerateOptions): AsyncIterable<StreamPart> {
    return streamCall(this.core, options);
  }

  private async attempt(options: GenerateOptions): Promise<GenerateResult> {
    const core = this.core;
    const permit = await core.limiter.acquire(core.estimateTokens(options), options.abortSignal);
    try {
      const result = await runWithTimeout(
        (abortSignal) => core.model.doGenerate({ ...options, abortSignal }),
        core.modelId,
        core.timeoutMs,
        options.abortSignal,
        core.clock,
      );
      permit.release({ tokens: result.usage.inputTokens + result.usage.outputTokens });
      return result;
    } catch (error) {
      permit.release({ rateLimited: CallCore.isPushback(error) });
      throw error;
    }
  }
}
