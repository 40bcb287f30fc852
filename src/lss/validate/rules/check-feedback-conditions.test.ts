import { describe, expect, it, vi } from 'vitest';
import { baseSpec, changed, summary } from './__fixtures__/base-spec.js';
import { checkFeedbackConditions } from './check-feedback-conditions.js';

function withWhen(when: unknown, source = 'evaluators.judge'): unknown {
  return changed((spec) => {
    const channel = spec.feedback_channels[0] as { when: unknown; source: string };
    channel.when = when;
    channel.source = source;
  });
}

describe('checkFeedbackConditions', () => {
  it('finds nothing when every condition parses and names what exists', () => {
    expect(checkFeedbackConditions(baseSpec())).toEqual([]);
    for (const when of ['passed == false and iteration >= 2', 'metrics.spend > 1 or not passed', '  ']) {
      expect(checkFeedbackConditions(withWhen(when)), when).toEqual([]);
    }
  });

  it('reports an unknown variable at its character, with the closest name', () => {
    expect(checkFeedbackConditions(withWhen('scor < pass_threshold'))).toEqual([
      {
        severity: 'error',
        rule: 'condition',
        message:
          'The `when` condition `scor < pass_threshold` is wrong at character 1: Unknown variable `scor`.',
        path: ['feedback_channels', 0, 'when'],
        fix: 'Did you mean `score`?',
      },
    ]);
  });

  it('gives the line and character in a condition of several lines', () => {
    const [problem] = checkFeedbackConditions(withWhen('score < 0.5\n  or passd'));
    expect(problem!.message).toBe(
      'The `when` condition `score < 0.5\n  or passd` is wrong at line 2, character 6: Unknown variable `passd`.',
    );
    expect(problem!.fix).toBe('Did you mean `passed`?');
  });

  it('reports syntax errors with their fix', () => {
    const [problem] = checkFeedbackConditions(withWhen('(score < 0.5'));
    expect(problem).toMatchObject({ rule: 'condition', fix: 'Add the matching `)`.' });
    expect(problem!.message).toContain('is wrong at character 1: `(` is never closed.');
  });

  it('checks dimension names against the rubric of the source evaluator', () => {
    const [problem] = checkFeedbackConditions(withWhen('dimension_scores.acuracy < 0.5'));
    expect(problem!.message).toContain(
      '`dimension_scores.acuracy` names no rubric dimension (known: `accuracy`, `clarity`).',
    );
    expect(problem!.fix).toBe('Did you mean `dimension_scores.accuracy`?');
    // A deterministic evaluator or a worker has no rubric dimensions.
    expect(
      summary(checkFeedbackConditions(withWhen('dimension_scores.accuracy < 0.5', 'evaluators.lint'))),
    ).toEqual(['error [condition] feedback_channels.0.when']);
    expect(
      checkFeedbackConditions(withWhen('dimension_scores.accuracy < 0.5', 'workers.writer')),
    ).toHaveLength(1);
    // An undeclared source is another rule's problem: any dimension is accepted.
    expect(checkFeedbackConditions(withWhen('dimension_scores.anything < 0.5', 'evaluators.ghost'))).toEqual(
      [],
    );
  });

  it('checks metric names against the declared metrics', () => {
    const [problem] = checkFeedbackConditions(withWhen('metrics.qualty < 0.5'));
    expect(problem!.fix).toBe('Did you mean `metrics.quality`?');
  });

  it('reports comparisons that can never hold', () => {
    const [problem] = checkFeedbackConditions(withWhen('passed < 1'));
    expect(problem!.message).toContain('`<` orders numbers and strings, not booleans; use `==` or `!=`.');
  });

  it('skips conditions that are not strings and channels of the wrong shape', () => {
    for (const when of [undefined, 3, null, ['score < 1']])
      expect(checkFeedbackConditions(withWhen(when))).toEqual([]);
    const document = {
      feedback_channels: [null, 'x', { when: 'score < 1', source: 3 }, { when: 'score < 1' }],
    };
    expect(checkFeedbackConditions(document)).toEqual([]);
  });

  it('reports a condition the parser fails on instead of throwing', async () => {
    vi.resetModules();
    vi.doMock('../../compile/parse-condition.js', () => ({
      parseCondition: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    }));
    try {
      const { checkFeedbackConditions: check } = await import('./check-feedback-conditions.js');
      expect(check(baseSpec())).toEqual([
        {
          severity: 'error',
          rule: 'condition',
          message:
            'The `when` condition `score < pass_threshold or dimension_scores.accuracy < 0.9` could not be read (Maximum call stack size exceeded).',
          path: ['feedback_channels', 0, 'when'],
          fix: 'Simplify it, e.g. `score < pass_threshold`.',
        },
      ]);
    } finally {
      vi.doUnmock('../../compile/parse-condition.js');
      vi.resetModules();
    }
  });
});
