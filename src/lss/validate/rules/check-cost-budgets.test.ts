import { describe, expect, it } from 'vitest';
import { baseSpec, changed, summary } from './__fixtures__/base-spec.js';
import { checkCostBudgets } from './check-cost-budgets.js';

describe('checkCostBudgets', () => {
  it('finds nothing when the worker budgets fit in the cumulative limit', () => {
    expect(checkCostBudgets(baseSpec())).toEqual([]);
    // Exactly at the limit, with sums that are not exact in binary.
    const spec = changed((s) => {
      s.workers[0]!.cost_budget_usd = 0.1;
      s.workers[1]!.cost_budget_usd = 0.2;
      s.cost_limits.cumulative_usd = 0.3;
      s.cost_limits.per_iteration_usd = 0.3;
    });
    expect(checkCostBudgets(spec)).toEqual([]);
  });

  it('warns when the worker budgets add up to more than the cumulative limit', () => {
    const problems = checkCostBudgets(
      changed((spec) => {
        spec.cost_limits.cumulative_usd = 0.45;
        spec.cost_limits.per_iteration_usd = 0.45;
      }),
    );
    expect(problems).toEqual([
      {
        severity: 'warning',
        rule: 'budget',
        message:
          "The workers' `cost_budget_usd` add up to $0.5, more than `cost_limits.cumulative_usd` ($0.45).",
        path: ['cost_limits', 'cumulative_usd'],
        fix: 'Raise `cumulative_usd` to at least 0.5, or lower the worker budgets (say why in the spec if the excess is intended).',
      },
    ]);
  });

  it('warns when one worker alone may spend more than the whole run', () => {
    const problems = checkCostBudgets(changed((spec) => (spec.workers[1]!.cost_budget_usd = 5)));
    expect(summary(problems)).toEqual(['warning [budget] cost_limits.cumulative_usd']);
    expect(problems[0]!.message).toContain('add up to $5.2');
  });

  it('warns when one iteration may spend more than the whole run', () => {
    const problems = checkCostBudgets(changed((spec) => (spec.cost_limits.per_iteration_usd = 3)));
    expect(problems).toEqual([
      {
        severity: 'warning',
        rule: 'budget',
        message: '`cost_limits.per_iteration_usd` ($3) is above `cumulative_usd` ($2).',
        path: ['cost_limits', 'per_iteration_usd'],
        fix: 'Make `per_iteration_usd` at most `cumulative_usd`.',
      },
    ]);
  });

  it('ignores workers without a numeric budget, and says nothing without a cumulative limit', () => {
    const spec = changed((s) => {
      delete s.workers[0]!.cost_budget_usd;
      (s.workers[1] as { cost_budget_usd: unknown }).cost_budget_usd = '9';
      s.cost_limits.cumulative_usd = 0.01;
      s.cost_limits.per_iteration_usd = 0.01;
    });
    expect(checkCostBudgets(spec)).toEqual([]);
    for (const costLimits of [undefined, {}, { cumulative_usd: '1', per_iteration_usd: 5 }, []]) {
      expect(checkCostBudgets({ workers: [{ cost_budget_usd: 100 }], cost_limits: costLimits })).toEqual([]);
    }
  });
});
