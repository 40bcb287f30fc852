// What model calls cost: US dollars per million input and output tokens, by model id.
import { z } from 'zod';
import { InvalidArgumentError } from '../core/errors.js';
import type { ModelUsage } from './language-model.js';

/** The price of one model, in US dollars per million tokens. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
}

/** Model id (`provider:model`) → price. A key may end in `*` to price a family (`openai:gpt-4.1-mini*`). */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * List prices of the models LoopGym's bundled specs use, in US dollars per million tokens (the providers' public
 * price lists as of mid-2025). Simulated models (`sim:<model>`) are priced as the real model they stand in for, so
 * budgets behave in sim as they would live. Override any entry with {@link mergePriceTables} or a price-table file.
 */
export const DEFAULT_PRICE_TABLE: PriceTable = Object.freeze({
  'openai:gpt-4.1': { inputPerMillion: 2, outputPerMillion: 8 },
  'openai:gpt-4.1-mini': { inputPerMillion: 0.4, outputPerMillion: 1.6 },
  'openai:gpt-4.1-nano': { inputPerMillion: 0.1, outputPerMillion: 0.4 },
  'openai:gpt-4o': { inputPerMillion: 2.5, outputPerMillion: 10 },
  'openai:gpt-4o-mini': { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  'openai:o3': { inputPerMillion: 2, outputPerMillion: 8 },
  'openai:o4-mini': { inputPerMillion: 1.1, outputPerMillion: 4.4 },
  'anthropic:claude-sonnet-4*': { inputPerMillion: 3, outputPerMillion: 15 },
  'anthropic:claude-opus-4*': { inputPerMillion: 15, outputPerMillion: 75 },
  'anthropic:claude-3-5-haiku*': { inputPerMillion: 0.8, outputPerMillion: 4 },
  'anthropic:claude-haiku-4-5*': { inputPerMillion: 1, outputPerMillion: 5 },
});

const priceSchema = z.object({
  inputPerMillion: z.number().nonnegative(),
  outputPerMillion: z.number().nonnegative(),
});

/** A price-table file: `{ "openai:gpt-4.1": { "inputPerMillion": 2, "outputPerMillion": 8 }, … }`. */
export const priceTableSchema = z.record(z.string().regex(/^[\w.-]+:[\w.*/-]+$/), priceSchema);

/**
 * The price of a model: the exact id, else the longest matching `*` family, else (for `sim:<model>`) the price of the
 * real model of that name at any provider. `undefined` when the table does not know the model.
 *
 * @example
 * ```ts
 * priceOf('anthropic:claude-sonnet-4-20250514'); // { inputPerMillion: 3, outputPerMillion: 15 }
 * priceOf('sim:gpt-4.1-mini'); // the price of openai:gpt-4.1-mini
 * ```
 */
export function priceOf(modelId: string, table: PriceTable = DEFAULT_PRICE_TABLE): ModelPrice | undefined {
  // A frozen table (as made here) cannot change: a model's price is looked up once per such table.
  if (!Object.isFrozen(table)) return lookUpPrice(modelId, table);
  let prices = knownPrices.get(table);
  if (prices === undefined) {
    prices = new Map();
    knownPrices.set(table, prices);
  }
  let price = prices.get(modelId);
  if (price === undefined) {
    price = lookUpPrice(modelId, table) ?? null;
    if (prices.size >= KNOWN_PRICES_CAPACITY) prices.clear();
    prices.set(modelId, price);
  }
  return price ?? undefined;
}

const knownPrices = new WeakMap<PriceTable, Map<string, ModelPrice | null>>();
const KNOWN_PRICES_CAPACITY = 1024;

function lookUpPrice(modelId: string, table: PriceTable): ModelPrice | undefined {
  const exact = table[modelId];
  if (exact !== undefined) return exact;
  let best: { length: number; price: ModelPrice } | undefined;
  for (const [key, price] of Object.entries(table)) {
    if (!key.endsWith('*')) continue;
    const prefix = key.slice(0, -1);
    if (modelId.startsWith(prefix) && (best === undefined || prefix.length > best.length)) {
      best = { length: prefix.length, price };
    }
  }
  if (best !== undefined) return best.price;
  const [provider, ...rest] = modelId.split(':');
  const name = rest.join(':');
  if (provider === 'sim' && name !== '') {
    for (const real of ['openai', 'anthropic']) {
      const price = lookUpPrice(`${real}:${name}`, table);
      if (price !== undefined) return price;
    }
  }
  return undefined;
}

/**
 * The cost in US dollars of a call's usage; 0 for a model the table does not know (the caller may warn).
 *
 * @example
 * ```ts
 * costOf('openai:gpt-4.1-mini', { inputTokens: 1000, outputTokens: 500 }); // 0.0012
 * ```
 */
export function costOf(modelId: string, usage: ModelUsage, table: PriceTable = DEFAULT_PRICE_TABLE): number {
  const price = priceOf(modelId, table);
  if (price === undefined) return 0;
  return (
    (usage.inputTokens * price.inputPerMillion + usage.outputTokens * price.outputPerMillion) / 1_000_000
  );
}

/**
 * A table with the entries of `overrides` replacing those of `base`; each override is checked.
 *
 * @example
 * ```ts
 * const table = mergePriceTables(DEFAULT_PRICE_TABLE, { 'openai:gpt-4.1-mini': { inputPerMillion: 0.3, outputPerMillion: 1.2 } });
 * ```
 */
export function mergePriceTables(base: PriceTable, overrides: unknown): PriceTable {
  const parsed = priceTableSchema.safeParse(overrides);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidArgumentError(
      `Invalid price table at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'wrong shape'}. ` +
        'Write `{ "provider:model": { "inputPerMillion": 2, "outputPerMillion": 8 } }`.',
    );
  }
  return Object.freeze({ ...base, ...parsed.data });
}
