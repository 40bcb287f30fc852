import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvaluator } from '../__fixtures__/evaluation-context.js';
import { PYTHON_CALC_FIXED } from '../__fixtures__/temporary-repository.js';
import {
  codeOutput as code,
  fence,
  stillRunning,
  useRepositoryTasks,
  workDirectories,
} from '../__fixtures__/test-pass-rate-helpers.js';
import { testPassRate } from './test-pass-rate.js';

const repositoryTask = useRepositoryTasks();

describe('evaluators.test_pass_rate sandbox limits', () => {
  it('kills an infinite loop at the timeout and cleans up', async () => {
    const task = await repositoryTask();
    const before = await workDirectories();
    const started = Date.now();
    const verdict = await runEvaluator(testPassRate, {
      outputs: [
        code(
          fence(
            'python path=calc.py',
            `${PYTHON_CALC_FIXED}\n\ndef double(a):\n    while True:\n        pass\n`,
          ),
        ),
      ],
      task,
      parameters: { timeout_seconds: 2 },
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(verdict.failureCodes).toContain('timeout');
    expect(verdict.passed).toBe(false);
    expect(verdict.score).toBeCloseTo(2 / 3);
    expect(verdict.remediationHints).toContain(
      '`test_calc.TestCalc.test_double` did not finish within the 2 s limit.',
    );
    expect(await workDirectories()).toEqual(before);
  });

  it('kills what the tests started along with them', async () => {
    const task = await repositoryTask();
    const pidFile = join(task.root!, 'sleeper.pid');
    const spawner = [
      PYTHON_CALC_FIXED,
      'import subprocess',
      '',
      'def double(a):',
      "    sleeper = subprocess.Popen(['sleep', '300'])",
      `    with open(${JSON.stringify(pidFile)}, 'w') as handle:`,
      '        handle.write(str(sleeper.pid))',
      '    while True:',
      '        pass',
      '',
    ].join('\n');
    const verdict = await runEvaluator(testPassRate, {
      outputs: [code(fence('python path=calc.py', spawner))],
      task,
      parameters: { timeout_seconds: 2 },
    });
    expect(verdict.failureCodes).toContain('timeout');
    const pid = Number(await readFile(pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(0);
    expect(await stillRunning(pid)).toBe(false);
  });

  it('stops when the run is cancelled', async () => {
    const task = await repositoryTask();
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled by the test')), 500);
    const before = await workDirectories();
    await expect(
      runEvaluator(testPassRate, {
        outputs: [
          code(
            fence(
              'python path=calc.py',
              `${PYTHON_CALC_FIXED}\ndef add(a, b):\n    while True:\n        pass\n`,
            ),
          ),
        ],
        task,
        signal: controller.signal,
      }),
    ).rejects.toThrow('cancelled by the test');
    expect(await workDirectories()).toEqual(before);
  });

  it('stops a test that allocates past the memory limit', async () => {
    const task = await repositoryTask();
    const hog = `${PYTHON_CALC_FIXED}\n\ndef double(a):\n    blocks = [bytearray(64 * 1024 * 1024) for _ in range(64)]\n    return a * 2\n`;
    const verdict = await runEvaluator(testPassRate, {
      outputs: [code(fence('python path=calc.py', hog))],
      task,
      parameters: { memory_mb: 256 },
    });
    expect(verdict.failureCodes).toContain('memory_limit');
    expect(verdict.passed).toBe(false);
  });

  it('runs the tests without this process environment (no API keys, HOME elsewhere)', async () => {
    process.env['LOOPGYM_FAKE_API_KEY'] = 'sk-test-not-a-real-key';
    try {
      const task = await repositoryTask(
        { language: 'python', editableFiles: ['probe.py'] },
        {
          'probe.py': 'import os\n\ndef environment():\n    return dict(os.environ)\n',
          'test_probe.py': [
            'import os, unittest',
            'from probe import environment',
            'class TestProbe(unittest.TestCase):',
            '    def test_no_keys(self):',
            "        self.assertNotIn('LOOPGYM_FAKE_API_KEY', environment())",
            '    def test_home(self):',
            `        self.assertNotEqual(os.environ['HOME'], ${JSON.stringify(process.env['HOME'] ?? '')})`,
            "        self.assertEqual(os.environ['PYTHONHASHSEED'], '0')",
            '',
          ].join('\n'),
        },
      );
      const verdict = await runEvaluator(testPassRate, {
        outputs: [
          code(
            fence('python path=probe.py', 'import os\n\ndef environment():\n    return dict(os.environ)\n'),
          ),
        ],
        task,
      });
      expect(verdict).toMatchObject({ passed: true, summary: '2 of 2 tests pass.' });
    } finally {
      delete process.env['LOOPGYM_FAKE_API_KEY'];
    }
  });
});
