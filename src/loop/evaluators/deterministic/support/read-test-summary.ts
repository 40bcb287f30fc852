// Reads a test report a worker wrote (JSON): counts, or a list of tests with their status.

/** Counts read from a test report, and the names of failing tests when listed. */
export interface TestSummary {
  passed: number;
  total: number;
  /** Failing tests with their message, when the report lists them. */
  failing: { name: string; message: string | undefined }[];
}

const PASS_WORDS = new Set(['pass', 'passed', 'ok', 'success', 'succeeded', 'green']);
const FAIL_WORDS = new Set([
  'fail',
  'failed',
  'failure',
  'error',
  'errored',
  'broken',
  'red',
  'timeout',
  'timedout',
]);
const SKIP_WORDS = new Set(['skip', 'skipped', 'pending', 'todo', 'xfail']);

/**
 * The test summary in a JSON report, or `undefined` when none can be found. Understood shapes (looked for at the top
 * and under `summary`, `results`, `test_results`, `report`): a list of tests under `tests`/`results`/`cases`, each
 * with a `status`/`outcome`/`result` word or a `passed` boolean; or counts `passed`/`pass`, `failed`/`fail`,
 * `errors`/`error`, `skipped`, `total`. Skipped tests do not count.
 *
 * @example
 * ```ts
 * readTestSummary({ tests: [{ name: 'a', status: 'passed' }, { name: 'b', status: 'failed', message: 'x' }] });
 * // { passed: 1, total: 2, failing: [{ name: 'b', message: 'x' }] }
 * readTestSummary({ summary: { passed: 9, failed: 1 } }); // { passed: 9, total: 10, failing: [] }
 * ```
 */
export function readTestSummary(value: unknown, depth = 0): TestSummary | undefined {
  if (!isRecord(value) || depth > 3) return undefined;
  for (const key of ['tests', 'results', 'cases', 'test_cases']) {
    const list = value[key];
    if (Array.isArray(list) && list.length > 0 && list.every(isRecord)) {
      const summary = fromList(list);
      if (summary !== undefined) return summary;
    }
  }
  const counts = fromCounts(value);
  if (counts !== undefined) return counts;
  for (const key of ['summary', 'results', 'test_results', 'report', 'stats']) {
    const nested = readTestSummary(value[key], depth + 1);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

function fromList(list: readonly Record<string, unknown>[]): TestSummary | undefined {
  let passed = 0;
  let total = 0;
  const failing: TestSummary['failing'] = [];
  for (const [index, test] of list.entries()) {
    const outcome = outcomeOf(test);
    if (outcome === undefined) return undefined;
    if (outcome === 'skipped') continue;
    total += 1;
    if (outcome === 'passed') passed += 1;
    else {
      const name = firstString(test, ['name', 'id', 'test', 'title']) ?? `test ${index + 1}`;
      failing.push({ name, message: firstString(test, ['message', 'error', 'reason', 'failure']) });
    }
  }
  return { passed, total, failing };
}

function outcomeOf(test: Record<string, unknown>): 'passed' | 'failed' | 'skipped' | undefined {
  if (typeof test['passed'] === 'boolean') return test['passed'] ? 'passed' : 'failed';
  const word = firstString(test, ['status', 'outcome', 'result', 'state'])
    ?.toLowerCase()
    .replace(/[\s_-]/gu, '');
  if (word === undefined) return undefined;
  if (PASS_WORDS.has(word)) return 'passed';
  if (FAIL_WORDS.has(word)) return 'failed';
  if (SKIP_WORDS.has(word)) return 'skipped';
  return undefined;
}

function fromCounts(record: Record<string, unknown>): TestSummary | undefined {
  const count = (keys: readonly string[]): number | undefined => {
    for (const key of keys) {
      const found = record[key];
      if (typeof found === 'number' && Number.isInteger(found) && found >= 0) return found;
    }
    return undefined;
  };
  const passed = count(['passed', 'pass', 'passes', 'num_passed', 'tests_passed']);
  const failed = count(['failed', 'fail', 'failures', 'num_failed', 'tests_failed']);
  const errors = count(['errors', 'error', 'errored']) ?? 0;
  const skipped = count(['skipped', 'skip']) ?? 0;
  const total = count(['total', 'tests', 'num_tests', 'count']);
  if (passed !== undefined && failed !== undefined)
    return { passed, total: passed + failed + errors, failing: [] };
  if (passed !== undefined && total !== undefined)
    return { passed, total: Math.max(passed, total - skipped), failing: [] };
  if (failed !== undefined && total !== undefined) {
    return {
      passed: Math.max(0, total - skipped - failed - errors),
      total: Math.max(0, total - skipped),
      failing: [],
    };
  }
  return undefined;
}

function firstString(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const found = record[key];
    if (typeof found === 'string' && found.trim() !== '') return found.trim();
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
