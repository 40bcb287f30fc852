// Runs a Python repository's unittest suite and reads the verdict of each test from its verbose output.
import { spawnSync } from 'node:child_process';

export type TestStatus = 'ok' | 'FAIL' | 'ERROR' | 'skipped';

export interface UnittestRun {
  /** Test id (`tests.test_parse.ParseIntTests.test_parses_digits`) → status. */
  results: Map<string, TestStatus>;
  exitCode: number | null;
  output: string;
}

/** Runs `command` (e.g. `python3 -m unittest -v`) in `directory`, without writing bytecode files. */
export function runUnittest(command: readonly string[], directory: string): UnittestRun {
  const [program, ...args] = command;
  const run = spawnSync(program!, args, {
    cwd: directory,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  if (run.error !== undefined) throw run.error;
  const output = `${run.stdout}${run.stderr}`;
  const results = new Map<string, TestStatus>();
  for (const match of output.matchAll(/^\w+ \(([\w.]+)\) \.\.\. (ok|FAIL|ERROR|skipped)/gm)) {
    results.set(match[1]!, match[2] as TestStatus);
  }
  return { results, exitCode: run.status, output };
}
