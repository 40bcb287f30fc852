// What a loop has spent: dollars and tokens, per iteration, per caller and in all, against the spec's limits.
import type { CostPlan } from '../lss/compile/loop-program.js';
import type { ModelUsage } from '../models/language-model.js';
import { costOf, DEFAULT_PRICE_TABLE, type PriceTable } from '../models/price-table.js';

/** A cost limit that was reached, and the action the spec gives for it. */
export interface CostAlert {
  limit: 'per_iteration' | 'cumulative' | 'token_soft_cap';
  /** `approach`: `on_approach.threshold_percent` of the cumulative limit was reached; `exceed`: a limit was passed. */
  kind: 'approach' | 'exceed';
  action: 'warn' | 'throttle' | 'halt';
  message: string;
}

/**
 * The spending of one episode. Each model call is charged at the price table's rate for its model; the ledger
 * answers whether a limit is reached and what the spec says to do (`on_approach`, `on_exceed`). A limit is
 * reached when spending is at or above it. `token_soft_cap` warns (it is soft) unless `on_approach` names a stronger
 * action.
 *
 * @example
 * ```ts
 * const ledger = new CostLedger(program.cost);
 * ledger.charge('writer', 'openai:gpt-4.1-mini', { inputTokens: 1200, outputTokens: 400 });
 * ledger.alerts(); // [] or [{ limit: 'cumulative', kind: 'exceed', action: 'halt', … }]
 * ```
 */
export class CostLedger {
  private readonly plan: CostPlan;
  private readonly priceTable: PriceTable;
  private cumulative = 0;
  private iteration = 0;
  private totalTokens = 0;
  private readonly byCaller = new Map<string, number>();
  private readonly unknownModels = new Set<string>();
  private readonly raised = new Set<string>();

  constructor(plan: CostPlan, priceTable: PriceTable = DEFAULT_PRICE_TABLE) {
    this.plan = plan;
    this.priceTable = priceTable;
  }

  /** Charges a call; returns its cost in dollars. */
  charge(callerId: string, modelId: string, usage: ModelUsage): number {
    const usd = costOf(modelId, usage, this.priceTable);
    if (usd === 0 && usage.inputTokens + usage.outputTokens > 0) this.unknownModels.add(modelId);
    this.cumulative += usd;
    this.iteration += usd;
    this.totalTokens += usage.inputTokens + usage.outputTokens;
    this.byCaller.set(callerId, (this.byCaller.get(callerId) ?? 0) + usd);
    return usd;
  }

  /** Starts a new iteration's per-iteration account. */
  startIteration(): void {
    this.iteration = 0;
    this.raised.delete('exceed:per_iteration');
  }

  get cumulativeUsd(): number {
    return this.cumulative;
  }

  get iterationUsd(): number {
    return this.iteration;
  }

  get tokens(): number {
    return this.totalTokens;
  }

  /** Dollars a worker or judge has spent in the episode. */
  spentBy(callerId: string): number {
    return this.byCaller.get(callerId) ?? 0;
  }

  /** Models the price table does not know (their calls were charged $0). */
  get unpricedModels(): string[] {
    return [...this.unknownModels].sort();
  }

  /** Whether a worker with budget `budgetUsd` may make another call. */
  withinBudget(callerId: string, budgetUsd: number | undefined): boolean {
    return budgetUsd === undefined || this.spentBy(callerId) < budgetUsd;
  }

  /** The limits newly reached since the last call (each alert is raised once; per-iteration once per iteration). */
  alerts(): CostAlert[] {
    const alerts: CostAlert[] = [];
    const raise = (alert: CostAlert): void => {
      const key = `${alert.kind}:${alert.limit}`;
      if (this.raised.has(key)) return;
      this.raised.add(key);
      alerts.push(alert);
    };
    const exceed = this.plan.onExceed.action;
    if (this.cumulative >= this.plan.cumulativeUsd) {
      raise({
        limit: 'cumulative',
        kind: 'exceed',
        action: exceed,
        message: `Spent $${round(this.cumulative)} of the $${this.plan.cumulativeUsd} cumulative limit.`,
      });
    } else if (this.plan.onApproach !== undefined) {
      const threshold = (this.plan.cumulativeUsd * this.plan.onApproach.thresholdPercent) / 100;
      if (this.cumulative >= threshold) {
        raise({
          limit: 'cumulative',
          kind: 'approach',
          action: this.plan.onApproach.action,
          message: `Spent $${round(this.cumulative)}, ${this.plan.onApproach.thresholdPercent}% or more of the $${this.plan.cumulativeUsd} cumulative limit.`,
        });
      }
    }
    if (this.iteration >= this.plan.perIterationUsd) {
      raise({
        limit: 'per_iteration',
        kind: 'exceed',
        action: exceed,
        message: `This iteration spent $${round(this.iteration)}; the limit is $${this.plan.perIterationUsd} per iteration.`,
      });
    }
    const cap = this.plan.tokenSoftCap;
    if (cap !== undefined && this.totalTokens >= cap) {
      raise({
        limit: 'token_soft_cap',
        kind: 'approach',
        action: this.plan.onApproach?.action ?? 'warn',
        message: `Used ${this.totalTokens} tokens; the soft cap is ${cap}.`,
      });
    }
    return alerts;
  }
}

function round(usd: number): string {
  return usd.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}
