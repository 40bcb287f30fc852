import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNodeTapReport } from './read-node-tap-report.js';
import { readUnittestReport } from './read-unittest-report.js';
import type { RepositoryTestRun } from './run-repository-tests.js';
import { scoreTestRun, type TestScoring } from './score-test-run.js';
import type { TestCaseResult, TestReport } from './test-report.js';

describe('readNodeTapReport', () => {
  it('reads leaf tests, suites as prefixes, skips, messages and syntax errors from real node --test output', async () => {
    const tap = await readFile(join(import.meta.dirname, '../__fixtures__/node-test-report.tap'), 'utf8');
    const report = readNodeTapReport(tap, '/work/repo');
    expect(report.results).toEqual([
      { id: 'adds', status: 'passed', message: undefined, kind: undefined },
      { id: 'fails', status: 'failed', message: 'one plus one should be three', kind: undefined },
      { id: 'suite > inner ok', status: 'passed', message: undefined, kind: undefined },
      { id: 'suite > inner bad', status: 'failed', message: 'boom', kind: undefined },
      { id: 'skipped', status: 'skipped', message: undefined, kind: undefined },
      { id: 'b.test.js', status: 'failed', message: 'test failed', kind: undefined },
    ]);
    expect(report.complete).toBe(true);
    expect(report.syntaxError).toBe("SyntaxError: Unexpected token ';'");
    expect(report.memoryError).toBe(false);
  });

  it('is incomplete without its final plan', () => {
    expect(readNodeTapReport('TAP version 13\n# Subtest: a\nok 1 - a\n', '/r').complete).toBe(false);
  });
});

describe('readUnittestReport', () => {
  it('reads plan, results and completion, skipping broken lines', () => {
    const text = [
      '{"event": "plan", "tests": ["t.T.a", "t.T.b"]}',
      '{"event": "result", "id": "t.T.a", "status": "passed"}',
      '{"event": "result", "id": "t.T.b", "status": "error", "message": "SyntaxError: invalid syntax (calc.py:2)", "kind": "syntax_error"}',
      '{"event": "resu',
    ].join('\n');
    const report = readUnittestReport(text);
    expect(report).toEqual({
      planned: ['t.T.a', 't.T.b'],
      results: [
        { id: 't.T.a', status: 'passed', message: undefined, kind: undefined },
        {
          id: 't.T.b',
          status: 'error',
          message: 'SyntaxError: invalid syntax (calc.py:2)',
          kind: 'syntax_error',
        },
      ],
      complete: false,
      syntaxError: 'SyntaxError: invalid syntax (calc.py:2)',
      memoryError: false,
    });
    expect(readUnittestReport(`${text}\n{"event": "done"}\n`).complete).toBe(true);
  });
});

describe('scoreTestRun', () => {
  const result = (
    id: string,
    status: TestCaseResult['status'],
    message?: string,
    kind?: TestCaseResult['kind'],
  ): TestCaseResult => ({
    id,
    status,
    message,
    kind,
  });
  const run = (report: Partial<TestReport>, extra: Partial<RepositoryTestRun> = {}): RepositoryTestRun => ({
    runner: 'unittest',
    report: {
      planned: [],
      results: [],
      complete: true,
      syntaxError: undefined,
      memoryError: false,
      ...report,
    },
    exitCode: 0,
    timedOut: false,
    memoryExceeded: false,
    outputTruncated: false,
    ...extra,
  });
  const scoring = (requiredTests: string[] = []): TestScoring => ({
    requiredTests,
    timeoutSeconds: 30,
    memoryMb: 512,
    sanitize: (text) => text,
    details: {},
  });

  it('scores passed over all non-skipped tests, worst result per test winning', () => {
    const verdict = scoreTestRun(
      run({
        planned: ['m.T.a', 'm.T.b', 'm.T.c', 'm.T.d'],
        results: [
          result('m.T.a', 'passed'),
          result('m.T.b', 'passed'),
          result('m.T.b', 'failed', '1 != 2'),
          result('m.T.c', 'skipped'),
        ],
      }),
      scoring(),
    );
    expect(verdict.score).toBe(1 / 3);
    expect(verdict.remediationHints).toEqual(['`m.T.b` fails: 1 != 2', '`m.T.d` did not run.']);
    expect(verdict.details).toMatchObject({ passed: 1, total: 3, failing: ['m.T.b', 'm.T.d'] });
  });

  it('matches required tests by suffix and by a module that failed to import', () => {
    const verdict = scoreTestRun(
      run({
        results: [
          result('pkg.test_a.T.test_one', 'passed'),
          result('pkg.test_b', 'error', 'ImportError: x', 'import'),
        ],
      }),
      scoring(['T.test_one', 'pkg.test_b.T.test_two']),
    );
    expect(verdict.score).toBe(0.5);
    expect(verdict.remediationHints).toEqual([
      '`pkg.test_b.T.test_two` (in `pkg.test_b`) cannot load: ImportError: x',
    ]);
  });

  it('never scores 1 after a timeout or running out of memory', () => {
    const passing = { results: [result('a', 'passed')] };
    expect(scoreTestRun(run(passing, { timedOut: true }), scoring()).score).toBe(0.5);
    expect(scoreTestRun(run(passing, { memoryExceeded: true }), scoring()).failureCodes).toEqual([
      'memory_limit',
    ]);
  });

  it('says no_tests when nothing ran', () => {
    expect(scoreTestRun(run({}), scoring())).toMatchObject({
      score: 0,
      passed: false,
      failureCodes: ['no_tests'],
    });
  });
});
