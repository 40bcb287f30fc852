import { describe, expect, it } from 'vitest';
import { baseSpec, changed, summary } from './__fixtures__/base-spec.js';
import { checkMetricReferences } from './check-metric-references.js';

describe('checkMetricReferences', () => {
  it('finds nothing when metric sources and watched metrics resolve', () => {
    expect(checkMetricReferences(baseSpec())).toEqual([]);
    const spec = changed((s) => {
      s.metrics[1]!.source = 'telemetry.cost.workers';
      s.metrics.push({ name: 'words', definition: 'Words written', source: 'workers.writer', unit: 'count' });
    });
    expect(checkMetricReferences(spec)).toEqual([]);
  });

  it('reports a metric fed by an undeclared evaluator', () => {
    const problems = checkMetricReferences(changed((spec) => (spec.metrics[0]!.source = 'evaluators.jugde')));
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'reference',
        message: 'Metric `quality` comes from `evaluators.jugde`, which is not a declared evaluator.',
        path: ['metrics', 0, 'source'],
        fix: 'Did you mean `evaluators.judge`?',
      },
    ]);
  });

  it('suggests the other kind, or dropping the sub-path of a declared source', () => {
    const [other] = checkMetricReferences(changed((spec) => (spec.metrics[0]!.source = 'workers.judge')));
    expect(other!.fix).toBe('Did you mean `evaluators.judge`?');
    const [deeper] = checkMetricReferences(
      changed((spec) => (spec.metrics[0]!.source = 'evaluators.judge.score')),
    );
    expect(deeper!.message).toBe(
      'Metric `quality` comes from `evaluators.judge.score`, which is not a declared evaluator.',
    );
    expect(deeper!.fix).toBe('Write `evaluators.judge`.');
  });

  it('warns about a telemetry signal that LoopGym does not record', () => {
    const problems = checkMetricReferences(changed((spec) => (spec.metrics[1]!.source = 'telemetry.costs')));
    expect(problems).toEqual([
      {
        severity: 'warning',
        rule: 'reference',
        message:
          'Metric `spend` reads the telemetry signal `costs`, which LoopGym does not record (it records `cost`, `tokens`, `latency`, `iteration`, `iterations`, `safety`).',
        path: ['metrics', 1, 'source'],
        fix: 'Did you mean `telemetry.cost`?',
      },
    ]);
  });

  it('reports success and stall conditions watching undeclared metrics', () => {
    const spec = changed((s) => {
      s.termination_conditions.success![0]!.metric = 'qualty';
      s.termination_conditions.stall![0]!.metric = 'progress';
    });
    const problems = checkMetricReferences(spec);
    expect(summary(problems)).toEqual([
      'error [reference] termination_conditions.success.0.metric',
      'error [reference] termination_conditions.stall.0.metric',
    ]);
    expect(problems[0]!.message).toBe(
      'The success condition watches the metric `qualty`, which `metrics` does not declare.',
    );
    expect(problems[0]!.fix).toBe('Did you mean `quality`?');
    expect(problems[1]!.fix).toBe('Use a declared metric: `quality` or `spend`.');
  });

  it('leaves other roots and odd entries to the schema', () => {
    const document = {
      metrics: [
        { name: 'a', source: 'judges.x' },
        { source: 'evaluators.' },
        { source: 3 },
        null,
        { source: 'telemetry.' },
      ],
      termination_conditions: { success: [null, { metric: 3 }], stall: 'x', failure: [{ metric: 'nope' }] },
    };
    expect(checkMetricReferences(document)).toEqual([]);
    expect(checkMetricReferences({ metrics: [{ source: 'evaluators.x' }] })[0]!.message).toBe(
      'metrics[0] comes from `evaluators.x`, which is not a declared evaluator.',
    );
  });
});
