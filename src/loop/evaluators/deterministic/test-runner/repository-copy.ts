// A throwaway copy of a task repository that code changes are written into.
import { cp, lstat, mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';

const SKIPPED = new Set(['.git', '__pycache__', '.pytest_cache', '.mypy_cache']);

/**
 * Copies `source` to `destination` (which must not exist), leaving out `.git` and Python caches. Symbolic links are
 * copied as links, never followed.
 *
 * @example
 * ```ts
 * await copyRepository('/tasks/cr-001/repo', '/tmp/loopgym-tests-x/repo');
 * ```
 */
export async function copyRepository(source: string, destination: string): Promise<void> {
  await cp(source, destination, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (path) => !SKIPPED.has(basename(path)),
  });
}

/**
 * Writes the new content of each file (relative, already checked paths) into the copy at `directory`, deleting
 * files whose content is `undefined`. Returns the paths refused because the file or a folder on its way is a
 * symbolic link (it could point outside the copy); nothing is written when any is refused.
 *
 * @example
 * ```ts
 * await writeRepositoryFiles('/tmp/loopgym-tests-x/repo', new Map([['calc.py', 'x = 1\n']])); // []
 * ```
 */
export async function writeRepositoryFiles(
  directory: string,
  files: ReadonlyMap<string, string | undefined>,
): Promise<string[]> {
  const refused: string[] = [];
  for (const path of files.keys()) {
    if (await passesThroughLink(directory, path)) refused.push(path);
  }
  if (refused.length > 0) return refused.sort();
  for (const [path, content] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const target = join(directory, path);
    if (content === undefined) {
      await rm(target, { force: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return [];
}

async function passesThroughLink(directory: string, path: string): Promise<boolean> {
  let current = directory;
  for (const part of path.split('/')) {
    current = `${current}${sep}${part}`;
    try {
      if ((await lstat(current)).isSymbolicLink()) return true;
    } catch {
      return false;
    }
  }
  return false;
}
