// Test helper: a small repository written to a temporary directory, and a task pointing at it.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LoopTask, TaskRepository } from '../../../tasks/loop-task.js';
import { makeTask } from './evaluation-context.js';

/** A task whose repository lives in a temporary directory; `remove()` deletes it. */
export interface TemporaryRepositoryTask {
  task: LoopTask;
  root: string;
  remove(): Promise<void>;
}

/** Writes `files` under `<tmp>/repo` and returns a task with that repository. */
export async function temporaryRepositoryTask(
  files: Readonly<Record<string, string>>,
  repository: Partial<TaskRepository> & Pick<TaskRepository, 'language' | 'editableFiles'>,
): Promise<TemporaryRepositoryTask> {
  const root = await mkdtemp(join(tmpdir(), 'loopgym-fixture-'));
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, 'repo', path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  const task = makeTask(
    {
      repository: {
        path: 'repo',
        testCommand:
          repository.language === 'python' ? ['python3', '-m', 'unittest', '-v'] : ['node', '--test'],
        requiredTests: [],
        ...repository,
      },
    },
    { root, id: 'code-task' },
  );
  return { task, root, remove: () => rm(root, { recursive: true, force: true }) };
}

/** A tiny Python project: `calc.py` (add is wrong) and its tests. */
export const PYTHON_CALC_FILES: Readonly<Record<string, string>> = {
  'calc.py': 'def add(a, b):\n    return a - b\n\n\ndef double(a):\n    return a * 2\n',
  'test_calc.py': [
    'import unittest',
    'from calc import add, double',
    '',
    '',
    'class TestCalc(unittest.TestCase):',
    '    def test_add(self):',
    "        self.assertEqual(add(2, 3), 5, 'add(2, 3) should be 5')",
    '',
    '    def test_add_negative(self):',
    '        self.assertEqual(add(-1, -1), -2)',
    '',
    '    def test_double(self):',
    '        self.assertEqual(double(4), 8)',
    '',
  ].join('\n'),
};

/** The correct `calc.py`. */
export const PYTHON_CALC_FIXED = 'def add(a, b):\n    return a + b\n\n\ndef double(a):\n    return a * 2\n';
