// Test helper: temporary Python repositories for test_pass_rate tests, code outputs, and process checks.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { LoopTask } from '../../../tasks/loop-task.js';
import type { WorkerOutput } from '../../../worker-output.js';
import { makeOutput } from './evaluation-context.js';
import {
  PYTHON_CALC_FILES,
  temporaryRepositoryTask,
  type TemporaryRepositoryTask,
} from './temporary-repository.js';

/**
 * Registers cleanup after each test and returns a maker of tasks with a temporary repository (the Python calc one by
 * default). The test file gets a temporary directory of its own (`TMPDIR`), so {@link workDirectories} sees only the
 * work directories of its own runs, not those of test files running alongside.
 */
export function useRepositoryTasks(): (
  overrides?: Parameters<typeof temporaryRepositoryTask>[1],
  files?: Readonly<Record<string, string>>,
) => Promise<LoopTask> {
  const fixtures: TemporaryRepositoryTask[] = [];
  const previous = process.env['TMPDIR'];
  let ownTemporary: string | undefined;
  beforeAll(async () => {
    ownTemporary = await mkdtemp(join(tmpdir(), 'loopgym-test-file-'));
    process.env['TMPDIR'] = ownTemporary;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    if (ownTemporary !== undefined) await rm(ownTemporary, { recursive: true, force: true });
  });
  afterEach(async () => {
    await Promise.all(fixtures.splice(0).map((fixture) => fixture.remove()));
  });
  return async (overrides, files) => {
    const fixture = await temporaryRepositoryTask(
      files ?? PYTHON_CALC_FILES,
      overrides ?? { language: 'python', editableFiles: ['calc.py'] },
    );
    fixtures.push(fixture);
    return fixture.task;
  };
}

/** A code output of the implementer. */
export const codeOutput = (raw: string): WorkerOutput =>
  makeOutput(raw, { format: 'code', workerId: 'implementer' });

/** A fenced block with an info string. */
export const fence = (info: string, content: string): string => `\`\`\`${info}\n${content}\`\`\`\n`;

/** Whether `pid` is a live process (not gone, not a zombie awaiting its reaper) after up to a second. */
export async function stillRunning(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    if (stat === undefined || / Z /u.test(stat.slice(stat.lastIndexOf(')')))) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** The test_pass_rate work directories now in the temporary directory. */
export async function workDirectories(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith('loopgym-tests-')).sort();
}
