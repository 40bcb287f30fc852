import { existsSync } from 'node:fs';
import { RunStore, resolveStorePath } from '../../store/run-store.js';
import { StoreError } from '../../store/store-error.js';

/** Where the store commands read `LOOPGYM_STORE` from; tests pass their own. */
export type StoreEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * Options shared by `loopgym runs`, `show` and `export`.
 *
 * @example
 * ```ts
 * addRunsCommand(program, io, { environment: { LOOPGYM_STORE: '/tmp/runs.db' } });
 * ```
 */
export interface StoreCommandOptions {
  /** Where `LOOPGYM_STORE` is read from (default `process.env`). */
  environment?: StoreEnvironment | undefined;
}

/** How the user gets runs into a store: said whenever there is none yet. */
export const HOW_TO_CREATE_RUNS =
  'Runs are recorded by `loopgym eval <env> …` (or by RunStore in code); choose another store with --store or LOOPGYM_STORE.';

/**
 * The store file `--store`, `LOOPGYM_STORE` or the default names, when it exists; `undefined` when it does not (so
 * that reading commands never create an empty database).
 *
 * @example
 * ```ts
 * const store = openExistingStore(flags.store);
 * if (store === undefined) io.err('No runs yet.');
 * ```
 */
export function openExistingStore(
  path: string | undefined,
  environment: StoreEnvironment = process.env,
): RunStore | undefined {
  const resolved = resolveStorePath(path, environment);
  if (resolved !== ':memory:' && !existsSync(resolved)) return undefined;
  return new RunStore(resolved);
}

/**
 * Like {@link openExistingStore}, but a missing store is a {@link StoreError} that says how to create runs.
 *
 * @example
 * ```ts
 * const store = requireStore(flags.store);
 * ```
 */
export function requireStore(
  path: string | undefined,
  environment: StoreEnvironment = process.env,
): RunStore {
  const store = openExistingStore(path, environment);
  if (store === undefined)
    throw new StoreError(
      `There is no run store at ${resolveStorePath(path, environment)} yet. ${HOW_TO_CREATE_RUNS}`,
      { code: 'store-not-found' },
    );
  return store;
}
