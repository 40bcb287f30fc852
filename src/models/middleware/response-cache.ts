// Caching whole answers by a hash of what was asked, so that a repeated evaluation costs nothing.
import { createHash } from 'node:crypto';
import type { GenerateOptions, GenerateResult } from '../language-model.js';

/** Where answers are kept: a key (a sha256 hex digest) → an answer. May be synchronous or asynchronous. */
export interface ResponseCache {
  get(key: string): GenerateResult | undefined | Promise<GenerateResult | undefined>;
  set(key: string, result: GenerateResult): void | Promise<void>;
}

/** When answers are cached: at temperature 0 only (`auto`, the default), always, or never. */
export type CacheMode = 'auto' | 'always' | 'never';

/** What identifies the model in a cache key. */
export interface CacheIdentity {
  provider: string;
  modelName: string;
  /** The endpoint, for OpenAI-compatible servers (different servers may answer differently). */
  baseURL?: string | undefined;
}

/**
 * Whether a call's answer is cached in `mode`: never for `never`; always for `always`; for `auto`, when the
 * temperature is 0 and the model is not simulated (`sim` answers from the call's purpose, which is not in the key, and
 * costs nothing anyway).
 *
 * @example
 * ```ts
 * isCacheable('auto', 'openai', { messages, temperature: 0 }); // true
 * isCacheable('auto', 'openai', { messages }); // false: the provider's default temperature samples
 * ```
 */
export function isCacheable(mode: CacheMode, provider: string, options: GenerateOptions): boolean {
  if (mode === 'never') return false;
  if (mode === 'always') return true;
  return options.temperature === 0 && provider !== 'sim';
}

/**
 * The cache key of a call: the sha256 of the provider, model, base URL, messages, tools and sampling parameters
 * (temperature, top-p, maximum tokens, seed, stop sequences, response format), with object keys sorted so that key
 * order does not matter. Neither the abort signal, nor the purpose, nor any credential is part of it.
 *
 * @example
 * ```ts
 * responseCacheKey({ provider: 'openai', modelName: 'gpt-4.1-mini' }, { messages, temperature: 0 }); // '3f1c…'
 * ```
 */
export function responseCacheKey(identity: CacheIdentity, options: GenerateOptions): string {
  const described = {
    version: 1,
    provider: identity.provider,
    model: identity.modelName,
    baseURL: identity.baseURL ?? null,
    messages: options.messages,
    tools: options.tools ?? null,
    temperature: options.temperature ?? null,
    topP: options.topP ?? null,
    maxTokens: options.maxTokens ?? null,
    seed: options.seed ?? null,
    stopSequences: options.stopSequences ?? null,
    responseFormat: options.responseFormat ?? null,
  };
  return createHash('sha256').update(stableJson(described)).digest('hex');
}

/** JSON with object keys in sorted order (and `undefined` fields left out, as JSON.stringify does). */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}

/**
 * A cache in memory, forgetting the oldest entries beyond `maxEntries` (default 10 000).
 *
 * @example
 * ```ts
 * const client = createModelClient(model, { responseCache: new MemoryResponseCache() });
 * ```
 */
export class MemoryResponseCache implements ResponseCache {
  private readonly entries = new Map<string, GenerateResult>();
  private readonly maxEntries: number;

  constructor(maxEntries = 10_000) {
    this.maxEntries = Math.max(1, maxEntries);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): GenerateResult | undefined {
    return this.entries.get(key);
  }

  set(key: string, result: GenerateResult): void {
    this.entries.delete(key);
    this.entries.set(key, result);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }
}
