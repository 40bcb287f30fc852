// The flags that choose what replay/loopnet-v1 replays, shared by `loopgym run` and `loopgym eval`.
import type { Command } from 'commander';

/** The replay flags as commander hands them over. */
export interface ReplayFlags {
  records?: string;
  split?: string;
  strict?: boolean;
}

/**
 * Adds `--records`, `--split` and `--strict` (options of `replay/loopnet-v1`) to a command.
 *
 * @example
 * ```ts
 * addReplayFlags(program.command('eval'));
 * ```
 */
export function addReplayFlags(command: Command): Command {
  return command
    .option(
      '--records <file.jsonl>',
      'replay: the LoopNet records to replay (default: the shipped v0.2 corpus)',
    )
    .option('--split <name>', 'replay: only records of this split (train, val, test)')
    .option('--strict', 'replay: stop at the first invalid record instead of skipping it');
}

/**
 * The environment options the replay flags stand for (empty when none is given), to merge into `-o` options.
 *
 * @example
 * ```ts
 * replayOptionsOf({ records: 'runs.jsonl', strict: true }); // { records: 'runs.jsonl', strict: true }
 * ```
 */
export function replayOptionsOf(flags: ReplayFlags): Record<string, unknown> {
  return {
    ...(flags.records === undefined ? {} : { records: flags.records }),
    ...(flags.split === undefined ? {} : { split: flags.split }),
    ...(flags.strict === true ? { strict: true } : {}),
  };
}
