// Rule `budget`: the budgets of the parts fit in the budget of the whole.
import { asNumber, field, listEntries } from './document-access.js';
import type { RuleProblem } from './spec-rule.js';

/**
 * Warns when the workers' `cost_budget_usd` add up to more than `cost_limits.cumulative_usd`, or when
 * `per_iteration_usd` is above `cumulative_usd` (one iteration could then spend more than the whole run may).
 *
 * @example
 * ```ts
 * checkCostBudgets(document); // [{ severity: 'warning', path: ['cost_limits', 'cumulative_usd'], … }]
 * ```
 */
export function checkCostBudgets(document: unknown): RuleProblem[] {
  const cumulative = asNumber(field(document, 'cost_limits', 'cumulative_usd'));
  if (cumulative === undefined) return [];
  const problems: RuleProblem[] = [];
  const budgets = listEntries(document, 'workers')
    .map((worker) => asNumber(worker.value?.cost_budget_usd))
    .filter((budget) => budget !== undefined);
  const total = budgets.reduce((sum, budget) => sum + budget, 0);
  if (total > cumulative + 1e-9) {
    problems.push({
      severity: 'warning',
      rule: 'budget',
      message: `The workers' \`cost_budget_usd\` add up to $${money(total)}, more than \`cost_limits.cumulative_usd\` ($${money(cumulative)}).`,
      path: ['cost_limits', 'cumulative_usd'],
      fix: `Raise \`cumulative_usd\` to at least ${money(total)}, or lower the worker budgets (say why in the spec if the excess is intended).`,
    });
  }
  const perIteration = asNumber(field(document, 'cost_limits', 'per_iteration_usd'));
  if (perIteration !== undefined && perIteration > cumulative + 1e-9) {
    problems.push({
      severity: 'warning',
      rule: 'budget',
      message: `\`cost_limits.per_iteration_usd\` ($${money(perIteration)}) is above \`cumulative_usd\` ($${money(cumulative)}).`,
      path: ['cost_limits', 'per_iteration_usd'],
      fix: 'Make `per_iteration_usd` at most `cumulative_usd`.',
    });
  }
  return problems;
}

/** 0.30000000000000004 → '0.3'. */
function money(amount: number): string {
  return String(Number(amount.toFixed(6)));
}
