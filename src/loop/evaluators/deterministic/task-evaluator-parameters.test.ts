import { describe, expect, it } from 'vitest';
import { makeTask } from './__fixtures__/evaluation-context.js';
import { createVerdict, MAX_REMEDIATION_HINTS } from './create-verdict.js';
import { taskEvaluatorParameters } from './task-evaluator-parameters.js';

describe('taskEvaluatorParameters', () => {
  it('merges parameters by short name, implementation name, then evaluator id', () => {
    const task = makeTask({
      evaluatorParameters: {
        word_count_max: { max_words: 300, note: 'short' },
        'evaluators.word_count_max': { max_words: 200 },
        length_check: { max_words: 150 },
        other: { max_words: 1 },
      },
    });
    expect(
      taskEvaluatorParameters(task, {
        evaluatorId: 'length_check',
        implementation: 'evaluators.word_count_max',
      }),
    ).toEqual({
      max_words: 150,
      note: 'short',
    });
    expect(
      taskEvaluatorParameters(task, { evaluatorId: 'x', implementation: 'evaluators.regex_match' }),
    ).toEqual({});
  });
});

describe('createVerdict', () => {
  it('clamps the score, sorts codes, keeps hint order and defaults passed to score === 1', () => {
    expect(
      createVerdict({
        score: 1.5,
        failureCodes: ['b', 'a', 'b'],
        remediationHints: ['second', 'first', 'second'],
        summary: 's',
      }),
    ).toEqual({
      score: 1,
      passed: true,
      failureCodes: ['a', 'b'],
      remediationHints: ['second', 'first'],
      summary: 's',
      dimensionScores: {},
      details: {},
    });
    expect(createVerdict({ score: Number.NaN, summary: 's' })).toMatchObject({ score: 0, passed: false });
  });

  it('caps the number of hints and says how many were left out', () => {
    const hints = Array.from({ length: 25 }, (_, i) => `hint ${i}`);
    const verdict = createVerdict({ score: 0, remediationHints: hints, summary: 's' });
    expect(verdict.remediationHints).toHaveLength(MAX_REMEDIATION_HINTS);
    expect(verdict.remediationHints.at(-1)).toBe('…and 16 more problems of the same kind.');
  });
});
