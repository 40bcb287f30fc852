// `loopgym bench`: scores a loop spec on LoopBench and writes a submission; `--leaderboard` prints the leaderboard.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseModelOverrides } from '../../backends/live/live-backend.js';
import { InvalidArgumentError } from '../../core/errors.js';
import { checkSubmission } from '../../loopbench/check-submission.js';
import { formatLeaderboard, rankLeaderboard, readLeaderboardEntries } from '../../loopbench/leaderboard.js';
import { loadLoopBench } from '../../loopbench/load-loopbench.js';
import type { BenchSubmission } from '../../loopbench/loopbench-submission.js';
import { runBench, type BenchReport } from '../../loopbench/run-bench.js';
import type { CliIo } from '../cli-io.js';
import { parseSeeds } from './capture-command.js';
import { writeFileAtomically } from './export-command.js';

interface BenchFlags {
  spec?: string;
  suite?: string;
  tasks?: string;
  backend: string;
  seeds?: string;
  model?: string;
  submitter?: string;
  output?: string;
  json?: boolean;
  leaderboard?: string | boolean;
  entries?: string;
  perturbations: boolean;
}

/**
 * `loopgym bench --spec my-loop.yaml [--suite suite-repair] [--tasks LB-CR-1,…] [--backend sim|live] [--seeds 0..4]
 * [--no-perturbations] [-o submission.json] [--json]` runs the spec on LoopBench, clean and under each task's
 * implemented perturbations, and writes a submission (checked against the official schema and its conformance
 * rules; notes beside it in `<name>.notes.json`: what was not scored, the perturbations applied and not applied, how
 * robustness was computed, the perturbed runs); `loopgym bench --leaderboard [submission.json]` prints the
 * leaderboard with the submission ranked in it.
 *
 * @example
 * ```sh
 * loopgym bench --spec my-loop.yaml --suite suite-repair -o submission.json
 * loopgym bench --leaderboard submission.json
 * ```
 */
export function addBenchCommand(program: Command, io: CliIo): void {
  program
    .command('bench')
    .description('Score a loop spec on LoopBench and write a submission, or print the leaderboard')
    .option('--spec <file>', 'the LSS spec to submit')
    .option(
      '--suite <id>',
      'only the tasks of this suite (suite-repair, suite-agent, suite-knowledge, suite-rigor)',
    )
    .option('-t, --tasks <ids>', 'only these tasks (LB-CR-1,LB-REFLEX-1)')
    .option('-b, --backend <name>', 'who answers model calls: sim or live', 'sim')
    .option(
      '-s, --seeds <seeds>',
      "seeds instead of each task's declared ones (0,1 or 0..4); noted in the submission",
    )
    .option('-m, --model <ids>', 'models replacing the spec’s: provider:model, or caller=provider:model,…')
    .option(
      '--no-perturbations',
      "run clean episodes only (robustness is then les-compute.md's seed-spread proxy; live: a fifth of the calls)",
    )
    .option('--submitter <name>', 'your name or handle, written as submitter', 'anonymous')
    .option('-o, --output <file>', 'write the submission to this file (notes beside it in <name>.notes.json)')
    .option('--json', 'print the submission as JSON')
    .option('--leaderboard [submission]', 'print the leaderboard, with this submission ranked in it')
    .option('--entries <file>', 'the leaderboard entries (default: the ones shipped with LoopGym)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ loopgym bench --spec my-loop.yaml --suite suite-repair -o submission.json\n' +
        '  $ loopgym bench --spec my-loop.yaml --tasks LB-CR-1 --seeds 0,1\n' +
        '  $ loopgym bench --leaderboard submission.json',
    )
    .action(async (flags: BenchFlags) => {
      if (flags.leaderboard !== undefined) {
        printLeaderboard(io, flags);
        return;
      }
      if (flags.spec === undefined) {
        throw new InvalidArgumentError(
          'Pass the spec to score: `loopgym bench --spec my-loop.yaml` (or --leaderboard).',
        );
      }
      if (flags.backend !== 'sim' && flags.backend !== 'live') {
        throw new InvalidArgumentError(`--backend must be sim or live, got \`${flags.backend}\`.`);
      }
      const bench = loadLoopBench();
      const report = await runBench({
        spec: flags.spec,
        bench,
        suite: flags.suite,
        taskIds: flags.tasks
          ?.split(',')
          .map((id) => id.trim())
          .filter((id) => id !== ''),
        backend: flags.backend,
        models: flags.model === undefined ? undefined : parseModelOverrides(flags.model),
        seeds: flags.seeds === undefined ? undefined : parseSeeds(flags.seeds),
        perturbations: flags.perturbations,
        submitter: flags.submitter,
        onProgress: flags.json === true ? undefined : (message) => io.err(message),
      });
      const check = checkSubmission(report.submission, { specFile: flags.spec, bench });
      if (!check.valid) {
        throw new InvalidArgumentError(
          `The submission does not pass LoopBench's checks (a LoopGym bug; please report it):\n${[...check.schemaProblems, ...check.conformanceProblems].map((problem) => `  ${problem}`).join('\n')}`,
        );
      }
      if (flags.output !== undefined) {
        writeFileAtomically(flags.output, [`${JSON.stringify(report.submission, null, 2)}\n`]);
        const notesFile = notesFileOf(flags.output);
        writeFileAtomically(notesFile, [
          `${JSON.stringify(
            {
              submission_id: report.submission.submission_id,
              notes: report.notes,
              not_scored: report.notScored,
              perturbations_applied: report.perturbationsApplied,
              perturbations_not_applied: report.perturbationsNotApplied,
              robustness: report.robustness,
              perturbed_runs: report.perturbedRuns,
            },
            null,
            2,
          )}\n`,
        ]);
        if (flags.json !== true) io.err(`Wrote ${flags.output} (notes in ${notesFile}).`);
      }
      if (flags.json === true) {
        io.out(JSON.stringify(report.submission, null, 2));
        return;
      }
      io.out(formatReport(report));
    });
}

