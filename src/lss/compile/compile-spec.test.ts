import { describe, expect, it } from 'vitest';
import {
  compileChanged as compile,
  minimalSpec,
  problemsAfter as problemsOf,
  threeWorkers,
} from './__fixtures__/minimal-spec.js';
import { compileSpec } from './compile-spec.js';
import { LOOP_PROGRAM_FORMAT } from './loop-program.js';
import { SpecCompileError } from './spec-compile-error.js';
import type { LoopSpec } from '../loop-spec.js';
import { parseSpecText } from '../parse/parse-spec.js';
import { stringify } from 'yaml';

describe('compileSpec', () => {
  it('compiles the minimal spec with every default resolved', () => {
    const program = compileSpec(minimalSpec(), { file: 'tiny.yaml' });
    expect(program).toMatchObject({
      format: LOOP_PROGRAM_FORMAT,
      lssVersion: '1.0',
      name: 'tiny-loop',
      source: { file: 'tiny.yaml' },
      inputs: [{ name: 'message', required: true, hasDefault: false, default: undefined }],
      inputExamples: [],
      memory: { type: 'ephemeral', backend: undefined, allowedWriters: [], readPolicy: undefined },
      evaluation: { aggregation: 'min', vetoes: [] },
      optimization: {
        refinementTarget: undefined,
        secondaryTargets: [],
        preserveSections: [],
        rollback: { onMetricDrop: undefined, onSafetyFailure: false },
        config: {},
      },
      termination: { maxIterations: 4, maxIterationsSource: 'optimization_strategy.max_steps' },
      primaryMetric: 'quality',
      safety: {
        constraints: [],
        byScope: { pre_worker: [], post_worker: [], pre_output: [], pre_memory_write: [], pre_evaluator: [] },
      },
      composition: undefined,
      extensions: {},
    });
    expect(program.workers[0]!.model).toEqual({
      provider: 'openai',
      name: 'worker-model',
      id: 'openai:worker-model',
      temperature: undefined,
      maxTokens: undefined,
      topP: undefined,
    });
  });

  it('freezes the program deeply, without freezing or sharing the spec', () => {
    const spec = minimalSpec();
    spec.x_team = { owners: ['ana'] };
    spec.inputs.examples = [{ message: 'hi', extra: { nested: [1] } }];
    const program = compileSpec(spec);
    const frozen = (value: unknown): boolean =>
      typeof value !== 'object' ||
      value === null ||
      (Object.isFrozen(value) && Object.values(value).every(frozen));
    expect(frozen(program)).toBe(true);
    expect(() => {
      (program.workers as unknown as unknown[]).push(1);
    }).toThrow(TypeError);
    expect(Object.isFrozen(spec)).toBe(false);
    expect(Object.isFrozen(spec.x_team)).toBe(false);
    (spec.x_team as { owners: string[] }).owners.push('bo');
    spec.inputs.examples[0]!.message = 'changed';
    expect(program.extensions).toEqual({ x_team: { owners: ['ana'] } });
    expect(program.inputExamples).toEqual([{ message: 'hi', extra: { nested: [1] } }]);
  });

  it('gives the same JSON for the same spec', () => {
    expect(JSON.stringify(compileSpec(minimalSpec()))).toBe(JSON.stringify(compileSpec(minimalSpec())));
  });

  it('keeps x_ keys, `extensions` and other top-level keys in `extensions`', () => {
    const program = compile((spec) => {
      spec.extensions = { scoring: { weights: [1, 2] } };
      spec.x_owner = 'ana';
      spec.metadata = { level: 3 };
    });
    expect(program.extensions).toEqual({
      extensions: { scoring: { weights: [1, 2] } },
      x_owner: 'ana',
      metadata: { level: 3 },
    });
  });
});

describe('evaluators', () => {
  it('expands `*` and orders evaluators after the last worker they judge', () => {
    const program = compile((spec) => {
      threeWorkers(spec);
      spec.feedback_channels[0]!.destination = 'workers.editor';
      const judge = spec.evaluators[0]!;
      spec.evaluators = [
        { id: 'all', type: 'deterministic', runs_after: ['*'], implementation: 'evaluators.exact_match' },
        { ...judge, runs_after: ['editor'] },
        {
          id: 'first',
          type: 'deterministic',
          runs_after: ['drafter'],
          implementation: 'evaluators.regex_match',
        },
        {
          id: 'gate',
          type: 'human',
          runs_after: ['checker', 'drafter', 'checker'] as string[],
          timeout_seconds: 600,
        },
      ];
    });
    expect(program.workers.map((w) => w.id)).toEqual(['drafter', 'editor', 'checker']);
    expect(program.evaluators.map((e) => [e.id, e.order, e.runsAfter])).toEqual([
      ['first', 0, ['drafter']],
      ['judge', 1, ['editor']],
      ['all', 2, ['drafter', 'editor', 'checker']],
      ['gate', 3, ['drafter', 'checker']],
    ]);
    expect(program.workers.map((w) => w.evaluators)).toEqual([
      ['first', 'all', 'gate'],
      ['judge', 'all'],
      ['all', 'gate'],
    ]);
    expect(program.evaluators[3]).toMatchObject({ type: 'human', timeoutSeconds: 600, queue: undefined });
  });

  it('normalises rubric weights and resolves the evaluation plan', () => {
    const program = compile((spec) => {
      const judge = spec.evaluators[0]!;
      if (judge.type !== 'llm_rubric') throw new Error('fixture changed');
      judge.rubric.dimensions = [
        { name: 'a', weight: 0.5, scale: [1, 5], criteria: 'A' },
        { name: 'b', weight: 0.25, scale: [0, 1], criteria: 'B' },
        { name: 'c', weight: 0.25, scale: [0, 1], criteria: 'C' },
      ];
      judge.aggregation = 'weighted_avg';
      spec.evaluators.push({
        id: 'veto',
        type: 'deterministic',
        runs_after: ['writer'],
        implementation: 'evaluators.secret_scan',
        aggregation: 'veto',
      });
    });
    const judge = program.evaluators[0]!;
    expect(judge.type === 'llm_rubric' && judge.dimensions.map((d) => [d.normalizedWeight, d.scale])).toEqual(
      [
        [0.5, [1, 5]],
        [0.25, [0, 1]],
        [0.25, [0, 1]],
      ],
    );
    expect(program.evaluation).toEqual({ aggregation: 'weighted_avg', vetoes: ['veto'] });
    const double = compile((spec) => {
      const rubric = spec.evaluators[0]!;
      if (rubric.type === 'llm_rubric') rubric.rubric.dimensions[0]!.weight = 0.4;
    });
    const only = double.evaluators[0]!;
    expect(only.type === 'llm_rubric' && only.dimensions[0]!.normalizedWeight).toBe(1);
  });
});

