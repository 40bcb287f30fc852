/**
 * Ends a command with an exit code after it has printed what it had to say (e.g. `loopgym validate` found an
 * invalid spec): `runCli` returns the code without printing anything more.
 *
 * @example
 * ```ts
 * if (!allValid) throw new CliExit(1);
 * ```
 */
export class CliExit extends Error {
  readonly code: number;

  constructor(code: number) {
    super(`exit ${code}`);
    this.name = 'CliExit';
    this.code = code;
  }
}
