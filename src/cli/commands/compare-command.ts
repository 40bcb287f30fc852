import type { Command } from 'commander';
import { compareRuns, type RunComparison, type RunMetrics } from '../../compare/compare-runs.js';
import { formatTable } from '../format-table.js';
import type { CliIo } from '../cli-io.js';
import { parseCount } from '../parse-options.js';
import { requireStore, type StoreCommandOptions } from './open-existing-store.js';

interface CompareFlags {
  store?: string;
  json?: boolean;
  seed: string;
  resamples: string;
}

/**
 * `loopgym compare <run> <run> …`: the runs' metrics side by side (mean return with a 95% bootstrap interval,
 * success, steps, cost) and a permutation test of each run against the first: paired on per-seed returns when the
 * runs played the same seeds, unpaired otherwise; the output says which test ran.
 *
 * @example
 * ```sh
 * loopgym compare 3f2a 9b1c --json
 * ```
 */
export function addCompareCommand(program: Command, io: CliIo, options: StoreCommandOptions = {}): void {
  program
    .command('compare')
    .description('Compare runs: metrics with confidence intervals and a significance test against the first')
    .argument('<runs...>', 'two or more run ids (or unique prefixes); the first is the baseline')
    .option('--store <path>', 'the run store (default $LOOPGYM_STORE, else .loopgym/loopgym.db)')
    .option('--seed <seed>', 'seed of the Monte Carlo permutations and bootstrap', '0')
    .option('--resamples <count>', 'Monte Carlo permutations (when not enumerated exactly)', '10000')
    .option('--json', 'print the comparison as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ loopgym runs                         # find the run ids\n' +
        '  $ loopgym compare 3f2a9c 81d0e4        # baseline first\n' +
        '  $ loopgym compare 3f2a9c 81d0e4 c77a10 --json\n' +
        '\nThe test is a paired permutation test (sign flips of the per-seed differences, exact up to 16 seeds)\n' +
        'when both runs played exactly the same seeds, else an unpaired permutation test of the episode returns;\n' +
        'p-values are two-sided and not corrected for multiple comparisons.\n' +
        'Exit codes: 0 compared, 1 unknown run or store, 2 usage (fewer than two runs).',
    )
    .action((runs: string[], flags: CompareFlags) => {
      if (runs.length < 2) program.error('error: name at least two runs to compare', { exitCode: 2 });
      const store = requireStore(flags.store, options.environment);
      try {
        const comparison = compareRuns(store, runs, {
          seed: parseCount('--seed', flags.seed),
          resamples: Math.max(1, parseCount('--resamples', flags.resamples)),
        });
        if (flags.json === true) {
          io.out(JSON.stringify(comparison, null, 2));
          return;
        }
        io.out(formatTable(HEADER, comparison.runs.map(row)));
        if (comparison.comparisons.length > 0) io.out('');
        for (const test of comparison.comparisons) io.out(testLine(test));
      } finally {
        store.close();
      }
    });
}

const HEADER = [
  'run',
  'kind',
  'env',
  'agent',
  'episodes',
  'mean return (95% CI)',
  'success',
  'steps',
  'cost/ep',
];

function row(run: RunMetrics): string[] {
  const interval = run.meanReturnInterval;
  return [
    run.id.slice(0, 8),
    run.kind,
    run.envId,
    run.model === null ? (run.agent ?? '—') : `${run.agent ?? ''} ${run.model}`,
    String(run.episodes),
    run.meanReturn === null
      ? '—'
      : `${format(run.meanReturn)}${interval === null ? '' : ` (${format(interval.low)} … ${format(interval.high)})`}`,
    run.successRate === null ? '—' : `${format(run.successRate * 100, 1)}%`,
    run.meanSteps === null ? '—' : format(run.meanSteps, 1),
    run.meanCostUsd === null || run.meanCostUsd === 0 ? '—' : `$${run.meanCostUsd.toFixed(5)}`,
  ];
}

function testLine(test: RunComparison): string {
  const result = test.result;
  const how = result.exact ? `exact, ${result.resamples} arrangements` : `${result.resamples} resamples`;
  const difference = result.difference >= 0 ? `+${format(result.difference)}` : format(result.difference);
  return (
    `${test.run.slice(0, 8)} vs ${test.baseline.slice(0, 8)}: mean return ${difference}, p = ${formatP(result.pValue)} ` +
    `(${result.test}, ${how}; ${test.reason})`
  );
}

function format(value: number, digits = 3): string {
  return Number(value.toFixed(digits)).toString();
}

function formatP(p: number): string {
  return p < 0.0001 ? p.toExponential(1) : Number(p.toFixed(4)).toString();
}
