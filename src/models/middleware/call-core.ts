// What the facade's generate and stream paths share: the cache, the accounting, the estimates.
import { ApiCallError } from '../model-errors.js';
import type { GenerateOptions, GenerateResult, LanguageModel } from '../language-model.js';
import { costOf, priceOf, type PriceTable } from '../price-table.js';
import type { Clock } from './clock.js';
import type { ProviderLimiter } from './provider-limiter.js';
import { isCacheable, responseCacheKey, type CacheMode, type ResponseCache } from './response-cache.js';
import { attemptsOf, type ResolvedRetryOptions } from './retry-policy.js';
import type { ModelCallRecord, UsageAccount } from './usage-account.js';

/** The settings of one client, resolved. */
export interface CallCoreSettings {
  model: LanguageModel;
  modelId: string;
  baseURL: string | undefined;
  retries: ResolvedRetryOptions;
  timeoutMs: number;
  limiter: ProviderLimiter;
  responseCache: ResponseCache | undefined;
  cacheMode: CacheMode;
  priceTable: PriceTable | undefined;
  account: UsageAccount;
  onCall: ((record: ModelCallRecord) => void) | undefined;
  clock: Clock;
}

/** Characters per token, for estimates before the provider counts. */
const CHARACTERS_PER_TOKEN = 4;

/**
 * The shared machinery of a model client's calls (internal to the facade).
 *
 * @example
 * ```ts
 * const core = new CallCore(settings);
 * const key = core.cacheKeyOf(options);
 * ```
 */
export class CallCore implements CallCoreSettings {
  readonly model: LanguageModel;
  readonly modelId: string;
  readonly baseURL: string | undefined;
  readonly retries: ResolvedRetryOptions;
  readonly timeoutMs: number;
  readonly limiter: ProviderLimiter;
  readonly responseCache: ResponseCache | undefined;
  readonly cacheMode: CacheMode;
  readonly priceTable: PriceTable | undefined;
  readonly account: UsageAccount;
  readonly onCall: ((record: ModelCallRecord) => void) | undefined;
  readonly clock: Clock;

  constructor(settings: CallCoreSettings) {
    this.model = settings.model;
    this.modelId = settings.modelId;
    this.baseURL = settings.baseURL;
    this.retries = settings.retries;
    this.timeoutMs = settings.timeoutMs;
    this.limiter = settings.limiter;
    this.responseCache = settings.responseCache;
    this.cacheMode = settings.cacheMode;
    this.priceTable = settings.priceTable;
    this.account = settings.account;
    this.onCall = settings.onCall;
    this.clock = settings.clock;
  }

  /** Whether an error means the provider pushes back (429, or Anthropic's 529 "overloaded"). */
  static isPushback(error: unknown): boolean {
    return error instanceof ApiCallError && (error.status === 429 || error.status === 529);
  }

  /** The cache key of a call, or `undefined` when it is not to be cached. */
  cacheKeyOf(options: GenerateOptions): string | undefined {
    if (this.responseCache === undefined || !isCacheable(this.cacheMode, this.model.provider, options)) {
      return undefined;
    }
    return responseCacheKey(
      { provider: this.model.provider, modelName: this.model.modelName, baseURL: this.baseURL },
      options,
    );
  }

  /** The cached answer for a key, with `latencySeconds` 0; `undefined` on a miss. */
  async cachedResult(key: string): Promise<GenerateResult | undefined> {
    const hit = await this.responseCache?.get(key);
    return hit === undefined ? undefined : { ...hit, latencySeconds: 0 };
  }

  /**
   * Stores an answer; returns it unchanged, or (when the cache cannot be written) with a warning saying so, since a
   * paid answer is worth more than its caching.
   */
  async store(key: string, result: GenerateResult): Promise<GenerateResult> {
    try {
      await this.responseCache?.set(key, result);
      return result;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ...result, warnings: [...result.warnings, `The answer could not be cached: ${reason}`] };
    }
  }

  /** Tokens a call may use, for the tokens-per-minute budget: the prompt's characters / 4 plus `maxTokens`. */
  estimateTokens(options: GenerateOptions): number {
    let characters = 0;
    for (const message of options.messages) characters += message.content.length;
    return Math.ceil(characters / CHARACTERS_PER_TOKEN) + (options.maxTokens ?? 0);
  }

  /** Accounts an answered call and tells the hook. */
  recordSuccess(result: GenerateResult, startedAt: number, attempts: number, cached: boolean): void {
    const known = priceOf(this.modelId, this.priceTable) !== undefined;
    const pricedId = known ? this.modelId : result.modelId;
    const priced = known || priceOf(result.modelId, this.priceTable) !== undefined;
    this.record({
      modelId: this.modelId,
      answeredModelId: result.modelId,
      usage: result.usage,
      costUsd: cached ? 0 : costOf(pricedId, result.usage, this.priceTable),
      priced,
      latencySeconds: result.latencySeconds,
      wallSeconds: (this.clock.now() - startedAt) / 1000,
      attempts,
      cached,
    });
  }

  /** Accounts a failed call and tells the hook. */
  recordFailure(error: unknown, startedAt: number): void {
    this.record({
      modelId: this.modelId,
      answeredModelId: this.modelId,
      usage: { inputTokens: 0, outputTokens: 0 },
      costUsd: 0,
      priced: priceOf(this.modelId, this.priceTable) !== undefined,
      latencySeconds: 0,
      wallSeconds: (this.clock.now() - startedAt) / 1000,
      attempts: attemptsOf(error),
      cached: false,
      error,
    });
  }

  private record(record: ModelCallRecord): void {
    this.account.record(record);
    this.onCall?.(record);
  }
}
