// The limiters of every provider endpoint, shared by all the clients that call it.
import { systemClock, type Clock } from './clock.js';
import { ProviderLimiter, type LimitOptions } from './provider-limiter.js';

/**
 * The key of a provider endpoint: the provider and its base URL (two OpenAI-compatible servers have separate limits;
 * every client of the same endpoint shares one).
 *
 * @example
 * ```ts
 * limitsKeyOf('openai', 'http://localhost:8000/v1'); // 'openai http://localhost:8000/v1'
 * ```
 */
export function limitsKeyOf(provider: string, baseURL?: string): string {
  return baseURL === undefined ? provider : `${provider} ${baseURL.replace(/\/+$/, '')}`;
}

/**
 * A registry of {@link ProviderLimiter}s by endpoint key. Clients made with the same registry (by default
 * {@link defaultProviderLimits}) share the limits of each endpoint, so that 64 clients of one provider together
 * respect its concurrency and rate limits.
 *
 * @example
 * ```ts
 * const limits = new ProviderLimits();
 * limits.configure('openai', { maxConcurrency: 16, requestsPerMinute: 3000 });
 * const client = createModelClient(model, { providerLimits: limits });
 * ```
 */
export class ProviderLimits {
  private readonly limiters = new Map<string, ProviderLimiter>();
  private readonly clock: Clock;

  constructor(clock: Clock = systemClock) {
    this.clock = clock;
  }

  /** The limiter of an endpoint (made on first use, unlimited until configured). */
  limiterFor(key: string): ProviderLimiter {
    let limiter = this.limiters.get(key);
    if (limiter === undefined) {
      limiter = new ProviderLimiter({}, this.clock);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }

  /** Sets the limits of an endpoint (replacing earlier ones) and returns its limiter. */
  configure(key: string, options: LimitOptions): ProviderLimiter {
    const limiter = this.limiterFor(key);
    limiter.configure(options);
    return limiter;
  }

  /** The endpoint keys with a limiter. */
  keys(): string[] {
    return [...this.limiters.keys()];
  }
}

/**
 * The process-wide registry that clients use unless given another.
 *
 * @example
 * ```ts
 * defaultProviderLimits.configure('anthropic', { maxConcurrency: 4 });
 * ```
 */
export const defaultProviderLimits = new ProviderLimits();
