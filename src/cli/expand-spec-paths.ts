import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const SPEC_EXTENSION = /\.ya?ml$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist']);

/**
 * The spec files named on a command line: files as given (YAML or JSON), directories searched (recursively, in name
 * order) for `.yaml` and `.yml` files (JSON files in a directory are often not specs: name them explicitly); paths
 * that do not exist are returned apart.
 *
 * @example
 * ```ts
 * const { files, missing } = await expandSpecPaths(['loop.yaml', 'specs/']);
 * ```
 */
export async function expandSpecPaths(
  paths: readonly string[],
): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const kind = await stat(path).then(
      (stats) => (stats.isDirectory() ? 'directory' : 'file'),
      () => undefined,
    );
    if (kind === undefined) missing.push(path);
    else if (kind === 'file') files.push(path);
    else files.push(...(await specFilesIn(path)));
  }
  return { files: [...new Set(files)], missing };
}

async function specFilesIn(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) files.push(...(await specFilesIn(path)));
    else if (entry.isFile() && SPEC_EXTENSION.test(entry.name)) files.push(path);
  }
  return files;
}