/**
 * The notes file written beside a submission: `submission.json` → `submission.notes.json`.
 *
 * @example
 * ```ts
 * notesFileOf('out/submission.json'); // 'out/submission.notes.json'
 * ```
 */
export function notesFileOf(output: string): string {
  return /\.json$/i.test(output) ? output.replace(/\.json$/i, '.notes.json') : `${output}.notes.json`;
}

function formatReport(report: BenchReport): string {
  const { submission, notes } = report;
  const lines = [
    'task         env                                 runs  perturbed  success  robustness        LES',
  ];
  for (const result of submission.results) {
    const perturbed = report.perturbedRuns
      .filter((entry) => entry.taskId === result.task_id)
      .reduce((count, entry) => count + entry.runs.length, 0);
    const method = report.robustness.find((entry) => entry.taskId === result.task_id);
    const robustness = `${result.aggregate.categories.robustness.toFixed(2)} (${method?.method === 'perturbed' ? 'perturbed' : 'seeds'})`;
    lines.push(
      `${result.task_id.padEnd(12)} ${result.env_id.padEnd(35)} ${String(result.runs.length).padStart(4)}  ${String(perturbed).padStart(9)}  ${result.aggregate.success_at_k.toFixed(2).padStart(7)}  ${robustness.padEnd(16)}  ${result.aggregate.les_display.toFixed(1)}`,
    );
  }
  for (const [id, suite] of Object.entries(submission.suite_scores ?? {})) {
    lines.push(`suite ${id}: ${suite.les_display.toFixed(1)} over ${suite.tasks.join(', ')}`);
  }
  lines.push(
    submission.grand_composite === undefined
      ? `composite (mean of the scored tasks; partial, no generalist rank): ${submission.composite.les_display.toFixed(1)}`
      : `grand composite: ${submission.grand_composite.les_display.toFixed(1)}`,
  );
  if (notes.length > 0) lines.push('', 'Notes:', ...notes.map((note) => `  - ${note}`));
  return lines.join('\n');
}

function printLeaderboard(io: CliIo, flags: BenchFlags): void {
  let submission: BenchSubmission | undefined;
  if (typeof flags.leaderboard === 'string') {
    const value = JSON.parse(readFileSync(flags.leaderboard, 'utf8')) as unknown;
    const check = checkSubmission(value, { bench: loadLoopBench() });
    if (!check.valid) {
      throw new InvalidArgumentError(
        `${flags.leaderboard} is not a valid LoopBench submission:\n${[...check.schemaProblems, ...check.conformanceProblems].map((problem) => `  ${problem}`).join('\n')}`,
      );
    }
    submission = value as BenchSubmission;
  }
  const rows = rankLeaderboard(readLeaderboardEntries(flags.entries), submission);
  io.out(flags.json === true ? JSON.stringify(rows, null, 2) : formatLeaderboard(rows));
}
