import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

let cached: string | undefined;

/**
 * The version of the code that ran: the package version, plus `+<commit>` (12 hex digits) when the working
 * directory is a git checkout. Computed once per process.
 *
 * @example
 * ```ts
 * codeVersion(); // '0.1.0+f9ca044e1b2c'
 * ```
 */
export function codeVersion(): string {
  if (cached !== undefined) return cached;
  const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      encoding: 'utf8',
      timeout: 2000,
    }).trim();
  } catch {
    // Not a checkout, or git is missing: the package version alone.
  }
  cached = /^[0-9a-f]{7,40}$/.test(commit) ? `${version}+${commit}` : version;
  return cached;
}
