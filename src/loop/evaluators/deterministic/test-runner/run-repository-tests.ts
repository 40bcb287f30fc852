// Runs a task repository's tests in a sandboxed child process and reads what each test did.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { TaskRepository } from '../../../tasks/loop-task.js';
import { PYTHON_UNITTEST_RUNNER, PYTHON_UNITTEST_RUNNER_FILE } from './python-unittest-runner.js';
import { readNodeTapReport } from './read-node-tap-report.js';
import { readUnittestReport } from './read-unittest-report.js';
import { runSandboxed } from './run-sandboxed.js';
import type { TestReport } from './test-report.js';

/** How to run the tests of a repository copy. */
export interface RepositoryTestOptions {
  /** The repository copy the tests run in (their working directory). */
  repositoryDirectory: string;
  /** A private directory for the runner, its report, HOME and TMPDIR (outside the repository copy). */
  workDirectory: string;
  repository: TaskRepository;
  timeoutMs: number;
  memoryMb: number;
  maxOutputBytes: number;
  signal?: AbortSignal | undefined;
}

/** What a test run did. */
export interface RepositoryTestRun {
  /** `unittest` and `node-test` report each test; `exit-code` only knows whether the command succeeded. */
  runner: 'unittest' | 'node-test' | 'exit-code';
  report: TestReport;
  exitCode: number | undefined;
  timedOut: boolean;
  memoryExceeded: boolean;
  outputTruncated: boolean;
}

const MEMORY_TEXT = /MemoryError|out of memory|Cannot allocate memory|std::bad_alloc|Reached heap limit/u;

/**
 * Runs the repository's `testCommand` in `repositoryDirectory` under {@link runSandboxed}: a minimal environment
 * (PATH, HOME and TMPDIR in `workDirectory`, LANG, TZ=UTC, PYTHONHASHSEED=0; no other variable of this process, so
 * no API keys), the wall-clock and memory limits, capped output. `python -m unittest …` commands run through the
 * bundled runner script (per-test JSON); `node --test …` commands get the TAP reporter written to a file; any other
 * command is judged by its exit code alone, as one test named after the command. Node gets its heap limited to
 * `memoryMb` (`--max-old-space-size`) and a larger address space, since V8 reserves far more than it uses.
 *
 * @example
 * ```ts
 * const run = await runRepositoryTests({ repositoryDirectory, workDirectory, repository, timeoutMs: 30_000,
 *   memoryMb: 512, maxOutputBytes: 1_000_000 });
 * run.report.results; // [{ id: 'test_calc.TestAdd.test_small', status: 'passed', … }]
 * ```
 */
export async function runRepositoryTests(options: RepositoryTestOptions): Promise<RepositoryTestRun> {
  const { repository, workDirectory, repositoryDirectory } = options;
  const home = join(workDirectory, 'home');
  const temporary = join(workDirectory, 'tmp');
  await mkdir(home, { recursive: true });
  await mkdir(temporary, { recursive: true });
  const environment: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    TMPDIR: temporary,
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    TZ: 'UTC',
    PYTHONHASHSEED: '0',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONIOENCODING: 'utf-8',
    NO_COLOR: '1',
  };
  const command = [...repository.testCommand];
  const unittestAt = command.findIndex((part, index) => part === '-m' && command[index + 1] === 'unittest');
  const isNodeTest =
    command.length > 0 && /^node(?:js)?$/u.test(basename(command[0]!)) && command.includes('--test');
  let runner: RepositoryTestRun['runner'] = 'exit-code';
  let reportFile: string | undefined;
  let addressSpaceMb = options.memoryMb;
  if (unittestAt > 0) {
    runner = 'unittest';
    const script = join(workDirectory, PYTHON_UNITTEST_RUNNER_FILE);
    reportFile = join(workDirectory, 'unittest-report.jsonl');
    await writeFile(script, PYTHON_UNITTEST_RUNNER);
    command.splice(
      0,
      command.length,
      command[0]!,
      '-B',
      '-s',
      script,
      reportFile,
      ...command.slice(unittestAt + 2),
    );
  } else if (isNodeTest) {
    runner = 'node-test';
    reportFile = join(workDirectory, 'node-test.tap');
    const kept = command.filter((part) => !part.startsWith('--test-reporter'));
    command.splice(
      0,
      command.length,
      ...kept,
      '--test-reporter=tap',
      `--test-reporter-destination=${reportFile}`,
    );
    environment['NODE_OPTIONS'] = `--max-old-space-size=${options.memoryMb}`;
    addressSpaceMb = Math.max(options.memoryMb * 4, options.memoryMb + 3072);
  }
  const result = await runSandboxed({
    command,
    cwd: repositoryDirectory,
    env: environment,
    timeoutMs: options.timeoutMs,
    addressSpaceMb,
    maxOutputBytes: options.maxOutputBytes,
    signal: options.signal,
  });
  const reportText = reportFile === undefined ? '' : await readFile(reportFile, 'utf8').catch(() => '');
  const report =
    runner === 'unittest'
      ? readUnittestReport(reportText)
      : runner === 'node-test'
        ? readNodeTapReport(reportText, repositoryDirectory)
        : exitCodeReport(repository.testCommand.join(' '), result.exitCode, result.stderr || result.stdout);
  const memoryExceeded = report.memoryError || (result.exitCode !== 0 && MEMORY_TEXT.test(result.stderr));
  return {
    runner,
    report,
    exitCode: result.exitCode,
    timedOut: result.timedOut,
    memoryExceeded,
    outputTruncated: result.outputTruncated,
  };
}

/** A report of one test, the whole command, passed when it exits with 0. */
function exitCodeReport(name: string, exitCode: number | undefined, output: string): TestReport {
  const lines = output.split('\n').filter((line) => line.trim() !== '');
  const syntax = lines.find((line) => /\b(?:SyntaxError|IndentationError|TabError)\b/u.test(line));
  const passed = exitCode === 0;
  return {
    planned: [name],
    results: [
      {
        id: name,
        status: passed ? 'passed' : 'failed',
        message: passed ? undefined : (lines.at(-1)?.trim() ?? `exited with ${exitCode ?? 'a signal'}`),
        kind: undefined,
      },
    ],
    complete: exitCode !== undefined,
    syntaxError: syntax?.trim(),
    memoryError: false,
  };
}
