import { describe, expect, it } from 'vitest';
import { makeOutput, runEvaluator } from '../__fixtures__/evaluation-context.js';
import { PYTHON_CALC_FILES, PYTHON_CALC_FIXED } from '../__fixtures__/temporary-repository.js';
import {
  codeOutput as code,
  fence,
  useRepositoryTasks,
  workDirectories,
} from '../__fixtures__/test-pass-rate-helpers.js';
import { MissingTaskMaterialError } from '../deterministic-evaluator-errors.js';
import { testPassRate } from './test-pass-rate.js';

const repositoryTask = useRepositoryTasks();
describe('evaluators.test_pass_rate (python)', () => {
  it('passes a fenced block that names the fixed file', async () => {
    const task = await repositoryTask();
    const verdict = await runEvaluator(testPassRate, {
      outputs: [code(fence('python path=calc.py', PYTHON_CALC_FIXED))],
      task,
    });
    expect(verdict).toMatchObject({
      score: 1,
      passed: true,
      failureCodes: [],
      summary: '3 of 3 tests pass.',
    });
    expect(verdict.details).toMatchObject({
      runner: 'unittest',
      passed: 3,
      total: 3,
      changed_files: ['calc.py'],
    });
  });

  it('scores the share of passing tests and names failing tests with their assertion message', async () => {
    const task = await repositoryTask();
    const buggy = PYTHON_CALC_FILES['calc.py']!.replace('a * 2', 'a * 3');
    const verdict = await runEvaluator(testPassRate, {
      outputs: [code(fence('python', `# file: calc.py\n${buggy}`))],
      task,
    });
    expect(verdict.score).toBe(0);
    expect(verdict.failureCodes).toEqual(['tests_failing']);
    expect(verdict.remediationHints).toEqual([
      '`test_calc.TestCalc.test_add` fails: -1 != 5 : add(2, 3) should be 5',
      '`test_calc.TestCalc.test_add_negative` fails: 0 != -2',
      '`test_calc.TestCalc.test_double` fails: 12 != 8',
    ]);
    const half = await runEvaluator(testPassRate, {
      outputs: [code(fence('python path=calc.py', PYTHON_CALC_FIXED.replace('a * 2', 'a * 3')))],
      task,
    });
    expect(half.score).toBeCloseTo(2 / 3);
    expect(half.passed).toBe(false);
  });

  it('counts only the required tests when the task names them (matching by suffix)', async () => {
    const task = await repositoryTask({
      language: 'python',
      editableFiles: ['calc.py'],
      requiredTests: ['TestCalc.test_double'],
    });
    const verdict = await runEvaluator(testPassRate, {
      outputs: [code(fence('python path=calc.py', PYTHON_CALC_FILES['calc.py']!))],
      task,
    });
    expect(verdict).toMatchObject({ score: 1, passed: true, summary: '1 of 1 required tests pass.' });
  });

  it('replaces the single editable file with a single unnamed block', async () => {
    const task = await repositoryTask();
    const verdict = await runEvaluator(testPassRate, {
      outputs: [makeOutput(`Here is the fix:\n\n${fence('python', PYTHON_CALC_FIXED)}`)],
      task,
    });
    expect(verdict.passed).toBe(true);
  });

  it('applies a unified diff, wrong line numbers and all', async () => {
    const task = await repositoryTask();
    const diff =
      '--- a/calc.py\n+++ b/calc.py\n@@ -7,2 +7,2 @@\n def add(a, b):\n-    return a - b\n+    return a + b\n';
    expect((await runEvaluator(testPassRate, { outputs: [code(fence('diff', diff))], task })).passed).toBe(
      true,
    );
    expect(
      (await runEvaluator(testPassRate, { outputs: [makeOutput(`Patch:\n${diff}`)], task })).passed,
    ).toBe(true);
  });

  it('reports a hunk that does not apply', async () => {
    const task = await repositoryTask();
    const diff =
      '--- a/calc.py\n+++ b/calc.py\n@@ -1,2 +1,2 @@\n def add(x, y):\n-    return x - y\n+    return x + y\n';
    const verdict = await runEvaluator(testPassRate, { outputs: [code(fence('diff', diff))], task });
    expect(verdict).toMatchObject({ score: 0, passed: false, failureCodes: ['patch_does_not_apply'] });
    expect(verdict.remediationHints[0]).toContain('Hunk 1 of the patch to calc.py does not apply');
  });

  it('refuses a patch that touches the tests, or escapes the repository, and runs nothing', async () => {
    const task = await repositoryTask();
    const cheat =
      "--- a/test_calc.py\n+++ b/test_calc.py\n@@ -6,2 +6,2 @@\n     def test_add(self):\n-        self.assertEqual(add(2, 3), 5, 'add(2, 3) should be 5')\n+        pass\n";
    const before = await workDirectories();
    const verdict = await runEvaluator(testPassRate, { outputs: [code(fence('diff', cheat))], task });
    expect(verdict).toMatchObject({ score: 0, failureCodes: ['forbidden_file'] });
    expect(verdict.remediationHints[0]).toBe('Change only calc.py; refused: test_calc.py.');
    const escape = await runEvaluator(testPassRate, {
      outputs: [code(fence('python path=../outside.py', 'x = 1\n'))],
      task,
    });
    expect(escape.failureCodes).toEqual(['forbidden_file']);
    const absolute = await runEvaluator(testPassRate, {
      outputs: [code(fence('python path=/etc/calc.py', 'x = 1\n'))],
      task,
    });
    expect(absolute.failureCodes).toEqual(['forbidden_file']);
    expect(await workDirectories()).toEqual(before);
  });

  it('reports a syntax error', async () => {
    const task = await repositoryTask();
    const verdict = await runEvaluator(testPassRate, {
      outputs: [code(fence('python path=calc.py', 'def add(a, b):\n    return a +\n'))],
      task,
    });
    expect(verdict.failureCodes).toEqual(['syntax_error', 'tests_failing']);
    expect(verdict.score).toBe(0);
    expect(verdict.remediationHints.join('\n')).toMatch(/SyntaxError: invalid syntax \(calc\.py:2\)/u);
  });

  it('keeps memory addresses out of hints', async () => {
    const task = await repositoryTask();
    const odd = PYTHON_CALC_FIXED.replace('return a * 2', 'return object()');
    const verdict = await runEvaluator(testPassRate, {
      outputs: [code(fence('python path=calc.py', odd))],
      task,
    });
    expect(verdict.remediationHints).toEqual([
      '`test_calc.TestCalc.test_double` fails: <object object at 0x…> != 8',
    ]);
  });

  it('gives the same verdict twice', async () => {
    const task = await repositoryTask();
    const outputs = [code(fence('python path=calc.py', PYTHON_CALC_FIXED.replace('a * 2', 'a + 2')))];
    const first = await runEvaluator(testPassRate, { outputs, task });
    const second = await runEvaluator(testPassRate, { outputs, task });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('says no_code for an output without code', async () => {
    const task = await repositoryTask();
    const verdict = await runEvaluator(testPassRate, { outputs: ['I would change the plus sign.'], task });
    expect(verdict).toMatchObject({ score: 0, failureCodes: ['no_code'] });
  });

  it('throws a task error when the task has no repository', async () => {
    await expect(runEvaluator(testPassRate, { outputs: [code(fence('python', 'x = 1\n'))] })).rejects.toThrow(
      MissingTaskMaterialError,
    );
  });
});

describe('evaluators.test_pass_rate (node)', () => {
  const files = {
    'package.json': '{ "type": "commonjs" }\n',
    'slug.js': 'exports.slug = (text) => text.toLowerCase();\n',
    'slug.test.js': [
      "const test = require('node:test');",
      "const assert = require('node:assert');",
      "const { slug } = require('./slug.js');",
      "test('lowers', () => assert.strictEqual(slug('AB'), 'ab'));",
      "test.describe('spaces', () => {",
      "  test.it('dashes', () => assert.strictEqual(slug('a b'), 'a-b', 'spaces become dashes'));",
      '});',
      '',
    ].join('\n'),
  };

  it('reads per-test results from TAP', async () => {
    const task = await repositoryTask({ language: 'node', editableFiles: ['slug.js'] }, files);
    const verdict = await runEvaluator(testPassRate, {
      outputs: [code(fence('js path=slug.js', 'exports.slug = (text) => text.toLowerCase();\n'))],
      task,
    });
    expect(verdict).toMatchObject({ score: 0.5, failureCodes: ['tests_failing'] });
    expect(verdict.remediationHints).toEqual(['`spaces > dashes` fails: spaces become dashes']);
    const fixed = await runEvaluator(testPassRate, {
      outputs: [
        code(
          fence(
            'javascript',
            "// file: slug.js\nexports.slug = (text) => text.toLowerCase().replace(/ /g, '-');\n",
          ),
        ),
      ],
      task,
    });
    expect(fixed).toMatchObject({ score: 1, passed: true, details: { runner: 'node-test', total: 2 } });
  });
});
