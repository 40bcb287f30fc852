// Where the LoopBench data that ships with LoopGym lives (`data/loopbench/<env>` in the package).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError } from '../../core/errors.js';

/**
 * The package root, from the URL of a module in `src/loop/tasks/` (tests, run from source) or in `dist/loop/tasks/`
 * (after build): both are three directories below the root.
 *
 * @example
 * ```ts
 * packageRootFrom('file:///app/node_modules/loopgym/dist/loop/tasks/data-directory.js'); // '/app/node_modules/loopgym'
 * ```
 */
export function packageRootFrom(moduleUrl: string | URL): string {
  return fileURLToPath(new URL('../../../', moduleUrl));
}

/**
 * The absolute directory of a LoopBench environment's data shipped with LoopGym: its `spec.yaml`, `tasks.json`,
 * `materials/` and fixtures. The directory may not exist for environments without shipped data.
 *
 * @throws {InvalidArgumentError} when `envName` is not a plain environment name such as `code-repair-v1`.
 * @example
 * ```ts
 * const { tasks } = await loadTaskSet(loopbenchDataDirectory('code-repair-v1'));
 * ```
 */
export function loopbenchDataDirectory(envName: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(envName)) {
    throw new InvalidArgumentError(
      `Invalid LoopBench environment name ${JSON.stringify(envName)}: use the name without namespace, e.g. \`code-repair-v1\`.`,
    );
  }
  return join(packageRootFrom(import.meta.url), 'data', 'loopbench', envName);
}
