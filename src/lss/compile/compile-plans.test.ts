import { describe, expect, it } from 'vitest';
import {
  compileChanged as compile,
  problemsAfter as problemsOf,
  threeWorkers,
} from './__fixtures__/minimal-spec.js';

describe('bounds and defaults', () => {
  it('takes the smallest max_iterations failure value, rounded down, before max_steps', () => {
    const program = compile((spec) => {
      spec.termination_conditions.failure = [
        { type: 'max_iterations', value: 9 },
        { type: 'evaluator_error', consecutive: 3, action: 'retry_iteration' },
        { type: 'max_iterations', value: 6.7, action: 'escalate_human' },
      ];
      spec.termination_conditions.success![0]!.consecutive = 2;
      spec.termination_conditions.stall = [
        { metric: 'quality', window_iterations: 3, min_improvement: 0.01, action: 'halt' },
      ];
    });
    expect(program.termination).toEqual({
      success: [{ metric: 'quality', operator: 'gte', value: 0.8, consecutive: 2 }],
      failure: [
        { type: 'max_iterations', action: 'halt', value: 9, consecutive: 1 },
        { type: 'evaluator_error', action: 'retry_iteration', value: undefined, consecutive: 3 },
        { type: 'max_iterations', action: 'escalate_human', value: 6.7, consecutive: 1 },
      ],
      stall: [{ metric: 'quality', windowIterations: 3, minImprovement: 0.01, action: 'halt' }],
      maxIterations: 6,
      maxIterationsSource: 'termination_conditions.failure.max_iterations',
    });
  });

  it('reports termination rules on metrics that do not exist', () => {
    const problems = problemsOf((spec) => {
      spec.termination_conditions.success![0]!.metric = 'qualty';
    });
    expect(problems).toEqual([
      expect.objectContaining({
        path: ['termination_conditions', 'success', 0, 'metric'],
        fix: 'Did you mean `quality`?',
      }),
    ]);
  });

  it('resolves safety severities, errors and scopes, expanding `*` and absent applies_to', () => {
    const program = compile((spec) => {
      threeWorkers(spec);
      spec.feedback_channels[0]!.destination = 'workers.editor';
      spec.evaluators[0]!.runs_after = ['editor'];
      spec.safety_constraints = [
        { id: 'everyone', type: 'injection_detect', scope: 'pre_worker', action: 'quarantine' },
        {
          id: 'editor-out',
          type: 'pii_detect',
          scope: 'post_worker',
          applies_to: ['editor'],
          action: 'strip',
          severity: 'S0',
          on_error: 'warn',
        },
        {
          id: 'star',
          type: 'secret_scan',
          scope: 'post_worker',
          applies_to: ['*'],
          action: 'halt',
          config: { entropy: 4 },
        },
        {
          id: 'judged',
          type: 'output_bounds',
          scope: 'pre_evaluator',
          applies_to: ['editor'],
          action: 'warn',
        },
        {
          id: 'rule',
          type: 'human_gate',
          scope: 'pre_output',
          applies_to: ['checker'],
          action: 'escalate_human',
          rule: 'A person approves',
        },
      ];
    });
    expect(program.safety.constraints.map((c) => [c.id, c.appliesTo, c.severity, c.onError, c.rule])).toEqual(
      [
        ['everyone', ['drafter', 'editor', 'checker'], 'S1', 'halt', undefined],
        ['editor-out', ['editor'], 'S0', 'warn', undefined],
        ['star', ['drafter', 'editor', 'checker'], 'S1', 'halt', undefined],
        ['judged', ['editor'], 'S1', 'halt', undefined],
        ['rule', ['checker'], 'S1', 'halt', 'A person approves'],
      ],
    );
    expect(program.safety.byScope).toEqual({
      pre_worker: ['everyone'],
      post_worker: ['editor-out', 'star'],
      pre_output: ['rule'],
      pre_memory_write: [],
      pre_evaluator: ['judged'],
    });
    expect(program.workers.map((w) => w.safety)).toEqual([
      { pre_worker: ['everyone'], post_worker: ['star'] },
      { pre_worker: ['everyone'], post_worker: ['editor-out', 'star'], pre_evaluator: ['judged'] },
      { pre_worker: ['everyone'], post_worker: ['star'], pre_output: ['rule'] },
    ]);
    expect(program.evaluators[0]!.safety).toEqual(['judged']);
  });

  it('binds metrics to their sources and requires exactly one primary metric', () => {
    const program = compile((spec) => {
      spec.metrics.push(
        {
          name: 'spend',
          definition: 'Cost',
          source: 'telemetry.cost.total',
          unit: 'usd',
          target: 1,
          regression_threshold: 0.1,
        },
        { name: 'length', definition: 'Words', source: 'workers.writer', unit: 'count' },
      );
    });
    expect(program.metrics.map((m) => [m.name, m.primary, m.source])).toEqual([
      ['quality', true, { kind: 'evaluator', id: 'judge' }],
      ['spend', false, { kind: 'telemetry', signal: 'cost.total' }],
      ['length', false, { kind: 'worker', id: 'writer' }],
    ]);
    expect(problemsOf((spec) => (spec.metrics[0]!.primary = false))[0]).toMatchObject({
      rule: 'primary-metric',
      message: 'No metric is primary.',
    });
    const two = problemsOf((spec) => spec.metrics.push({ ...spec.metrics[0]!, name: 'other' }));
    expect(two[0]!.message).toBe('2 metrics are primary (`quality`, `other`).');
    expect(problemsOf((spec) => (spec.metrics[0]!.source = 'evaluators.ghost'))[0]!.path).toEqual([
      'metrics',
      0,
      'source',
    ]);
  });

  it('resolves the optimization plan, cost plan and inputs', () => {
    const program = compile((spec) => {
      spec.optimization_strategy = {
        type: 'parameter_search',
        max_steps: 3,
        config: {
          refinement_target: 'workers.writer',
          search_space: { temperature: [0, 0.5] },
          budget_split: 'even',
        },
        rollback: { on_metric_drop: 0.05 },
      };
      spec.cost_limits = {
        per_iteration_usd: 0.5,
        cumulative_usd: 2,
        token_soft_cap: 1000,
        on_approach: { threshold_percent: 90, action: 'throttle' },
        on_exceed: { action: 'warn' },
        price_table_ref: 'prices.json',
      };
      spec.inputs.schema.depth = {
        type: 'enum',
        description: 'How deep',
        values: ['quick', 'deep'],
        default: 'quick',
      };
      spec.inputs.schema.tags = { type: 'array', description: 'Tags', items: 'string', min_length: 1 };
    });
    expect(program.optimization).toEqual({
      type: 'parameter_search',
      maxSteps: 3,
      refinementTarget: 'writer',
      secondaryTargets: [],
      preserveSections: [],
      humanGateOn: undefined,
      searchSpace: { temperature: [0, 0.5] },
      rollback: { onMetricDrop: 0.05, onSafetyFailure: false },
      config: { budget_split: 'even' },
    });
    expect(program.cost).toEqual({
      perIterationUsd: 0.5,
      cumulativeUsd: 2,
      tokenSoftCap: 1000,
      onApproach: { thresholdPercent: 90, action: 'throttle' },
      onExceed: { action: 'warn' },
      priceTableRef: 'prices.json',
      workerBudgetsUsd: {},
    });
    expect(program.inputs.slice(1)).toMatchObject([
      {
        name: 'depth',
        type: 'enum',
        required: false,
        values: ['quick', 'deep'],
        default: 'quick',
        hasDefault: true,
      },
      { name: 'tags', type: 'array', items: 'string', minLength: 1, hasDefault: false },
    ]);
    expect(
      problemsOf((spec) => (spec.optimization_strategy.config = { refinement_target: 'workers.nobody' }))[0]!
        .path,
    ).toEqual(['optimization_strategy', 'config', 'refinement_target']);
  });
});
