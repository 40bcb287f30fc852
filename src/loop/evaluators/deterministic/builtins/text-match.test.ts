import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEvaluator } from '../__fixtures__/evaluation-context.js';
import { EvaluatorParameterError } from '../deterministic-evaluator-errors.js';
import { containsAll } from './contains-all.js';
import { exactMatch } from './exact-match.js';
import { regexMatch } from './regex-match.js';

describe('evaluators.regex_match', () => {
  const text = '## Summary\nPilot lines open in 2027.\n';

  it('wants every pattern by default, with flags', async () => {
    expect(
      (
        await runEvaluator(regexMatch, {
          outputs: [text],
          parameters: { pattern: '^## summary', flags: 'im' },
        })
      ).passed,
    ).toBe(true);
    const verdict = await runEvaluator(regexMatch, {
      outputs: [text],
      parameters: { pattern: ['\\b20\\d\\d\\b', 'cost'] },
    });
    expect(verdict).toMatchObject({ score: 0.5, failureCodes: ['pattern_missing'] });
    expect(verdict.remediationHints).toEqual(['The output must match every one of: /cost/.']);
  });

  it('wants one pattern in mode any, and none in mode none', async () => {
    expect(
      (
        await runEvaluator(regexMatch, {
          outputs: [text],
          parameters: { pattern: ['cost', '2027'], mode: 'any' },
        })
      ).score,
    ).toBe(1);
    const none = await runEvaluator(regexMatch, {
      outputs: [text],
      parameters: { pattern: ['TODO', 'Pilot'], mode: 'none' },
    });
    expect(none).toMatchObject({
      score: 0.5,
      failureCodes: ['forbidden_pattern'],
      remediationHints: ['Remove what matches /Pilot/.'],
    });
  });

  it('ignores g and y so repeated tests do not depend on lastIndex', async () => {
    const verdict = await runEvaluator(regexMatch, {
      outputs: ['a a'],
      parameters: { pattern: ['a', 'a '], flags: 'gy' },
    });
    expect(verdict.score).toBe(1);
  });

  it('refuses a pattern that does not compile, naming it', async () => {
    await expect(runEvaluator(regexMatch, { outputs: [''], parameters: { pattern: '(' } })).rejects.toThrow(
      /`pattern`: not a valid regular expression/u,
    );
    await expect(
      runEvaluator(regexMatch, { outputs: [''], parameters: { pattern: ['a', '['] } }),
    ).rejects.toThrow(/`pattern.1`/u);
    await expect(
      runEvaluator(regexMatch, { outputs: [''], parameters: { pattern: 'a', flags: 'x' } }),
    ).rejects.toThrow(EvaluatorParameterError);
  });
});

describe('evaluators.contains_all', () => {
  it('scores the share of phrases present, ignoring case and spacing', async () => {
    const verdict = await runEvaluator(containsAll, {
      outputs: ['Solid-state   CELLS reach pilot lines by 2027.'],
      parameters: { phrases: ['solid-state cells', 'pilot lines', 'cost parity', '2027'] },
    });
    expect(verdict).toMatchObject({ score: 0.75, passed: false, failureCodes: ['missing_phrase'] });
    expect(verdict.remediationHints).toEqual(['Mention "cost parity".']);
  });

  it('passes at the threshold', async () => {
    const verdict = await runEvaluator(containsAll, {
      outputs: ['alpha beta'],
      parameters: { phrases: ['alpha', 'beta', 'gamma'], pass_threshold: 0.6 },
    });
    expect(verdict.passed).toBe(true);
  });

  it('needs at least one phrase', async () => {
    await expect(runEvaluator(containsAll, { outputs: [''], parameters: { phrases: [] } })).rejects.toThrow(
      /`phrases`/u,
    );
  });

  it('finds any phrase taken from the text itself (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 60 }), fc.nat(), fc.nat(), async (text, a, b) => {
        const start = a % text.length;
        const phrase = text.slice(start, start + 1 + (b % (text.length - start)));
        fc.pre(phrase.trim() !== '');
        const verdict = await runEvaluator(containsAll, {
          outputs: [text],
          parameters: { phrases: [phrase] },
        });
        expect(verdict.score).toBe(1);
      }),
      { numRuns: 150 },
    );
  });
});

describe('evaluators.exact_match', () => {
  it('compares with whitespace normalized by default, case-sensitive', async () => {
    expect(
      (await runEvaluator(exactMatch, { outputs: ['  42 \n'], parameters: { expected: '42' } })).passed,
    ).toBe(true);
    expect(
      (await runEvaluator(exactMatch, { outputs: ['Paris'], parameters: { expected: 'paris' } })).passed,
    ).toBe(false);
    expect(
      (
        await runEvaluator(exactMatch, {
          outputs: ['Paris'],
          parameters: { expected: 'paris', ignore_case: true },
        })
      ).passed,
    ).toBe(true);
    expect(
      (
        await runEvaluator(exactMatch, {
          outputs: [' 42'],
          parameters: { expected: '42', normalize_whitespace: false },
        })
      ).passed,
    ).toBe(false);
  });

  it('accepts any of a list, and never reveals the expected answer in hints', async () => {
    expect(
      (await runEvaluator(exactMatch, { outputs: ['four'], parameters: { expected: ['4', 'four'] } })).score,
    ).toBe(1);
    const verdict = await runEvaluator(exactMatch, {
      outputs: ['five'],
      parameters: { expected: 'secret-answer' },
    });
    expect(verdict.failureCodes).toEqual(['mismatch']);
    expect(JSON.stringify(verdict)).not.toContain('secret-answer');
  });
});
