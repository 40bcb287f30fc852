// The size of a unified diff: files touched and lines added or removed.

/** What a unified diff changes. */
export interface DiffChanges {
  /** Whether the text holds at least one hunk (`@@ -a,b +c,d @@`) or `diff --git` header. */
  isDiff: boolean;
  files: number;
  added: number;
  removed: number;
}

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

/**
 * Counts the files and changed lines of a unified diff (`git diff` or `diff -u` output, possibly inside a Markdown
 * code block or among other text). Hunks are read by the line counts of their headers, so a removed line that
 * starts with `--` is not taken for a file header. Files are the `diff --git` headers, or, without them, the
 * `+++` headers.
 *
 * @example
 * ```ts
 * countDiffChanges('--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-old\n+new\n same\n');
 * // { isDiff: true, files: 1, added: 1, removed: 1 }
 * ```
 */
export function countDiffChanges(text: string): DiffChanges {
  const lines = text.split(/\r?\n/);
  let gitHeaders = 0;
  let plusHeaders = 0;
  let hunks = 0;
  let added = 0;
  let removed = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith('diff --git ')) gitHeaders++;
    else if (line.startsWith('+++ ') && lines[index - 1]?.startsWith('--- ')) plusHeaders++;
    const hunk = HUNK_HEADER.exec(line);
    if (hunk === null) continue;
    hunks++;
    let oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
    let newLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
    while ((oldLeft > 0 || newLeft > 0) && index + 1 < lines.length) {
      const body = lines[index + 1]!;
      if (body.startsWith('-')) {
        removed++;
        oldLeft--;
      } else if (body.startsWith('+')) {
        added++;
        newLeft--;
      } else if (body.startsWith(' ') || body === '') {
        oldLeft--;
        newLeft--;
      } else if (!body.startsWith('\\')) {
        break;
      }
      index++;
    }
  }
  return {
    isDiff: hunks > 0 || gitHeaders > 0,
    files: gitHeaders > 0 ? gitHeaders : plusHeaders,
    added,
    removed,
  };
}
