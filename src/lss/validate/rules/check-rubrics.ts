// Rule `rubric`: rubric weights sum to 1 and scales go from low to high.
import { asList, asNumber, field, listEntries } from './document-access.js';
import type { RuleProblem } from './spec-rule.js';

/**
 * Warns when the `weight`s of a rubric's dimensions do not add up to 1 (the rubric score is their weighted sum),
 * suggesting the scaled weights; an error when a dimension's `scale` is not `[low, high]` with `low < high`.
 *
 * @example
 * ```ts
 * checkRubrics(document); // [{ severity: 'warning', fix: 'Scale them to sum to 1: `accuracy` 0.5, `clarity` 0.5.', … }]
 * ```
 */
export function checkRubrics(document: unknown): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const evaluator of listEntries(document, 'evaluators')) {
    const base = ['evaluators', evaluator.index, 'rubric', 'dimensions'];
    const dimensions = asList(field(evaluator.value, 'rubric', 'dimensions'));
    const weights = dimensions.map((dimension) => asNumber(field(dimension, 'weight')));
    const who = evaluator.id === undefined ? `evaluators[${evaluator.index}]` : `\`${evaluator.id}\``;
    if (dimensions.length > 0 && weights.every((weight) => weight !== undefined && weight > 0)) {
      const total = (weights as number[]).reduce((sum, weight) => sum + weight, 0);
      if (Math.abs(total - 1) > 1e-6) {
        const scaled = dimensions.map((dimension, index) => {
          const name = field(dimension, 'name');
          const label = typeof name === 'string' ? `\`${name}\`` : `#${index + 1}`;
          return `${label} ${Number(((weights[index] ?? 0) / total).toFixed(3))}`;
        });
        problems.push({
          severity: 'warning',
          rule: 'rubric',
          message: `The dimension weights of the rubric of ${who} add up to ${Number(total.toFixed(6))}, not 1.`,
          path: base,
          anchor: 'key',
          fix: `Scale them to sum to 1: ${scaled.join(', ')}.`,
        });
      }
    }
    dimensions.forEach((dimension, index) => {
      const scale = asList(field(dimension, 'scale'));
      const low = asNumber(scale[0]);
      const high = asNumber(scale[1]);
      if (scale.length !== 2 || low === undefined || high === undefined || low < high) return;
      problems.push({
        severity: 'error',
        rule: 'rubric',
        message: `The \`scale\` of a rubric dimension of ${who} is [${low}, ${high}]; it must go from a low to a higher score.`,
        path: [...base, index, 'scale'],
        fix: low === high ? `Use a range such as [${low}, ${low + 1}].` : `Write it as [${high}, ${low}].`,
      });
    });
  }
  return problems;
}
