import { describe, expect, it } from 'vitest';
import { baseSpec, changed, summary } from './__fixtures__/base-spec.js';
import { checkPrimaryMetric } from './check-primary-metric.js';

describe('checkPrimaryMetric', () => {
  it('finds nothing when exactly one metric is primary', () => {
    expect(checkPrimaryMetric(baseSpec())).toEqual([]);
  });

  it('reports a loop without a primary metric, suggesting the first metric fed by an evaluator', () => {
    const problems = checkPrimaryMetric(
      changed((spec) => {
        spec.metrics[0]!.primary = false;
        spec.metrics.reverse();
      }),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'primary-metric',
        message: 'No metric is marked `primary: true`; a loop is judged by exactly one primary metric.',
        path: ['metrics'],
        anchor: 'key',
        fix: 'Add `primary: true` to the metric `quality` (or to the one the loop is judged by).',
      },
    ]);
  });

  it('suggests the first metric when no evaluator feeds one', () => {
    const problems = checkPrimaryMetric({
      metrics: [{ name: 'spend', source: 'telemetry.cost' }, { name: 'b' }],
    });
    expect(problems[0]!.fix).toBe(
      'Add `primary: true` to the metric `spend` (or to the one the loop is judged by).',
    );
    expect(checkPrimaryMetric({ metrics: [{ source: 'telemetry.cost' }] })[0]!.fix).toBe(
      'Add `primary: true` to the metric the loop is judged by.',
    );
  });

  it('reports each primary metric after the first', () => {
    const problems = checkPrimaryMetric(
      changed((spec) => {
        spec.metrics[1]!.primary = true;
        spec.metrics.push({ ...spec.metrics[1]!, name: 'third' });
      }),
    );
    expect(summary(problems)).toEqual([
      'error [primary-metric] metrics.1.primary',
      'error [primary-metric] metrics.2.primary',
    ]);
    expect(problems[0]!.message).toBe(
      'Metric `spend` is marked primary, but `quality` already is; only one metric may be primary.',
    );
    expect(problems[0]!.fix).toBe('Keep `primary: true` on one metric only; remove it here or there.');
  });

  it('counts only `primary: true`, and says nothing without metrics (the schema requires them)', () => {
    expect(checkPrimaryMetric({ metrics: [{ name: 'a', primary: 'true' }] })).toHaveLength(1);
    expect(checkPrimaryMetric({ metrics: [null, { primary: true }, { primary: true }] })[0]!.message).toBe(
      'Metric metrics[2] is marked primary, but metrics[1] already is; only one metric may be primary.',
    );
    for (const metrics of [undefined, [], 'quality', { a: { primary: true } }]) {
      expect(checkPrimaryMetric({ metrics })).toEqual([]);
    }
  });
});
