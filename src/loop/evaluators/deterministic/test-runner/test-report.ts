// What a test run reports, whatever the runner.

/** One test's outcome. */
export interface TestCaseResult {
  /** The id as the runner reports it (`test_calc.TestParse.test_int`, `suite > case`). */
  id: string;
  status: 'passed' | 'failed' | 'error' | 'skipped';
  /** The first line of the assertion or error message. */
  message: string | undefined;
  /** Why it errored, when that matters for failure codes. */
  kind: 'syntax_error' | 'memory_error' | 'import' | 'fixture' | undefined;
}

/** The tests of one run, as read from the runner's report. */
export interface TestReport {
  /** Every test the runner planned to run (may include tests that never reported). */
  planned: readonly string[];
  results: readonly TestCaseResult[];
  /** The runner reported its end (so tests without a result did not run rather than hang). */
  complete: boolean;
  /** The report shows a syntax error outside any test (e.g. a test file that does not compile). */
  syntaxError: string | undefined;
  /** The report shows the runner ran out of memory. */
  memoryError: boolean;
}

const SEVERITY: Readonly<Record<TestCaseResult['status'], number>> = {
  skipped: 0,
  passed: 1,
  failed: 2,
  error: 3,
};

/**
 * One result per id: the worst status wins (a test with a failing subtest fails), keeping that result's message;
 * sorted by id.
 *
 * @example
 * ```ts
 * mergeResults([{ id: 'a', status: 'passed', … }, { id: 'a', status: 'failed', … }]); // [{ id: 'a', status: 'failed', … }]
 * ```
 */
export function mergeResults(results: readonly TestCaseResult[]): TestCaseResult[] {
  const byId = new Map<string, TestCaseResult>();
  for (const result of results) {
    const previous = byId.get(result.id);
    if (previous === undefined || SEVERITY[result.status] > SEVERITY[previous.status])
      byId.set(result.id, result);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The result with the worst status among `results` (error, then failed, passed, skipped); the first on ties.
 *
 * @example
 * ```ts
 * worst([passedResult, failedResult]); // failedResult
 * ```
 */
export function worst(results: readonly TestCaseResult[]): TestCaseResult | undefined {
  let found: TestCaseResult | undefined;
  for (const result of results)
    if (found === undefined || SEVERITY[result.status] > SEVERITY[found.status]) found = result;
  return found;
}
