// Turns a code output into the new contents of repository files, refusing files it may not change.
import { posix } from 'node:path';
import { applyFilePatch } from './apply-unified-diff.js';
import { checkEditablePath } from './editable-path.js';
import type { CodePiece } from './find-code-output.js';
import { parseUnifiedDiff, type FilePatch } from './parse-unified-diff.js';

/** The new content of each changed file (`undefined`: deleted), or why the code cannot be applied. */
export type CodeApplication =
  | { ok: true; files: ReadonlyMap<string, string | undefined>; ignoredBlocks: number }
  | { ok: false; failureCode: string; hints: string[]; summary: string };

/** What {@link applyCodePieces} needs besides the pieces. */
export interface CodeApplicationOptions {
  editableFiles: readonly string[];
  /** The current content of a repository file (relative path), or `undefined` when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
}

const LANGUAGES_BY_EXTENSION: Readonly<Record<string, readonly string[]>> = {
  '.py': ['python', 'py', 'python3'],
  '.js': ['javascript', 'js', 'node', 'nodejs'],
  '.mjs': ['javascript', 'js', 'node', 'nodejs', 'mjs'],
  '.cjs': ['javascript', 'js', 'node', 'nodejs', 'cjs'],
  '.ts': ['typescript', 'ts'],
  '.json': ['json'],
};

/**
 * Applies code pieces in order to the repository's files, in memory. Named files replace theirs; diffs patch
 * theirs; unnamed blocks are used only when the output has no named block and no diff: the single unnamed block
 * whose language fits then replaces the single editable file. Failure codes: `forbidden_file` (a path outside
 * `editableFiles`, absolute or escaping the repository), `patch_does_not_apply`, `ambiguous_code` (unnamed code
 * that cannot be placed), `no_code`.
 *
 * @example
 * ```ts
 * await applyCodePieces(codePieces(output), { editableFiles: ['calc.py'], readFile });
 * // { ok: true, files: Map { 'calc.py' => 'def add(a, b):\n    return a + b\n' }, ignoredBlocks: 0 }
 * ```
 */
export async function applyCodePieces(
  pieces: readonly CodePiece[],
  options: CodeApplicationOptions,
): Promise<CodeApplication> {
  const placed = placeUnnamedPieces(pieces, options.editableFiles);
  if (!placed.ok) return placed;
  const changes: Change[] = [];
  for (const piece of placed.pieces) {
    if (piece.kind === 'file') changes.push({ kind: 'file', path: piece.path, content: piece.content });
    if (piece.kind !== 'diff') continue;
    const patches = readPatches(piece.text, options.editableFiles);
    if (patches.length === 0) {
      return {
        ok: false,
        failureCode: 'patch_does_not_apply',
        hints: ['The diff names no file: start each file with `--- a/<path>` and `+++ b/<path>` lines.'],
        summary: 'The diff names no file.',
      };
    }
    changes.push(...patches.map((patch) => ({ kind: 'patch' as const, patch })));
  }
  const forbidden = forbiddenPaths(changes, options.editableFiles);
  if (forbidden.length > 0) {
    return {
      ok: false,
      failureCode: 'forbidden_file',
      hints: [`Change only ${describeFiles(options.editableFiles)}; refused: ${forbidden.join(', ')}.`],
      summary: `The code changes files it may not change: ${forbidden.join(', ')}.`,
    };
  }
  const files = new Map<string, string | undefined>();
  const current = async (path: string): Promise<string | undefined> =>
    files.has(path) ? files.get(path) : options.readFile(path);
  for (const change of changes) {
    if (change.kind === 'file') {
      files.set(normalize(change.path), change.content);
      continue;
    }
    const patch = change.patch;
    const target = normalize((patch.newPath ?? patch.oldPath)!);
    const result = applyFilePatch(await current(normalize(patch.oldPath ?? target)), patch);
    if (!result.ok) {
      return {
        ok: false,
        failureCode: 'patch_does_not_apply',
        hints: [
          `Hunk ${result.hunk} of the patch to ${target} does not apply: ${result.problem}. ` +
            'Copy the context lines exactly from the current file, or send the whole file instead.',
        ],
        summary: `The patch to ${target} does not apply.`,
      };
    }
    if (patch.oldPath !== undefined && patch.newPath !== undefined && normalize(patch.oldPath) !== target) {
      files.set(normalize(patch.oldPath), undefined);
    }
    files.set(target, result.content);
  }
  if (files.size === 0) {
    return {
      ok: false,
      failureCode: 'no_code',
      hints: [
        'Send the changed file in a fenced block naming it (```python path=calc.py), or a unified diff.',
      ],
      summary: 'The output changes no file.',
    };
  }
  return { ok: true, files, ignoredBlocks: pieces.length - placed.pieces.length };
}

function placeUnnamedPieces(
  pieces: readonly CodePiece[],
  editableFiles: readonly string[],
): { ok: true; pieces: CodePiece[] } | (CodeApplication & { ok: false }) {
  const named = pieces.filter((piece) => piece.kind !== 'unnamed');
  if (named.length > 0) return { ok: true, pieces: named };
  const unnamed = pieces.filter((piece) => piece.kind === 'unnamed');
  if (unnamed.length === 0) return { ok: true, pieces: [] };
  const target = editableFiles.length === 1 ? editableFiles[0]! : undefined;
  const fitting = unnamed.filter((piece) => target !== undefined && languageFits(piece.language, target));
  if (target !== undefined && fitting.length === 1) {
    return { ok: true, pieces: [{ kind: 'file', path: target, content: fitting[0]!.content }] };
  }
  return {
    ok: false,
    failureCode: 'ambiguous_code',
    hints: [
      `Say which file each code block replaces (\`\`\`python path=${editableFiles[0] ?? 'file.py'}), ` +
        `or send a unified diff; the files you may change: ${describeFiles(editableFiles)}.`,
    ],
    summary:
      target === undefined
        ? 'The code blocks name no file and the task has more than one editable file.'
        : `The output has ${fitting.length} unnamed code blocks that could replace ${target}.`,
  };
}

type Change = { kind: 'file'; path: string; content: string } | { kind: 'patch'; patch: FilePatch };

/** The file patches of a diff; a diff without file headers patches the single editable file, if there is one. */
function readPatches(text: string, editableFiles: readonly string[]): FilePatch[] {
  const patches = parseUnifiedDiff(text).filter((patch) => (patch.newPath ?? patch.oldPath) !== undefined);
  if (patches.length > 0 || editableFiles.length !== 1 || !/^[-+]/mu.test(text)) return patches;
  const file = editableFiles[0]!;
  const body = /^@@/mu.test(text) ? text : `@@ @@\n${text}`;
  return parseUnifiedDiff(`--- a/${file}\n+++ b/${file}\n${body}`);
}

function forbiddenPaths(changes: readonly Change[], editableFiles: readonly string[]): string[] {
  const paths = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'file') paths.add(change.path);
    else {
      if (change.patch.oldPath !== undefined) paths.add(change.patch.oldPath);
      if (change.patch.newPath !== undefined) paths.add(change.patch.newPath);
    }
  }
  return [...paths].filter((path) => !checkEditablePath(path, editableFiles).ok).sort();
}

function languageFits(language: string | undefined, path: string): boolean {
  if (language === undefined || language === '' || language === 'text' || language === 'plaintext')
    return true;
  const names = LANGUAGES_BY_EXTENSION[posix.extname(path)];
  return names === undefined || names.includes(language);
}

function normalize(path: string): string {
  return posix.normalize(path.trim().replace(/\\/gu, '/'));
}

function describeFiles(editableFiles: readonly string[]): string {
  return editableFiles.length === 0 ? 'no file (the task lists no editable files)' : editableFiles.join(', ');
}
