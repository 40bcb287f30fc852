// Turns a test run into a verdict: the share of required tests that pass, and why the others do not.
import type { EvaluatorVerdict } from '../../evaluator-verdict.js';
import { createVerdict } from '../create-verdict.js';
import type { RepositoryTestRun } from './run-repository-tests.js';
import { mergeResults, worst, type TestCaseResult } from './test-report.js';

/** What {@link scoreTestRun} needs besides the run. */
export interface TestScoring {
  /** The tests that must pass; every test that ran (skipped ones aside) when empty. */
  requiredTests: readonly string[];
  timeoutSeconds: number;
  memoryMb: number;
  /** Makes a message free of temporary paths. */
  sanitize(text: string): string;
  /** Extra details to keep (applied files, …). */
  details: Readonly<Record<string, unknown>>;
}

type Outcome = { id: string; passed: true } | { id: string; passed: false; hint: string; syntax: boolean };

/**
 * The verdict of a test run. A required test matches a reported test with the same id, or whose id ends with
 * `.<required>` or ` > <required>`, or a module that failed to import and contains it. The score is passed / total
 * required; a run that timed out or ran out of memory never scores 1. Failure codes: `tests_failing`,
 * `syntax_error`, `timeout`, `memory_limit`, `no_tests`. Hints name each failing test with the first line of its
 * message, sorted by id.
 *
 * @example
 * ```ts
 * scoreTestRun(run, { requiredTests: [], timeoutSeconds: 30, memoryMb: 512, sanitize: (t) => t, details: {} });
 * // { score: 0.5, passed: false, failureCodes: ['tests_failing'], remediationHints: ['`t.T.test_b` fails: 1 != 2'], … }
 * ```
 */
export function scoreTestRun(run: RepositoryTestRun, scoring: TestScoring): EvaluatorVerdict {
  const results = mergeResults(run.report.results);
  const required =
    scoring.requiredTests.length > 0
      ? [...new Set(scoring.requiredTests)].sort()
      : [...new Set([...run.report.planned, ...results.map((result) => result.id)])]
          .filter((id) => results.find((result) => result.id === id)?.status !== 'skipped')
          .sort();
  const outcomes = required.map((id) => outcomeOf(id, results, run, scoring));
  const failing = outcomes.filter((outcome): outcome is Outcome & { passed: false } => !outcome.passed);
  const passed = outcomes.length - failing.length;
  const troubled = run.timedOut || run.memoryExceeded;
  const total = outcomes.length;
  const score = total === 0 ? 0 : troubled && passed === total ? passed / (total + 1) : passed / total;
  const failureCodes: string[] = [];
  const hints: string[] = [];
  const syntax = failing.some((outcome) => outcome.syntax) || run.report.syntaxError !== undefined;
  if (syntax && failing.length > 0) {
    failureCodes.push('syntax_error');
    if (run.report.syntaxError !== undefined)
      hints.push(`Fix the syntax error: ${scoring.sanitize(run.report.syntaxError)}.`);
  }
  if (run.timedOut) {
    failureCodes.push('timeout');
    hints.push(
      `The tests did not finish within ${scoring.timeoutSeconds} seconds: look for an infinite loop or a call that waits forever.`,
    );
  }
  if (run.memoryExceeded) {
    failureCodes.push('memory_limit');
    hints.push(
      `The tests ran out of memory (limit ${scoring.memoryMb} MB): look for runaway allocation or recursion.`,
    );
  }
  if (total === 0) {
    failureCodes.push('no_tests');
    hints.push('No tests ran: check that the test modules still import and the code still loads.');
  } else if (failing.length > 0) {
    failureCodes.push('tests_failing');
  }
  hints.push(...failing.map((outcome) => outcome.hint));
  const trouble = run.timedOut
    ? '; the run timed out'
    : run.memoryExceeded
      ? '; the run ran out of memory'
      : '';
  return createVerdict({
    score,
    passed: score === 1,
    failureCodes,
    remediationHints: hints,
    summary: `${passed} of ${total} ${scoring.requiredTests.length > 0 ? 'required ' : ''}tests pass${trouble}.`,
    details: {
      runner: run.runner,
      passed,
      total,
      failing: failing.map((outcome) => outcome.id),
      exit_code: run.exitCode ?? null,
      timed_out: run.timedOut,
      memory_exceeded: run.memoryExceeded,
      output_truncated: run.outputTruncated,
      ...scoring.details,
    },
  });
}

function outcomeOf(
  id: string,
  results: readonly TestCaseResult[],
  run: RepositoryTestRun,
  scoring: TestScoring,
): Outcome {
  const result = findResult(id, results);
  if (result?.status === 'passed') return { id, passed: true };
  const message = (text: string | undefined): string =>
    text === undefined ? '' : `: ${scoring.sanitize(text)}`;
  if (result === undefined) {
    const why = run.timedOut
      ? `did not finish within the ${scoring.timeoutSeconds} s limit`
      : run.report.complete
        ? 'did not run'
        : 'did not run (the test process stopped early)';
    return { id, passed: false, hint: `\`${id}\` ${why}.`, syntax: false };
  }
  if (result.status === 'skipped')
    return { id, passed: false, hint: `\`${id}\` was skipped.`, syntax: false };
  const subject = result.id === id ? `\`${id}\`` : `\`${id}\` (in \`${result.id}\`)`;
  return {
    id,
    passed: false,
    hint: `${subject} ${result.kind === 'import' || result.kind === 'syntax_error' ? 'cannot load' : 'fails'}${message(result.message)}`,
    syntax: result.kind === 'syntax_error',
  };
}

function findResult(id: string, results: readonly TestCaseResult[]): TestCaseResult | undefined {
  const exact = results.find((result) => result.id === id);
  if (exact !== undefined) return exact;
  const suffixed = results.filter((result) => result.id.endsWith(`.${id}`) || result.id.endsWith(` > ${id}`));
  if (suffixed.length > 0) return worst(suffixed);
  return results.find((result) => result.status === 'error' && id.startsWith(`${result.id}.`));
}
