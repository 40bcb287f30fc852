// A tolerant reader of unified diffs as language models write them.

/** One line of a hunk: context (` `), removed (`-`) or added (`+`). */
export interface DiffLine {
  kind: ' ' | '-' | '+';
  text: string;
  /** Followed by `\ No newline at end of file`. */
  noNewline: boolean;
}

/** A hunk: where it claims to start in the old file (1-based; `undefined` for a bare `@@ @@`) and its lines. */
export interface DiffHunk {
  oldStart: number | undefined;
  lines: DiffLine[];
}

/** The changes to one file. A path is `undefined` for `/dev/null` (a created or deleted file). */
export interface FilePatch {
  oldPath: string | undefined;
  newPath: string | undefined;
  hunks: DiffHunk[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/u;

/**
 * Whether `text` holds a unified diff: a `--- ` line followed by a `+++ ` line, and a `@@` hunk header.
 *
 * @example
 * ```ts
 * looksLikeUnifiedDiff('--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n+b\n'); // true
 * ```
 */
export function looksLikeUnifiedDiff(text: string): boolean {
  return /^--- .*\r?\n\+\+\+ /mu.test(text) && /^@@/mu.test(text);
}

/**
 * The file patches of a unified diff. Tolerant of what models write: hunk line counts are ignored (a hunk runs
 * until a line that is not part of it), an empty line inside a hunk is an empty context line, `a/` and `b/` prefixes
 * and trailing timestamps are removed, prose between files is skipped. Hunks before any file header are dropped.
 *
 * @example
 * ```ts
 * parseUnifiedDiff('--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n+b\n');
 * // [{ oldPath: 'x.py', newPath: 'x.py', hunks: [{ oldStart: 1, lines: [{ kind: '-', text: 'a', … }, { kind: '+', text: 'b', … }] }] }]
 * ```
 */
export function parseUnifiedDiff(text: string): FilePatch[] {
  const lines = text.split('\n').map((line) => line.replace(/\r$/u, ''));
  const patches: FilePatch[] = [];
  let patch: FilePatch | undefined;
  let hunk: DiffHunk | undefined;
  let blankTail = 0;
  const closeHunk = (): void => {
    if (hunk !== undefined && blankTail > 0) hunk.lines.splice(hunk.lines.length - blankTail, blankTail);
    hunk = undefined;
    blankTail = 0;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith('--- ') && lines[index + 1]?.startsWith('+++ ') === true) {
      closeHunk();
      patch = { oldPath: diffPath(line.slice(4)), newPath: diffPath(lines[index + 1]!.slice(4)), hunks: [] };
      patches.push(patch);
      index += 1;
    } else if (line.startsWith('@@')) {
      closeHunk();
      if (patch === undefined) continue;
      const header = HUNK_HEADER.exec(line);
      hunk = { oldStart: header === null ? undefined : Number(header[1]), lines: [] };
      patch.hunks.push(hunk);
    } else if (hunk !== undefined && (line.startsWith(' ') || line.startsWith('-') || line.startsWith('+'))) {
      hunk.lines.push({ kind: line[0] as DiffLine['kind'], text: line.slice(1), noNewline: false });
      blankTail = 0;
    } else if (hunk !== undefined && line.startsWith('\\')) {
      const last = hunk.lines.at(-1);
      if (last !== undefined) last.noNewline = true;
    } else if (hunk !== undefined && line === '') {
      hunk.lines.push({ kind: ' ', text: '', noNewline: false });
      blankTail += 1;
    } else {
      closeHunk();
    }
  }
  closeHunk();
  return patches;
}

/** The path of a `---`/`+++` header: unquoted, without timestamp or `a/`/`b/` prefix; `undefined` for /dev/null. */
function diffPath(header: string): string | undefined {
  let path = header.split('\t')[0]!.trim();
  if (path.startsWith('"') && path.endsWith('"') && path.length >= 2) path = path.slice(1, -1);
  if (path === '/dev/null') return undefined;
  return /^[ab]\//u.test(path) ? path.slice(2) : path;
}
