import { LoopGymError } from '../core/errors.js';

/**
 * Something about the run store is wrong: a missing or ambiguous run, a database from a newer LoopGym, a duplicate
 * episode. The message says what to do.
 *
 * @example
 * ```ts
 * try {
 *   store.getRun('abc');
 * } catch (error) {
 *   if (error instanceof StoreError) console.error(error.message);
 * }
 * ```
 */
export class StoreError extends LoopGymError {
  constructor(message: string, options: { cause?: unknown; code?: string } = {}) {
    super(message, { code: options.code ?? 'store-error', cause: options.cause });
  }
}

/**
 * The database was written by a newer LoopGym (its schema version is above the newest this one knows).
 *
 * @example
 * ```ts
 * if (error instanceof SchemaTooNewError) console.error(`schema ${error.foundVersion} > ${error.supportedVersion}`);
 * ```
 */
export class SchemaTooNewError extends StoreError {
  readonly path: string;
  readonly foundVersion: number;
  readonly supportedVersion: number;

  constructor(path: string, foundVersion: number, supportedVersion: number) {
    super(
      `The run store ${path} has schema version ${foundVersion}, but this LoopGym knows versions up to ` +
        `${supportedVersion}. Upgrade LoopGym, or point --store / LOOPGYM_STORE at another file.`,
      { code: 'store-schema-too-new' },
    );
    this.path = path;
    this.foundVersion = foundVersion;
    this.supportedVersion = supportedVersion;
  }
}
