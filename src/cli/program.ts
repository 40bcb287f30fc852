import { createRequire } from 'node:module';
import { Command } from 'commander';
import '../backends/default-loop-environments.js';
import type { CliIo } from './cli-io.js';
import { addCompareCommand } from './commands/compare-command.js';
import { addBenchCommand } from './commands/bench-command.js';
import { addCaptureCommand } from './commands/capture-command.js';
import { addCompileCommand } from './commands/compile-command.js';
import { addCreateDefaultCommand } from './commands/create-default-command.js';
import { addEvalCommand } from './commands/eval-command.js';
import { addExportCommand } from './commands/export-command.js';
import { addInfoCommand } from './commands/info-command.js';
import { addListCommand } from './commands/list-command.js';
import { addRunCommand } from './commands/run-command.js';
import { addRunsCommand } from './commands/runs-command.js';
import { addServeModelCommand } from './commands/serve-model-command.js';
import { addShowCommand } from './commands/show-command.js';
import { addTrainCommand } from './commands/train-command.js';
import { addValidateCommand } from './commands/validate-command.js';
import { addViewCommand } from './commands/view-command.js';

/** The package version, from package.json. */
export const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/**
 * The `loopgym` command line, without touching the process (tests call `parseAsync` on it).
 *
 * @example
 * ```ts
 * await createProgram(processIo()).parseAsync(['node', 'loopgym', 'list']);
 * ```
 */
export function createProgram(io: CliIo): Command {
  const program = new Command();
  program
    .name('loopgym')
    .description('Create, run, benchmark and compare environments and agent loops.')
    .version(VERSION)
    .option('--debug', 'print stack traces of errors')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();
  addListCommand(program, io);
  addInfoCommand(program, io);
  addRunCommand(program, io);
  addEvalCommand(program, io);
  addCreateDefaultCommand(program, io);
  addTrainCommand(program, io);
  addCompareCommand(program, io);
  addValidateCommand(program, io);
  addCompileCommand(program, io);
  addServeModelCommand(program, io);
  addRunsCommand(program, io);
  addShowCommand(program, io);
  addExportCommand(program, io);
  addCaptureCommand(program, io);
  addBenchCommand(program, io);
  addViewCommand(program, io);
  for (const command of program.commands) command.exitOverride();
  return program;
}
