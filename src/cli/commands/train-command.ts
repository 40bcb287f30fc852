import { relative } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadRunConfig } from '../../config/load-run-config.js';
import { trainFromConfig } from '../../train/train-from-config.js';
import type { TrainProgress, TrainRunResult } from '../../train/train-run-types.js';
import { CliExit } from '../cli-exit.js';
import type { CliIo } from '../cli-io.js';
import { interruptible, type InterruptOptions } from '../interruptible.js';

interface TrainFlags {
  config: string;
  resume?: boolean;
  store?: string;
  json?: boolean;
}

/** Injections for tests: a stop signal, and whether to listen to SIGINT. */
export type TrainCommandOptions = InterruptOptions;

/**
 * `loopgym train -c run.yaml`: trains the config's agent, logging every episode (store, CSV, JSON lines),
 * evaluating and checkpointing as the config says; `--resume` continues from the latest checkpoint. Ctrl-C saves a
 * checkpoint and exits 130 with the command that resumes.
 *
 * @example
 * ```sh
 * loopgym train -c run.yaml
 * loopgym train -c run.yaml --resume
 * ```
 */
export function addTrainCommand(program: Command, io: CliIo, options: TrainCommandOptions = {}): void {
  program
    .command('train')
    .description('Train the agent of a run config (logs, evaluations, checkpoints, resume)')
    .requiredOption('-c, --config <file>', 'the run config (YAML or JSON; see loopgym create-default)')
    .option('--resume', 'continue from the latest checkpoint of the config’s checkpoint directory')
    .option(
      '--store <path>',
      'the run store (default: the config’s logging.store, $LOOPGYM_STORE, .loopgym/loopgym.db)',
    )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ loopgym create-default -o run.yaml && loopgym train -c run.yaml\n' +
        '  $ loopgym train -c run.yaml --resume          # after Ctrl-C, or with more training.episodes\n' +
        '  $ loopgym train -c run.yaml --store results.db --json\n' +
        '\nExit codes: 0 trained, 1 error (invalid config with file:line:column, no checkpoint to resume, …),\n' +
        '2 usage, 130 interrupted (a checkpoint was saved: resume with --resume).',
    )
    .action(async (flags: TrainFlags) => {
      const config = await loadRunConfig(flags.config);
      const stop = interruptible(
        io,
        options,
        'Stopping after this episode and saving a checkpoint (Ctrl-C again to quit now, unsaved).',
      );
      const display = trainDisplay(io, flags.json === true);
      let result: TrainRunResult;
      try {
        result = await trainFromConfig(config, {
          resume: flags.resume === true,
          store: flags.store,
          signal: stop.signal,
          onProgress: display.update,
          onNotice: display.notice,
        });
      } finally {
        display.stop();
        stop.dispose();
      }
      printResult(io, result, flags.json === true);
      if (result.status === 'interrupted') {
        const store = flags.store === undefined ? '' : ` --store ${flags.store}`;
        io.err(
          `Interrupted after ${result.episodes} of ${result.totalEpisodes} episodes; checkpoint ${shownPath(result.checkpoint)}. ` +
            `Continue with:\n  loopgym train -c ${flags.config} --resume${store}`,
        );
        throw new CliExit(130);
      }
    });
}

/** A bar on a terminal (notices printed above it), else a plain line every few seconds and each notice. */
function trainDisplay(
  io: CliIo,
  json: boolean,
): { update: (p: TrainProgress) => void; notice: (text: string) => void; stop: () => void } {
  const payload = (p: TrainProgress): Record<string, string> => ({
    last: format(p.lastReturn),
    mean: format(p.meanReturn),
    evaluation: p.lastEvaluation === undefined ? '—' : format(p.lastEvaluation.meanReturn),
    extra: Object.entries(p.metrics)
      .filter(([key]) => key === 'epsilon' || key === 'loss' || key === 'std')
      .map(([key, value]) => `${key} ${format(value)}`)
      .join('  '),
  });
  if (io.interactive && !json) {
    const bar = new SingleBar({
      format:
        'train {bar} {value}/{total}  return {last}  mean(100) {mean}  eval {evaluation}  {extra}  ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 200,
    });
    let started = false;
    return {
      update: (p) => {
        if (!started) {
          bar.start(p.total, p.episodes, payload(p));
          started = true;
        } else bar.update(p.episodes, payload(p));
      },
      notice: (text) => {
        if (started) bar.stop();
        io.err(text);
        started = false;
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = performance.now();
  const line = (p: TrainProgress): string => {
    const fields = payload(p);
    return `${p.episodes}/${p.total} episodes, return ${fields['last'] ?? ''}, mean(100) ${fields['mean'] ?? ''}, eval ${fields['evaluation'] ?? ''}${fields['extra'] === '' ? '' : `, ${fields['extra'] ?? ''}`}`;
  };
  return {
    update: (p) => {
      if (json) return;
      const now = performance.now();
      if (p.episodes === p.total || now - last >= 2000) {
        last = now;
        io.err(line(p));
      }
    },
    notice: (text) => io.err(text),
    stop: () => undefined,
  };
}

function printResult(io: CliIo, result: TrainRunResult, json: boolean): void {
  if (json) {
    io.out(JSON.stringify(result, null, 2));
    return;
  }
  io.out(
    `${result.name} · ${result.agent} on ${result.env} · run ${result.runId ?? '(not stored)'} · ${result.status}`,
  );
  const rows: [string, string][] = [
    [
      'episodes',
      `${result.episodes} of ${result.totalEpisodes} (${result.sessionEpisodes} this session)${result.solved ? ', stopAtReturn reached' : ''}`,
    ],
    ['steps', String(result.steps)],
    ['mean return (last 100)', result.meanReturnLast100 === null ? '—' : format(result.meanReturnLast100)],
  ];
  const evaluation = result.evaluations[result.evaluations.length - 1];
  if (evaluation !== undefined) {
    rows.push([
      'last evaluation',
      `after ${evaluation.episode} episodes: mean return ${format(evaluation.meanReturn)}, success ${format(evaluation.successRate)}`,
    ]);
  }
  rows.push(['checkpoint', shownPath(result.checkpoint)]);
  if (result.csv !== null) rows.push(['csv', shownPath(result.csv)]);
  if (result.jsonl !== null) rows.push(['jsonl', shownPath(result.jsonl)]);
  if (result.storePath !== null) rows.push(['store', shownPath(result.storePath)]);
  rows.push(['time', `${result.elapsedSeconds.toFixed(1)} s`]);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) io.out(`  ${label.padEnd(width)}  ${value}`);
}

function format(value: number): string {
  return Number(value.toFixed(3)).toString();
}

/** A path relative to the current directory (as the user would type it). */
function shownPath(path: string | null): string {
  if (path === null) return '—';
  return path === ':memory:' ? path : relative(process.cwd(), path) || path;
}
