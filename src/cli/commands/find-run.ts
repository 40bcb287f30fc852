import type { StoredRun } from '../../store/run-records.js';
import type { RunStore } from '../../store/run-store.js';
import { StoreError } from '../../store/store-error.js';

const CANDIDATES_SHOWN = 10;

function describeCandidate(run: StoredRun): string {
  return `  ${run.id}  ${run.kind}  ${run.envId}  ${run.startedAt}  ${run.status}`;
}

/**
 * A run by its id or a unique prefix of it. An ambiguous prefix is an error listing the runs it matches; an unknown
 * one is an error listing the newest runs (each with kind, environment, start and status), so the user can pick.
 *
 * @example
 * ```ts
 * const run = findRun(store, '3f2a'); // throws StoreError when '3f2a' matches no run or several
 * ```
 */
export function findRun(store: RunStore, idOrPrefix: string): StoredRun {
  try {
    return store.getRun(idOrPrefix);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    if (error.code === 'run-ambiguous') {
      const matches = store
        .listRuns({ limit: Number.MAX_SAFE_INTEGER })
        .filter((run) => run.id.startsWith(idOrPrefix));
      const shown = matches.slice(0, CANDIDATES_SHOWN).map(describeCandidate);
      const more =
        matches.length > CANDIDATES_SHOWN ? `\n  … and ${matches.length - CANDIDATES_SHOWN} more` : '';
      throw new StoreError(
        `Run "${idOrPrefix}" is ambiguous: ${matches.length} runs start with it. Give more characters of the id:\n` +
          `${shown.join('\n')}${more}`,
        { code: 'run-ambiguous', cause: error },
      );
    }
    if (error.code === 'run-not-found') {
      const newest = store.listRuns({ limit: 5 });
      const hint =
        newest.length === 0
          ? ' The store has no runs yet.'
          : ` The newest runs:\n${newest.map(describeCandidate).join('\n')}`;
      throw new StoreError(`No run starts with "${idOrPrefix}" in ${store.path}.${hint}`, {
        code: 'run-not-found',
        cause: error,
      });
    }
    throw error;
  }
}
