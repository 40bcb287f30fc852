// evaluators.test_suite_pass: the test suite passes, run for real when possible, else as a test worker reports it.
import { z } from 'zod';
import { createVerdict } from '../create-verdict.js';
import { defineDeterministicEvaluator } from '../define-deterministic-evaluator.js';
import { judgedOutput } from '../support/judged-output.js';
import { readJsonOutput } from '../support/read-json-output.js';
import { readTestSummary } from '../support/read-test-summary.js';
import { quote } from '../support/normalize-text.js';
import { findCodeOutput } from '../test-runner/find-code-output.js';
import { judgeCodeWithTests, testPassRateParameters } from './test-pass-rate.js';

const NAME = 'evaluators.test_suite_pass';

/**
 * `evaluators.test_suite_pass`: when the task has a repository and one of the judged outputs carries code, it runs
 * the tests exactly as `evaluators.test_pass_rate` does. Otherwise it reads the test report a test-running worker
 * produced (JSON: counts, or a list of tests with statuses; see `readTestSummary`): the score is passed / total and
 * it passes when every test does and there are at least `min_tests`. Failure codes: `tests_failing`,
 * `no_test_results` (no report could be read), `no_tests`. A worker-written report is only as honest as the
 * worker; prefer `test_pass_rate` on the code when the task has a repository.
 *
 * @example
 * ```ts
 * await testSuitePass.evaluate({ …context, outputs: [makeOutput('{"passed": 9, "failed": 1}', { format: 'json' })] });
 * // { score: 0.9, failureCodes: ['tests_failing'], … }
 * ```
 */
export const testSuitePass = defineDeterministicEvaluator({
  name: NAME,
  description:
    'The test suite passes: run on the code when the task has a repository, else read from a JSON test report.',
  parameters: testPassRateParameters.extend({
    min_tests: z.number().int().min(0).default(1).describe('The fewest tests a report must count to pass.'),
  }),
  evaluate: async ({ outputs, task, signal }, { min_tests, ...runParameters }) => {
    if (task.material.repository !== undefined && findCodeOutput(outputs) !== undefined) {
      return judgeCodeWithTests({ outputs, task, signal, evaluatorName: NAME }, runParameters);
    }
    const reading = readJsonOutput(judgedOutput(outputs));
    const summary = reading.ok ? readTestSummary(reading.value) : undefined;
    if (summary === undefined) {
      return createVerdict({
        score: 0,
        failureCodes: ['no_test_results'],
        remediationHints: [
          'Report the test results as JSON, e.g. {"tests": [{"name": "…", "status": "passed"}]} or {"passed": 3, "failed": 0}.',
        ],
        summary: 'No test results could be read.',
      });
    }
    const { passed, total, failing } = summary;
    const enough = total >= min_tests && total > 0;
    const score = total === 0 ? 0 : passed / total;
    const hints = failing
      .map(
        (test) =>
          `\`${test.name}\` fails${test.message === undefined ? '' : `: ${quote(test.message, 160)}`}`,
      )
      .sort();
    if (!enough)
      hints.unshift(`Run the tests: the report counts ${total}, at least ${Math.max(1, min_tests)} wanted.`);
    return createVerdict({
      score: enough ? score : Math.min(score, total / Math.max(1, min_tests)),
      passed: enough && passed === total,
      failureCodes: [...(passed < total ? ['tests_failing'] : []), ...(enough ? [] : ['no_tests'])],
      remediationHints: hints,
      summary: `${passed} of ${total} tests pass (as reported by ${judgedOutput(outputs)?.workerId ?? 'the worker'}).`,
      details: { passed, total, failing: failing.map((test) => test.name).sort(), source: 'report' },
    });
  },
});
