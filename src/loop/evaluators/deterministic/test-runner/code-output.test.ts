import { describe, expect, it } from 'vitest';
import { makeOutput } from '../__fixtures__/evaluation-context.js';
import { applyCodePieces } from './apply-code-output.js';
import { checkEditablePath } from './editable-path.js';
import { codePieces, findCodeOutput } from './find-code-output.js';

const files: Record<string, string> = {
  'calc.py': 'def add(a, b):\n    return a - b\n',
  'test_calc.py': 'tests\n',
};
const readFile = (path: string) => Promise.resolve(files[path]);
const apply = (raw: string, editableFiles = ['calc.py']) =>
  applyCodePieces(codePieces(makeOutput(raw, { format: 'code' })), { editableFiles, readFile });

describe('checkEditablePath', () => {
  it('normalizes and allows only editable files inside the repository', () => {
    expect(checkEditablePath('./calc/../calc.py', ['calc.py'])).toEqual({ ok: true, path: 'calc.py' });
    expect(checkEditablePath('calc\\parse.py', ['calc/parse.py'])).toEqual({
      ok: true,
      path: 'calc/parse.py',
    });
    expect(checkEditablePath('../calc.py', ['calc.py'])).toMatchObject({ ok: false, reason: 'escapes' });
    expect(checkEditablePath('a/../../calc.py', ['calc.py'])).toMatchObject({ ok: false, reason: 'escapes' });
    expect(checkEditablePath('/work/calc.py', ['calc.py'])).toMatchObject({ ok: false, reason: 'absolute' });
    expect(checkEditablePath('C:/calc.py', ['calc.py'])).toMatchObject({ ok: false, reason: 'absolute' });
    expect(checkEditablePath('test_calc.py', ['calc.py'])).toMatchObject({
      ok: false,
      reason: 'not_editable',
    });
    expect(checkEditablePath('calc.py', [])).toMatchObject({ ok: false, reason: 'not_editable' });
  });
});

describe('codePieces and findCodeOutput', () => {
  it('tells diffs, named files and unnamed blocks apart, dropping file comments', () => {
    const output = makeOutput(
      [
        '```python path=calc.py',
        'x = 1',
        '```',
        '```js',
        '// file: lib/util.js',
        'module.exports = 1;',
        '```',
        '```diff',
        '--- a/calc.py',
        '+++ b/calc.py',
        '@@ -1 +1 @@',
        '-x',
        '+y',
        '```',
        '```bash',
        'python -m unittest',
        '```',
      ].join('\n'),
    );
    expect(codePieces(output)).toEqual([
      { kind: 'file', path: 'calc.py', content: 'x = 1\n' },
      { kind: 'file', path: 'lib/util.js', content: 'module.exports = 1;\n' },
      { kind: 'diff', text: '--- a/calc.py\n+++ b/calc.py\n@@ -1 +1 @@\n-x\n+y\n' },
      { kind: 'unnamed', language: 'bash', content: 'python -m unittest\n' },
    ]);
  });

  it('picks the last output that carries code', () => {
    const plan = makeOutput('Plan: change add.', { workerId: 'planner' });
    const patch = makeOutput('```python\nx\n```', { workerId: 'implementer' });
    const review = makeOutput('{"ok": true}', { format: 'json', workerId: 'reviewer' });
    expect(findCodeOutput([plan, patch, review])?.workerId).toBe('implementer');
    expect(findCodeOutput([plan])).toBeUndefined();
  });
});

describe('applyCodePieces', () => {
  it('replaces named files and applies diffs on top, in order', async () => {
    const raw =
      '```python path=calc.py\ndef add(a, b):\n    return a + b\n```\n```diff\n--- a/calc.py\n+++ b/calc.py\n@@ -2 +2 @@\n-    return a + b\n+    return b + a\n```';
    const result = await apply(raw);
    expect(result).toEqual({
      ok: true,
      files: new Map([['calc.py', 'def add(a, b):\n    return b + a\n']]),
      ignoredBlocks: 0,
    });
  });

  it('ignores unnamed blocks when something is named, and places a fitting unnamed block otherwise', async () => {
    const named = await apply('```bash\nrun it\n```\n```python path=calc.py\nx = 1\n```');
    expect(named).toMatchObject({ ok: true, ignoredBlocks: 1 });
    const unnamed = await apply('```bash\npython -m unittest\n```\n```python\nx = 2\n```');
    expect(unnamed).toMatchObject({ ok: true, files: new Map([['calc.py', 'x = 2\n']]) });
  });

  it('refuses unnamed code it cannot place', async () => {
    expect(await apply('```python\na\n```\n```python\nb\n```')).toMatchObject({
      ok: false,
      failureCode: 'ambiguous_code',
    });
    expect(await apply('```python\na\n```', ['calc.py', 'util.py'])).toMatchObject({
      ok: false,
      failureCode: 'ambiguous_code',
    });
  });

  it('applies a diff without file headers to the single editable file', async () => {
    const result = await apply('```diff\n-    return a - b\n+    return a + b\n```');
    expect(result).toMatchObject({
      ok: true,
      files: new Map([['calc.py', 'def add(a, b):\n    return a + b\n']]),
    });
  });

  it('refuses forbidden files before reading anything, listing them all', async () => {
    const raw =
      '```diff\n--- a/test_calc.py\n+++ b/test_calc.py\n@@ -1 +1 @@\n-tests\n+pass\n```\n```python path=../x.py\nx\n```';
    expect(await apply(raw)).toEqual({
      ok: false,
      failureCode: 'forbidden_file',
      hints: ['Change only calc.py; refused: ../x.py, test_calc.py.'],
      summary: 'The code changes files it may not change: ../x.py, test_calc.py.',
    });
  });

  it('says which hunk does not apply', async () => {
    const result = await apply(
      '```diff\n--- a/calc.py\n+++ b/calc.py\n@@ -1,2 +1,2 @@\n def sub(a, b):\n-    return a - b\n+    return a + b\n```',
    );
    expect(result).toMatchObject({ ok: false, failureCode: 'patch_does_not_apply' });
  });
});
