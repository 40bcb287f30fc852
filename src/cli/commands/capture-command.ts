// `loopgym capture`: runs loop episodes and writes them as LoopNet records, one JSON line each.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { parseModelOverrides } from '../../backends/live/live-backend.js';
import { InvalidArgumentError } from '../../core/errors.js';
import {
  LOOPNET_SOURCES,
  LOOPNET_SPLITS,
  type LoopNetSource,
  type LoopNetSplit,
} from '../../loopnet/loopnet-record.js';
import { captureLoopNetRecords } from '../../loopnet/export/capture-loop-records.js';
import type { CliIo } from '../cli-io.js';
import { parseCount } from '../parse-options.js';
import { writeFileAtomically } from './export-command.js';

interface CaptureFlags {
  tasks?: string;
  seeds?: string;
  backend: string;
  model?: string;
  output?: string;
  split?: string;
  source?: string;
  contributor?: string;
  consentId?: string;
}

/** The most seeds one `--seeds a..b` range may give. */
const MAX_RANGE = 100_000;

/**
 * Reads `--seeds`: a list (`0,1,2`), a range with both ends included (`0..9`), or both (`0..4,10`).
 *
 * @example
 * ```ts
 * parseSeeds('0..3,7'); // [0, 1, 2, 3, 7]
 * ```
 */
export function parseSeeds(text: string): number[] {
  const seeds: number[] = [];
  for (const part of text.split(',').map((piece) => piece.trim())) {
    const range = /^(\d+)\s*\.\.\s*(\d+)$/.exec(part);
    if (range !== null) {
      const from = parseCount('--seeds', range[1]!);
      const to = parseCount('--seeds', range[2]!);
      if (to < from || to - from >= MAX_RANGE) {
        throw new InvalidArgumentError(
          `--seeds range \`${part}\` must go up (from ≤ to) and hold at most ${MAX_RANGE} seeds, e.g. 0..9.`,
        );
      }
      for (let seed = from; seed <= to; seed++) seeds.push(seed);
    } else {
      seeds.push(parseCount('--seeds (a list like 0,1,2 or a range like 0..9)', part));
    }
  }
  return [...new Set(seeds)];
}

/**
 * `loopgym capture <env id|spec.yaml> [--tasks a,b|--tasks file.json] [--seeds 0,1,2|--seeds 0..9]
 * [--backend sim|live] [-o out.jsonl]`: runs each task once per seed with the loop's own models and writes one
 * validated `ln/record-v1` LoopNet record per episode (to stdout, or to a file written whole or not at all), with
 * progress on stderr.
 *
 * @example
 * ```sh
 * loopgym capture loopbench/code-repair-v1 --tasks cr-001,cr-002 --seeds 0..4 -o code-repair.jsonl
 * ```
 */
export function addCaptureCommand(program: Command, io: CliIo): void {
  program
    .command('capture')
    .description('Run loop episodes and write them as LoopNet records (JSON lines, numbers only)')
    .argument('<target>', 'a loop environment (loopbench/code-repair-v1) or an LSS spec file (loop.yaml)')
    .option('-t, --tasks <ids|file>', 'task ids (a,b) or a tasks.json (default: every task of the loop)')
    .option('-s, --seeds <seeds>', 'seeds: a list (0,1,2) or a range with both ends (0..9)', '0')
    .option('-b, --backend <name>', 'who answers model calls: sim or live', 'sim')
    .option('-m, --model <ids>', 'models replacing the spec’s: provider:model, or caller=provider:model,…')
    .option('-o, --output <file>', 'write to this file instead of stdout (replaced only once complete)')
    .option('--split <split>', `the records' split: ${LOOPNET_SPLITS.join(', ')}`, 'train')
    .option(
      '--source <source>',
      `the records' source: ${LOOPNET_SOURCES.join(', ')} (default: synthetic in sim, else community)`,
    )
    .option('--contributor <handle>', 'your handle, recorded as the contributor')
    .option('--consent-id <id>', 'the consent id of your contribution to the shared corpus')
    .addHelpText(
      'after',
      '\nExamples:\n  $ loopgym capture loopbench/code-repair-v1 --seeds 0..4 -o code-repair.jsonl\n' +
        '  $ loopgym capture my-loop.yaml --tasks tasks.json --seeds 0,1,2 -o mine.jsonl\n' +
        '  $ loopgym capture loopbench/research-synthesis-v1 --tasks rs-001 --backend live --model openai:gpt-4.1-mini',
    )
    .action(async (target: string, flags: CaptureFlags) => {
      if (flags.backend !== 'sim' && flags.backend !== 'live') {
        throw new InvalidArgumentError(`--backend must be sim or live, got \`${flags.backend}\`.`);
      }
      const split = oneOf('--split', flags.split ?? 'train', LOOPNET_SPLITS) as LoopNetSplit;
      const source =
        flags.source === undefined
          ? undefined
          : (oneOf('--source', flags.source, LOOPNET_SOURCES) as LoopNetSource);
      const tasksIsFile =
        flags.tasks !== undefined && (/\.json$/i.test(flags.tasks) || existsSync(flags.tasks));
      const seeds = parseSeeds(flags.seeds ?? '0');
      const episodes = await captureLoopNetRecords({
        target,
        seeds,
        backend: flags.backend,
        models: flags.model === undefined ? undefined : parseModelOverrides(flags.model),
        tasksFile: tasksIsFile ? flags.tasks : undefined,
        taskIds:
          flags.tasks === undefined || tasksIsFile
            ? undefined
            : flags.tasks
                .split(',')
                .map((id) => id.trim())
                .filter((id) => id !== ''),
        record: {
          split,
          source,
          contributor:
            flags.contributor === undefined && flags.consentId === undefined
              ? undefined
              : { handle: flags.contributor, consentId: flags.consentId },
        },
        onRecord: (record, done, total) =>
          io.err(
            `capture ${done}/${total}: ${record.loop_name} ${tagValue(record.metadata.tags, 'task')} seed ` +
              `${tagValue(record.metadata.tags, 'seed')} → ${record.outcome} (${record.termination_reason}), ` +
              `${record.trajectory.length} iteration${record.trajectory.length === 1 ? '' : 's'}, ` +
              `goal ${record.metadata.goal_final.toFixed(3)}, LES ${record.les_observed.les_display ?? '-'}`,
          ),
      });
      const lines = episodes.map(({ record }) => `${JSON.stringify(record)}\n`);
      if (flags.output === undefined) {
        for (const line of lines) io.out(line);
        return;
      }
      writeFileAtomically(flags.output, lines);
      io.err(`Wrote ${lines.length} LoopNet record${lines.length === 1 ? '' : 's'} to ${flags.output}.`);
    });
}

function oneOf(flag: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) {
    throw new InvalidArgumentError(`${flag} must be one of ${allowed.join(', ')}, got \`${value}\`.`);
  }
  return value;
}

function tagValue(tags: readonly string[] | undefined, name: string): string {
  const tag = tags?.find((candidate) => candidate.startsWith(`${name}:`));
  return tag === undefined ? '?' : tag.slice(name.length + 1);
}
