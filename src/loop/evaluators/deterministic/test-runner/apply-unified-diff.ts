// Applies the hunks of one file patch to a file's text.
import type { DiffHunk, FilePatch } from './parse-unified-diff.js';

/** The outcome of applying a patch: the new text (`undefined` when the patch deletes the file), or the hunk that failed. */
export type PatchApplication =
  { ok: true; content: string | undefined } | { ok: false; hunk: number; problem: string };

/**
 * Applies `patch` to `original` (`undefined` when the file does not exist). Hunks apply in order, each searched for
 * at or after the end of the previous one, nearest to the line its header names (so wrong line numbers do not
 * matter). A hunk's context and removed lines must match the file exactly, or else ignoring trailing whitespace; a
 * hunk that matches nowhere fails the whole patch. `\ No newline at end of file` is honoured.
 *
 * @example
 * ```ts
 * applyFilePatch('a\nb\n', parseUnifiedDiff('--- a/x\n+++ b/x\n@@ -2 +2 @@\n-b\n+c\n')[0]!); // { ok: true, content: 'a\nc\n' }
 * ```
 */
export function applyFilePatch(original: string | undefined, patch: FilePatch): PatchApplication {
  if (patch.newPath === undefined) return { ok: true, content: undefined };
  const lines = original === undefined || original === '' ? [] : original.split('\n');
  let endsWithNewline = true;
  if (lines.length > 0) {
    if (lines.at(-1) === '') lines.pop();
    else endsWithNewline = false;
  }
  let searchFrom = 0;
  let delta = 0;
  for (const [index, hunk] of patch.hunks.entries()) {
    const before = hunk.lines.filter((line) => line.kind !== '+');
    const after = hunk.lines.filter((line) => line.kind !== '-');
    const position = findHunk(lines, hunk, searchFrom, delta);
    if (position === undefined) {
      const first = before[0]?.text ?? '';
      return {
        ok: false,
        hunk: index + 1,
        problem:
          hunk.oldStart === undefined
            ? `its lines (from \`${first.trim()}\`) are not in the file`
            : `its lines (from line ${hunk.oldStart}: \`${first.trim()}\`) are not in the file`,
      };
    }
    const touchesEnd = position + before.length === lines.length;
    lines.splice(position, before.length, ...after.map((line) => line.text));
    if (touchesEnd) {
      if (after.at(-1)?.noNewline === true) endsWithNewline = false;
      else if (before.at(-1)?.noNewline === true || after.length > 0) endsWithNewline = true;
    }
    delta += after.length - before.length;
    searchFrom = position + after.length;
  }
  if (lines.length === 0) return { ok: true, content: '' };
  return { ok: true, content: lines.join('\n') + (endsWithNewline ? '\n' : '') };
}

/** Where the hunk's old lines start in `lines`, at or after `searchFrom`, nearest to where its header says. */
function findHunk(
  lines: readonly string[],
  hunk: DiffHunk,
  searchFrom: number,
  delta: number,
): number | undefined {
  const before = hunk.lines.filter((line) => line.kind !== '+').map((line) => line.text);
  const claimed = hunk.oldStart === undefined ? searchFrom : Math.max(searchFrom, hunk.oldStart - 1 + delta);
  if (before.length === 0) {
    // A pure insertion: `-N,0` inserts after line N.
    return Math.min(
      lines.length,
      hunk.oldStart === undefined ? lines.length : Math.max(searchFrom, hunk.oldStart + delta),
    );
  }
  for (const same of [exact, sameIgnoringTrailingSpace]) {
    let best: number | undefined;
    for (let start = searchFrom; start + before.length <= lines.length; start++) {
      if (!before.every((text, offset) => same(lines[start + offset]!, text))) continue;
      if (best === undefined || Math.abs(start - claimed) < Math.abs(best - claimed)) best = start;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

function exact(a: string, b: string): boolean {
  return a === b;
}

function sameIgnoringTrailingSpace(a: string, b: string): boolean {
  return a.trimEnd() === b.trimEnd();
}
