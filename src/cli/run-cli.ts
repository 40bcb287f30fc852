import { CommanderError } from 'commander';
import { LoopGymError } from '../core/errors.js';
import { CliExit } from './cli-exit.js';
import type { CliIo } from './cli-io.js';
import { createProgram } from './program.js';

/**
 * Runs the CLI on `argv` (without the node and script names) and returns the exit code: 0 on success, 1 for errors
 * in what was asked (unknown environment, bad option), 2 for usage errors (unknown flag, missing argument).
 * Errors are printed without a stack trace unless `--debug` is given.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), processIo());
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(['node', 'loopgym', ...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CliExit) return error.code;
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
      )
        return 0;
      return 2;
    }
    const debug = argv.includes('--debug');
    if (error instanceof LoopGymError) {
      io.err(`error: ${error.message}`);
      if (debug && error.stack !== undefined) io.err(error.stack);
      return 1;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (debug && error instanceof Error && error.stack !== undefined) io.err(error.stack);
    else io.err('(run again with --debug for the stack trace)');
    return 1;
  }
}
