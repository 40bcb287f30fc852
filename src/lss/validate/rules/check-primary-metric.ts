// Rule `primary-metric`: exactly one metric is the one the loop is judged by.
import { asString, listEntries } from './document-access.js';
import type { RuleProblem } from './spec-rule.js';

/**
 * Exactly one metric has `primary: true`. None: one error at `metrics`, suggesting the first metric fed by an
 * evaluator. Several: an error at each `primary` after the first.
 *
 * @example
 * ```ts
 * checkPrimaryMetric({ metrics: [{ name: 'quality', source: 'evaluators.judge' }] });
 * // [{ rule: 'primary-metric', fix: 'Add `primary: true` to the metric `quality`.', … }]
 * ```
 */
export function checkPrimaryMetric(document: unknown): RuleProblem[] {
  const metrics = listEntries(document, 'metrics', 'name');
  if (metrics.length === 0) return [];
  const primary = metrics.filter((metric) => metric.value?.primary === true);
  if (primary.length === 0) {
    const candidate =
      metrics.find((metric) => asString(metric.value?.source)?.startsWith('evaluators.') === true) ??
      metrics[0]!;
    return [
      {
        severity: 'error',
        rule: 'primary-metric',
        message: 'No metric is marked `primary: true`; a loop is judged by exactly one primary metric.',
        path: ['metrics'],
        anchor: 'key',
        fix:
          candidate.id === undefined
            ? 'Add `primary: true` to the metric the loop is judged by.'
            : `Add \`primary: true\` to the metric \`${candidate.id}\` (or to the one the loop is judged by).`,
      },
    ];
  }
  const first = primary[0]!;
  return primary.slice(1).map((metric) => ({
    severity: 'error' as const,
    rule: 'primary-metric',
    message: `Metric ${metric.id === undefined ? `metrics[${metric.index}]` : `\`${metric.id}\``} is marked primary, but ${first.id === undefined ? `metrics[${first.index}]` : `\`${first.id}\``} already is; only one metric may be primary.`,
    path: ['metrics', metric.index, 'primary'],
    fix: 'Keep `primary: true` on one metric only; remove it here or there.',
  }));
}
