// Tokens and dollars spent on model calls, per model and in total.
import type { ModelUsage } from '../language-model.js';

/** One finished model call, as the accounting sees it (and the `onCall` hook receives it). */
export interface ModelCallRecord {
  /** The model asked for, `provider:model`. */
  modelId: string;
  /** The model that answered (may differ, e.g. a dated snapshot); the asked one when the call failed. */
  answeredModelId: string;
  usage: ModelUsage;
  /** US dollars; 0 for a cache hit, a failed call, or a model the price table does not know. */
  costUsd: number;
  /** Whether the price table knows the model (a cost of 0 may then mean "unknown"). */
  priced: boolean;
  /** The model's latency for the answer (simulated for simulated models; 0 for a cache hit), in seconds. */
  latencySeconds: number;
  /** The time the call took here, waits for limits and retries included, in seconds. */
  wallSeconds: number;
  /** Attempts made (0 for a cache hit). */
  attempts: number;
  cached: boolean;
  /** The error that ended the call, when it failed (already sanitized by the providers). */
  error?: unknown;
}

/** Totals for one model or for all. */
export interface UsageTotals {
  /** Calls that returned an answer, cache hits included. */
  calls: number;
  cachedCalls: number;
  failedCalls: number;
  /** Attempts made (retries included). */
  attempts: number;
  /** Tokens billed: cache hits are not counted. */
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** Totals in all and by model id (the one asked for). */
export interface ModelUsageReport extends UsageTotals {
  byModel: Readonly<Record<string, UsageTotals>>;
}

function emptyTotals(): UsageTotals {
  return {
    calls: 0,
    cachedCalls: 0,
    failedCalls: 0,
    attempts: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
  };
}

function add(totals: UsageTotals, record: ModelCallRecord): void {
  totals.attempts += record.attempts;
  if (record.error !== undefined) {
    totals.failedCalls++;
    return;
  }
  totals.calls++;
  if (record.cached) {
    totals.cachedCalls++;
    return;
  }
  totals.inputTokens += record.usage.inputTokens;
  totals.outputTokens += record.usage.outputTokens;
  totals.costUsd += record.costUsd;
}

/**
 * Adds up model calls. One account may be shared by several clients (pass it as `account`), e.g. all the models of a
 * run.
 *
 * @example
 * ```ts
 * const account = new UsageAccount();
 * const client = createModelClient(model, { account });
 * await client.doGenerate({ messages });
 * account.report().costUsd; // dollars so far
 * ```
 */
export class UsageAccount {
  private readonly total = emptyTotals();
  private readonly models = new Map<string, UsageTotals>();

  /** Adds one call. */
  record(record: ModelCallRecord): void {
    add(this.total, record);
    let totals = this.models.get(record.modelId);
    if (totals === undefined) {
      totals = emptyTotals();
      this.models.set(record.modelId, totals);
    }
    add(totals, record);
  }

  /** A snapshot of the totals. */
  report(): ModelUsageReport {
    const byModel: Record<string, UsageTotals> = {};
    for (const [modelId, totals] of this.models) byModel[modelId] = { ...totals };
    return { ...this.total, byModel };
  }
}
