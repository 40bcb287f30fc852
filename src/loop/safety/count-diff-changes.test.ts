import { describe, expect, it } from 'vitest';
import { countDiffChanges } from './count-diff-changes.js';

const GIT_DIFF = [
  'diff --git a/src/a.ts b/src/a.ts',
  'index 83db48f..bf269f4 100644',
  '--- a/src/a.ts',
  '+++ b/src/a.ts',
  '@@ -1,3 +1,4 @@',
  ' const a = 1;',
  '-const b = 2;',
  '+const b = 3;',
  '+const c = 4;',
  ' export { a };',
  'diff --git a/README.md b/README.md',
  '--- a/README.md',
  '+++ b/README.md',
  '@@ -10 +10 @@',
  '-old line',
  '+new line',
  '\\ No newline at end of file',
].join('\n');

describe('countDiffChanges', () => {
  it('counts files and changed lines of a git diff', () => {
    expect(countDiffChanges(GIT_DIFF)).toEqual({ isDiff: true, files: 2, added: 3, removed: 2 });
  });

  it('counts files by +++ headers without git headers', () => {
    const plain = GIT_DIFF.split('\n')
      .filter((line) => !line.startsWith('diff --git') && !line.startsWith('index'))
      .join('\n');
    expect(countDiffChanges(plain)).toEqual({ isDiff: true, files: 2, added: 3, removed: 2 });
  });

  it('reads hunks by their line counts, so a removed "-- comment" line is not a header', () => {
    const diff = ['--- a/q.sql', '+++ b/q.sql', '@@ -1,2 +1,1 @@', '--- a comment', ' select 1;'].join('\n');
    expect(countDiffChanges(diff)).toEqual({ isDiff: true, files: 1, added: 0, removed: 1 });
  });

  it('finds a diff inside a Markdown code block among other text', () => {
    const text = `Here is the fix:\n\n\`\`\`diff\n${GIT_DIFF}\n\`\`\`\n\nIt bumps b.`;
    expect(countDiffChanges(text)).toEqual({ isDiff: true, files: 2, added: 3, removed: 2 });
  });

  it('is not a diff without hunks or headers', () => {
    expect(countDiffChanges('+ a list item\n- another')).toEqual({
      isDiff: false,
      files: 0,
      added: 0,
      removed: 0,
    });
  });
});
