import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFilePatch } from './apply-unified-diff.js';
import { looksLikeUnifiedDiff, parseUnifiedDiff, type FilePatch } from './parse-unified-diff.js';

const patchOf = (diff: string): FilePatch => parseUnifiedDiff(diff)[0]!;

describe('parseUnifiedDiff', () => {
  it('reads files, hunks and paths without prefixes or timestamps', () => {
    const diff = [
      'diff --git a/calc/parse.py b/calc/parse.py',
      'index 83db48f..bf269f4 100644',
      '--- a/calc/parse.py\t2025-01-01 00:00:00',
      '+++ b/calc/parse.py\t2025-01-02 00:00:00',
      '@@ -1,3 +1,3 @@ def parse(text):',
      ' def parse(text):',
      '-    return int(text)',
      '+    return int(text.strip())',
      '',
      '--- /dev/null',
      '+++ b/NOTES.md',
      '@@ -0,0 +1 @@',
      '+hello',
      '\\ No newline at end of file',
    ].join('\n');
    expect(parseUnifiedDiff(diff)).toEqual([
      {
        oldPath: 'calc/parse.py',
        newPath: 'calc/parse.py',
        hunks: [
          {
            oldStart: 1,
            lines: [
              { kind: ' ', text: 'def parse(text):', noNewline: false },
              { kind: '-', text: '    return int(text)', noNewline: false },
              { kind: '+', text: '    return int(text.strip())', noNewline: false },
            ],
          },
        ],
      },
      {
        oldPath: undefined,
        newPath: 'NOTES.md',
        hunks: [{ oldStart: 0, lines: [{ kind: '+', text: 'hello', noNewline: true }] }],
      },
    ]);
  });

  it('recognizes diffs', () => {
    expect(looksLikeUnifiedDiff('--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n')).toBe(true);
    expect(looksLikeUnifiedDiff('- a list\n- of things\n')).toBe(false);
  });
});

describe('applyFilePatch', () => {
  it('applies a hunk even when its line numbers are off', () => {
    const original = 'a\nb\nc\nd\ne\n';
    const result = applyFilePatch(original, patchOf('--- a/x\n+++ b/x\n@@ -40,3 +40,3 @@\n c\n-d\n+D\n e\n'));
    expect(result).toEqual({ ok: true, content: 'a\nb\nc\nD\ne\n' });
  });

  it('picks the occurrence nearest the claimed line when the context repeats', () => {
    const original = 'x\nsame\nx\nfiller\nx\nsame\nx\n';
    const result = applyFilePatch(original, patchOf('--- a/f\n+++ b/f\n@@ -6 +6 @@\n-same\n+changed\n'));
    expect(result).toEqual({ ok: true, content: 'x\nsame\nx\nfiller\nx\nchanged\nx\n' });
  });

  it('tolerates trailing whitespace differences but not others', () => {
    expect(
      applyFilePatch('keep  \nold\n', patchOf('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n keep\n-old\n+new\n')),
    ).toEqual({
      ok: true,
      content: 'keep\nnew\n',
    });
    const failed = applyFilePatch(
      'keep\nold\n',
      patchOf('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n kept\n-old\n+new\n'),
    );
    expect(failed).toEqual({
      ok: false,
      hunk: 1,
      problem: 'its lines (from line 1: `kept`) are not in the file',
    });
  });

  it('creates, deletes, and honours missing final newlines', () => {
    expect(
      applyFilePatch(undefined, patchOf('--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1,2 @@\n+one\n+two\n')),
    ).toEqual({
      ok: true,
      content: 'one\ntwo\n',
    });
    expect(applyFilePatch('gone\n', patchOf('--- a/g.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-gone\n'))).toEqual({
      ok: true,
      content: undefined,
    });
    expect(
      applyFilePatch(
        'a\nb\n',
        patchOf('--- a/f\n+++ b/f\n@@ -2 +2 @@\n-b\n+c\n\\ No newline at end of file\n'),
      ),
    ).toEqual({
      ok: true,
      content: 'a\nc',
    });
    expect(
      applyFilePatch(
        'a\nb',
        patchOf('--- a/f\n+++ b/f\n@@ -2 +2 @@\n-b\n\\ No newline at end of file\n+c\n'),
      ),
    ).toEqual({
      ok: true,
      content: 'a\nc\n',
    });
  });

  it('applies hunks in order after one another', () => {
    const original = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const diff =
      '--- a/f\n+++ b/f\n@@ -2 +2,2 @@\n-line 2\n+line 2a\n+line 2b\n@@ -15 +16 @@\n-line 15\n+line fifteen\n';
    const result = applyFilePatch(original, patchOf(diff));
    expect(result.ok && result.content?.split('\n').slice(0, 3)).toEqual(['line 1', 'line 2a', 'line 2b']);
    expect(result.ok && result.content?.split('\n')[15]).toBe('line fifteen');
  });

  it('turns a file into the edited one for any edit written as a diff with context, wrong line numbers and all (property)', () => {
    const edit = fc
      .record({
        length: fc.integer({ min: 1, max: 40 }),
        start: fc.nat(),
        removed: fc.integer({ min: 0, max: 5 }),
        added: fc.array(
          fc.string({ maxLength: 12 }).map((text) => `new ${text.replace(/\n/gu, ' ')}`),
          { maxLength: 5 },
        ),
        context: fc.integer({ min: 0, max: 3 }),
        lineError: fc.integer({ min: -30, max: 30 }),
      })
      .map((value) => ({ ...value, start: value.start % value.length }));
    fc.assert(
      fc.property(edit, ({ length, start, removed, added, context, lineError }) => {
        const lines = Array.from({ length }, (_, i) => `line ${i}`);
        const end = Math.min(length, start + removed);
        const expected = [...lines.slice(0, start), ...added, ...lines.slice(end)];
        const before = lines.slice(Math.max(0, start - context), start);
        const after = lines.slice(end, end + context);
        const hunk = [
          ...before.map((line) => ` ${line}`),
          ...lines.slice(start, end).map((line) => `-${line}`),
          ...added.map((line) => `+${line}`),
          ...after.map((line) => ` ${line}`),
        ];
        const claimed = Math.max(0, start - before.length + 1 + lineError);
        const diff = `--- a/f\n+++ b/f\n@@ -${claimed} +${claimed} @@\n${hunk.join('\n')}\n`;
        const result = applyFilePatch(`${lines.join('\n')}\n`, patchOf(diff));
        const isPureInsertion = before.length + (end - start) + after.length === 0;
        if (isPureInsertion) return; // Without context an insertion goes where the header says; nothing to check.
        expect(result).toEqual({
          ok: true,
          content: expected.length === 0 ? '' : `${expected.join('\n')}\n`,
        });
      }),
      { numRuns: 400 },
    );
  });
});
