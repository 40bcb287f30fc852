// Rule `termination-bound`: something stops the loop.
import { asList, asNumber, asString, field } from './document-access.js';
import type { RuleProblem } from './spec-rule.js';

/**
 * Every loop must stop. What bounds it, in the order LoopGym applies them: a `max_iterations` failure condition
 * with a `value`; else `optimization_strategy.max_steps` (the compiler's fallback iteration bound); and, at any
 * time, a positive `cost_limits.cumulative_usd` whose `on_exceed.action` is `halt`. Error when none of them bounds
 * the loop; warning when there is no `max_iterations` condition (the standard strongly recommends one).
 *
 * @example
 * ```ts
 * checkTerminationBound(document); // [{ severity: 'warning', fix: 'Add `- { type: max_iterations, value: 5 }` …' }]
 * ```
 */
export function checkTerminationBound(document: unknown): RuleProblem[] {
  const failures = asList(field(document, 'termination_conditions', 'failure'));
  const hasMaxIterations = failures.some(
    (failure) => field(failure, 'type') === 'max_iterations' && (asNumber(field(failure, 'value')) ?? 0) >= 1,
  );
  if (hasMaxIterations) return [];
  const maxSteps = asNumber(field(document, 'optimization_strategy', 'max_steps'));
  const stepsBound = maxSteps !== undefined && maxSteps >= 1 ? maxSteps : undefined;
  const cumulative = asNumber(field(document, 'cost_limits', 'cumulative_usd'));
  const costBound =
    cumulative !== undefined &&
    cumulative > 0 &&
    asString(field(document, 'cost_limits', 'on_exceed', 'action')) === 'halt'
      ? cumulative
      : undefined;
  const path = field(document, 'termination_conditions') === undefined ? [] : ['termination_conditions'];
  const suggested = Math.floor(stepsBound ?? 10);
  const fix = `Add \`- { type: max_iterations, value: ${suggested}, action: halt }\` to \`termination_conditions.failure\`.`;
  if (stepsBound === undefined && costBound === undefined) {
    return [
      {
        severity: 'error',
        rule: 'termination-bound',
        message:
          'Nothing bounds the loop: no `max_iterations` failure condition, no `optimization_strategy.max_steps`, and no positive `cost_limits.cumulative_usd` that halts when exceeded.',
        path,
        anchor: 'key',
        fix,
      },
    ];
  }
  const bounds = [
    stepsBound === undefined
      ? undefined
      : `after \`optimization_strategy.max_steps\` (${stepsBound}) iterations`,
    costBound === undefined ? undefined : `when it has spent \`cost_limits.cumulative_usd\` ($${costBound})`,
  ].filter((bound) => bound !== undefined);
  return [
    {
      severity: 'warning',
      rule: 'termination-bound',
      message: `There is no \`max_iterations\` failure condition; the loop stops only ${bounds.join(' or ')}.`,
      path,
      anchor: 'key',
      fix,
    },
  ];
}