describe('feedback routing', () => {
  it('routes to workers and to the optimizer of the named or the loop type', () => {
    const program = compile((spec) => {
      spec.optimization_strategy.type = 'memory_update';
      spec.feedback_channels.push(
        {
          id: 'to_optimizer',
          source: 'evaluators.judge',
          destination: 'optimization_strategy',
          format: 'template',
          template_ref: 'templates/feedback.mustache',
        },
        {
          id: 'to_search',
          source: 'workers.writer',
          destination: 'optimization_strategy.parameter_search',
          format: 'human_queue',
          fields: ['raw_output'],
          max_tokens: 50,
          when: 'iteration >= 2 and metrics.quality < 0.5',
        },
      );
    });
    expect(program.feedback.map((route) => [route.source, route.destination])).toEqual([
      [
        { kind: 'evaluator', id: 'judge' },
        { kind: 'worker', id: 'writer' },
      ],
      [
        { kind: 'evaluator', id: 'judge' },
        { kind: 'optimizer', type: 'memory_update' },
      ],
      [
        { kind: 'worker', id: 'writer' },
        { kind: 'optimizer', type: 'parameter_search' },
      ],
    ]);
    expect(program.feedback[0]!.fields).toEqual(['failure_codes', 'score', 'remediation_hints']);
    expect(program.feedback[1]!.templateRef).toBe('templates/feedback.mustache');
    expect(program.feedback[2]).toMatchObject({
      fields: ['raw_output'],
      maxTokens: 50,
      when: { text: 'iteration >= 2 and metrics.quality < 0.5' },
    });
    expect(program.workers[0]!.feedbackChannels).toEqual(['judge_to_writer']);
    // A worker has no rubric: its channels cannot test dimension scores.
    const problems = problemsOf((spec) => {
      spec.feedback_channels[0]!.source = 'workers.writer';
      spec.feedback_channels[0]!.when = 'dimension_scores.fidelity < 0.5';
    });
    expect(problems[0]!.message).toContain('no rubric dimension');
    expect(program.evaluators[0]!.feedbackChannels).toEqual(['judge_to_writer', 'to_optimizer']);
  });

  it('parses `when` against the source rubric and the metrics, reporting the column in the file', () => {
    const spec = minimalSpec();
    spec.feedback_channels[0]!.when = 'score < pass_threshold and dimension_scores.fidelty < 0.5';
    const text = stringify(spec);
    const parsed = parseSpecText(text, { file: 'loop.yaml' });
    let problems: readonly unknown[] = [];
    try {
      compileSpec(parsed.value as LoopSpec, { file: 'loop.yaml', sourceMap: parsed.sourceMap });
    } catch (error) {
      problems = (error as SpecCompileError).problems;
    }
    const line = text.split('\n').findIndex((l) => l.includes('when:')) + 1;
    const valueColumn = text.split('\n')[line - 1]!.indexOf('score') + 1;
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'condition',
        file: 'loop.yaml',
        path: ['feedback_channels', 0, 'when'],
        line,
        column: valueColumn + 'score < pass_threshold and '.length,
        fix: 'Did you mean `dimension_scores.fidelity`?',
      }),
    ]);
  });

  it('reports sources and destinations that do not exist', () => {
    const problems = problemsOf((spec) => {
      spec.feedback_channels[0]!.source = 'evaluators.jduge';
      spec.feedback_channels[0]!.destination = 'workers.nobody';
    });
    expect(problems.map((p) => p.path)).toEqual([
      ['feedback_channels', 0, 'source'],
      ['feedback_channels', 0, 'destination'],
    ]);
    const optimizer = problemsOf(
      (spec) => (spec.feedback_channels[0]!.destination = 'optimization_strategy.tuning'),
    );
    expect(optimizer[0]!.message).toContain('is not an optimizer');
  });
});
