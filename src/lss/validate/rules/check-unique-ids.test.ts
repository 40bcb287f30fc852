import { describe, expect, it } from 'vitest';
import { baseSpec, changed, summary, withComposition, worker } from './__fixtures__/base-spec.js';
import { checkUniqueIds } from './check-unique-ids.js';

describe('checkUniqueIds', () => {
  it('finds nothing when every id is declared once', () => {
    expect(checkUniqueIds(baseSpec())).toEqual([]);
    expect(checkUniqueIds(withComposition('parallel'))).toEqual([]);
  });

  it('reports a repeated worker id where it is repeated, pointing back to the first', () => {
    const problems = checkUniqueIds(changed((spec) => spec.workers.push(worker('writer'))));
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'unique-id',
        message: 'Worker id `writer` is declared twice (first at `workers[1]`).',
        path: ['workers', 2, 'id'],
        fix: 'Give each one its own id, and update the references to the one you rename.',
      },
    ]);
  });

  it('reports each repetition after the first', () => {
    const problems = checkUniqueIds(
      changed((spec) => spec.workers.push(worker('writer'), worker('researcher'), worker('writer'))),
    );
    expect(summary(problems)).toEqual([
      'error [unique-id] workers.2.id',
      'error [unique-id] workers.3.id',
      'error [unique-id] workers.4.id',
    ]);
    expect(problems[2]!.message).toContain('first at `workers[1]`');
  });

  it('checks evaluators, feedback channels, safety constraints, metrics and composition children', () => {
    const spec = withComposition('sequential');
    spec.evaluators[1]!.id = 'judge';
    spec.feedback_channels[1]!.id = 'judge_to_writer';
    spec.safety_constraints.push({ ...spec.safety_constraints[0]! });
    spec.metrics[1]!.name = 'quality';
    spec.composition!.children[1]!.id = 'first';
    const problems = checkUniqueIds(spec);
    expect(summary(problems)).toEqual([
      'error [unique-id] evaluators.1.id',
      'error [unique-id] feedback_channels.1.id',
      'error [unique-id] safety_constraints.1.id',
      'error [unique-id] metrics.1.name',
      'error [unique-id] composition.children.1.id',
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      'Evaluator id `judge` is declared twice (first at `evaluators[0]`).',
      'Feedback channel id `judge_to_writer` is declared twice (first at `feedback_channels[0]`).',
      'Safety constraint id `no-pii` is declared twice (first at `safety_constraints[0]`).',
      'Metric name `quality` is declared twice (first at `metrics[0]`).',
      'Composition child id `first` is declared twice (first at `composition.children[0]`).',
    ]);
    expect(problems[3]!.fix).toBe(
      'Give each one its own name, and update the references to the one you rename.',
    );
  });

  it('reports a rubric dimension named twice within one rubric', () => {
    const problems = checkUniqueIds(
      changed((spec) => {
        const judge = spec.evaluators[0]!;
        if (judge.type === 'llm_rubric') judge.rubric.dimensions[1]!.name = 'accuracy';
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'unique-id',
        path: ['evaluators', 0, 'rubric', 'dimensions', 1, 'name'],
        message:
          'Rubric dimension of evaluator `judge`: the name `accuracy` is declared twice (first at `evaluators[0].rubric.dimensions[0]`).',
      }),
    ]);
  });

  it('lets the same name be used by different kinds of things and by different rubrics', () => {
    const spec = changed((s) => {
      s.evaluators[1]!.id = 'writer';
      s.metrics[1]!.name = 'judge';
      s.evaluators.push({ ...structuredClone(s.evaluators[0]!), id: 'judge_two' });
    });
    expect(checkUniqueIds(spec)).toEqual([]);
  });

  it('ignores ids that are not strings (the schema reports them) and lists that are not lists', () => {
    expect(checkUniqueIds({ workers: [{ id: 1 }, { id: 1 }, null, 'a', 'a'] })).toEqual([]);
    expect(checkUniqueIds({ workers: { a: { id: 'a' } }, metrics: 'quality', composition: [] })).toEqual([]);
    expect(
      checkUniqueIds({ evaluators: [{ id: 'e', rubric: { dimensions: [{ name: 'a' }, { name: 'a' }] } }] }),
    ).toEqual([expect.objectContaining({ path: ['evaluators', 0, 'rubric', 'dimensions', 1, 'name'] })]);
  });

  it('names an evaluator without an id by nothing rather than by `undefined`', () => {
    const problems = checkUniqueIds({
      evaluators: [{ rubric: { dimensions: [{ name: 'a' }, { name: 'a' }] } }],
    });
    expect(problems[0]!.message).toBe(
      'Rubric dimension: the name `a` is declared twice (first at `evaluators[0].rubric.dimensions[0]`).',
    );
  });
});
