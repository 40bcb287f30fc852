import { describe, expect, it } from 'vitest';
import { baseSpec, changed } from './__fixtures__/base-spec.js';
import { checkFeedbackReferences } from './check-feedback-references.js';

describe('checkFeedbackReferences', () => {
  it('finds nothing when sources and destinations resolve', () => {
    expect(checkFeedbackReferences(baseSpec())).toEqual([]);
    const spec = changed((s) => {
      s.feedback_channels[0]!.source = 'workers.researcher';
      s.feedback_channels[1]!.destination = 'optimization_strategy.prompt_refinement';
    });
    expect(checkFeedbackReferences(spec)).toEqual([]);
  });

  it('reports a destination worker that is not declared', () => {
    const problems = checkFeedbackReferences(
      changed((spec) => (spec.feedback_channels[0]!.destination = 'workers.writr')),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'reference',
        message:
          'Feedback channel `judge_to_writer` goes to `workers.writr`, which is not a declared worker.',
        path: ['feedback_channels', 0, 'destination'],
        fix: 'Did you mean `workers.writer`?',
      },
    ]);
  });

  it('reports a source evaluator that is not declared', () => {
    const problems = checkFeedbackReferences(
      changed((spec) => (spec.feedback_channels[0]!.source = 'evaluators.jduge')),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'reference',
        message:
          'Feedback channel `judge_to_writer` comes from `evaluators.jduge`, which is not a declared evaluator.',
        path: ['feedback_channels', 0, 'source'],
        fix: 'Did you mean `evaluators.judge`?',
      },
    ]);
  });

  it('suggests the other kind when the name is declared there', () => {
    const fromWorkers = checkFeedbackReferences(
      changed((spec) => (spec.feedback_channels[0]!.source = 'workers.judge')),
    );
    expect(fromWorkers[0]!.message).toBe(
      'Feedback channel `judge_to_writer` comes from `workers.judge`, which is not a declared worker.',
    );
    expect(fromWorkers[0]!.fix).toBe('Did you mean `evaluators.judge`?');
    const fromEvaluators = checkFeedbackReferences(
      changed((spec) => (spec.feedback_channels[0]!.source = 'evaluators.writer')),
    );
    expect(fromEvaluators[0]!.fix).toBe('Did you mean `workers.writer`?');
  });

  it('warns about a destination optimizer that is not the loop optimizer', () => {
    const problems = checkFeedbackReferences(
      changed((spec) => (spec.feedback_channels[1]!.destination = 'optimization_strategy.manual')),
    );
    expect(problems).toEqual([
      {
        severity: 'warning',
        rule: 'reference',
        message:
          "Feedback channel `judge_to_optimizer` goes to the `manual` optimizer, but the loop's `optimization_strategy.type` is `prompt_refinement`.",
        path: ['feedback_channels', 1, 'destination'],
        fix: 'Write `optimization_strategy` or `optimization_strategy.prompt_refinement`.',
      },
    ]);
  });

  it('does not judge the optimizer when the loop has no optimizer type', () => {
    const spec = changed((s) => {
      s.feedback_channels[1]!.destination = 'optimization_strategy.manual';
      delete (s.optimization_strategy as { type?: unknown }).type;
    });
    expect(checkFeedbackReferences(spec)).toEqual([]);
  });

  it('leaves other shapes to the schema and names channels without an id by position', () => {
    const document = {
      workers: [{ id: 'a' }],
      feedback_channels: [
        { source: 'judges.x', destination: 'optimization_strategy.manual.x' },
        { source: 'evaluators.', destination: 'workers.' },
        { source: 3, destination: null },
        { destination: 'workers.b' },
      ],
      optimization_strategy: { type: 'structural' },
    };
    const problems = checkFeedbackReferences(document);
    expect(problems.map((problem) => problem.message)).toEqual([
      'feedback_channels[3] goes to `workers.b`, which is not a declared worker.',
    ]);
  });
});
