import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEvaluator } from '../__fixtures__/evaluation-context.js';
import { EvaluatorParameterError } from '../deterministic-evaluator-errors.js';
import { countWords } from '../support/count-words.js';
import { wordCountMax } from './word-count-max.js';
import { wordCountMin } from './word-count-min.js';

const words = (count: number): string => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');

describe('countWords', () => {
  it('counts tokens with a letter or digit, not markdown marks', () => {
    expect(countWords('## Summary\n- Solid-state cells ship in 2027.\n\n| a | b |')).toBe(8);
    expect(countWords('')).toBe(0);
    expect(countWords('  --- ** # ')).toBe(0);
  });
});

describe('evaluators.word_count_max', () => {
  it('passes within the limit and defaults to 100 words', async () => {
    const verdict = await runEvaluator(wordCountMax, { outputs: [words(100)] });
    expect(verdict).toMatchObject({
      score: 1,
      passed: true,
      failureCodes: [],
      details: { words: 100, max_words: 100 },
    });
  });

  it('scores max / words beyond the limit and says how much to cut', async () => {
    const verdict = await runEvaluator(wordCountMax, {
      outputs: [words(200)],
      parameters: { max_words: 100 },
    });
    expect(verdict.score).toBe(0.5);
    expect(verdict.passed).toBe(false);
    expect(verdict.failureCodes).toEqual(['too_long']);
    expect(verdict.remediationHints[0]).toContain('Cut at least 100 words');
  });

  it('judges the last output', async () => {
    const verdict = await runEvaluator(wordCountMax, {
      outputs: [words(500), words(3)],
      parameters: { max_words: 5 },
    });
    expect(verdict.passed).toBe(true);
  });

  it('refuses bad parameters naming the parameter', async () => {
    await expect(
      runEvaluator(wordCountMax, { outputs: ['x'], parameters: { max_words: 0 } }),
    ).rejects.toThrow(EvaluatorParameterError);
    await expect(runEvaluator(wordCountMax, { outputs: ['x'], parameters: { max_word: 5 } })).rejects.toThrow(
      /`max_word`: unknown parameter. Did you mean `max_words`\?/u,
    );
  });

  it('never scores more for a longer output (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 200 }),
        async (count, max) => {
          const shorter = await runEvaluator(wordCountMax, {
            outputs: [words(count)],
            parameters: { max_words: max },
          });
          const longer = await runEvaluator(wordCountMax, {
            outputs: [words(count + 1)],
            parameters: { max_words: max },
          });
          expect(longer.score).toBeLessThanOrEqual(shorter.score);
          expect(shorter.passed).toBe(count <= max);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('evaluators.word_count_min', () => {
  it('passes at the minimum, defaulting to 50', async () => {
    expect((await runEvaluator(wordCountMin, { outputs: [words(50)] })).passed).toBe(true);
    expect((await runEvaluator(wordCountMin, { outputs: [words(49)] })).passed).toBe(false);
  });

  it('scores words / min below it', async () => {
    const verdict = await runEvaluator(wordCountMin, {
      outputs: [words(200)],
      parameters: { min_words: 800 },
    });
    expect(verdict).toMatchObject({ score: 0.25, passed: false, failureCodes: ['too_short'] });
    expect(verdict.remediationHints[0]).toContain('Add at least 600 words');
  });

  it('scores an empty output 0', async () => {
    expect((await runEvaluator(wordCountMin, { outputs: [] })).score).toBe(0);
  });
});
