import { afterEach, describe, expect, it } from 'vitest';
import { makeOutput, runEvaluator } from '../__fixtures__/evaluation-context.js';
import {
  PYTHON_CALC_FILES,
  PYTHON_CALC_FIXED,
  temporaryRepositoryTask,
  type TemporaryRepositoryTask,
} from '../__fixtures__/temporary-repository.js';
import { readTestSummary } from '../support/read-test-summary.js';
import { testSuitePass } from './test-suite-pass.js';

const report = (value: unknown) =>
  makeOutput(JSON.stringify(value), { format: 'json', workerId: 'test_runner' });

describe('readTestSummary', () => {
  it('reads lists of tests and counts in common shapes', () => {
    expect(
      readTestSummary({
        tests: [
          { name: 'a', outcome: 'passed' },
          { name: 'b', passed: false, error: 'boom' },
          { name: 'c', status: 'skipped' },
        ],
      }),
    ).toEqual({
      passed: 1,
      total: 2,
      failing: [{ name: 'b', message: 'boom' }],
    });
    expect(readTestSummary({ summary: { passed: 9, failed: 1, errors: 1 } })).toEqual({
      passed: 9,
      total: 11,
      failing: [],
    });
    expect(readTestSummary({ results: { total: 5, passed: 5, skipped: 1 } })).toEqual({
      passed: 5,
      total: 5,
      failing: [],
    });
    expect(readTestSummary({ total: 4, failed: 1 })).toEqual({ passed: 3, total: 4, failing: [] });
    expect(readTestSummary({ ok: true })).toBeUndefined();
    expect(readTestSummary('3 passed')).toBeUndefined();
  });
});

describe('evaluators.test_suite_pass', () => {
  const fixtures: TemporaryRepositoryTask[] = [];
  afterEach(async () => {
    await Promise.all(fixtures.splice(0).map((fixture) => fixture.remove()));
  });

  it('judges a worker test report', async () => {
    const verdict = await runEvaluator(testSuitePass, {
      outputs: [
        report({
          tests: [
            { name: 'login', status: 'pass' },
            { name: 'refresh', status: 'fail', message: 'expired token accepted' },
          ],
        }),
      ],
    });
    expect(verdict).toMatchObject({
      score: 0.5,
      failureCodes: ['tests_failing'],
      remediationHints: ['`refresh` fails: expired token accepted'],
    });
    expect((await runEvaluator(testSuitePass, { outputs: [report({ passed: 3, failed: 0 })] })).passed).toBe(
      true,
    );
  });

  it('says no_test_results when nothing can be read, and no_tests below min_tests', async () => {
    expect((await runEvaluator(testSuitePass, { outputs: ['All good!'] })).failureCodes).toEqual([
      'no_test_results',
    ]);
    const few = await runEvaluator(testSuitePass, {
      outputs: [report({ passed: 1, failed: 0 })],
      parameters: { min_tests: 4 },
    });
    expect(few).toMatchObject({ score: 0.25, passed: false, failureCodes: ['no_tests'] });
  });

  it('runs the real tests when the task has a repository and an output carries code', async () => {
    const fixture = await temporaryRepositoryTask(PYTHON_CALC_FILES, {
      language: 'python',
      editableFiles: ['calc.py'],
    });
    fixtures.push(fixture);
    const patch = makeOutput(`\`\`\`python path=calc.py\n${PYTHON_CALC_FIXED}\`\`\``, {
      format: 'code',
      workerId: 'implementer',
    });
    const lie = report({ passed: 0, failed: 3 });
    const verdict = await runEvaluator(testSuitePass, { outputs: [patch, lie], task: fixture.task });
    expect(verdict).toMatchObject({ score: 1, passed: true, details: { runner: 'unittest' } });
  });
});
