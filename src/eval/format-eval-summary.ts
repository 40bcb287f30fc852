// The summary of an evaluation as a readable table.
import type { ConfidenceInterval } from './bootstrap-interval.js';
import type { EvalSummary } from './eval-summary.js';

function number(value: number | null, digits = 3): string {
  if (value === null) return '—';
  if (Number.isInteger(value)) return String(value);
  return Number(value.toFixed(digits)).toString();
}

function interval(value: ConfidenceInterval | null): string {
  return value === null
    ? ''
    : `  (${Math.round(value.confidence * 100)}% CI ${number(value.low)} … ${number(value.high)})`;
}

function percent(value: number | null): string {
  return value === null ? '—' : `${Number((value * 100).toFixed(1))}%`;
}

function dollars(value: number): string {
  if (value === 0) return '$0';
  return value >= 1 ? `$${value.toFixed(2)}` : `$${Number(value.toPrecision(3))}`;
}

/**
 * The rows of a summary, label and value, for a table: episodes, return (mean and median with intervals), success,
 * pass@k, steps, tokens, cost, latency, errors by cause, invalid answers, retries.
 *
 * @example
 * ```ts
 * for (const [label, value] of summaryRows(result.summary)) console.log(`${label.padEnd(16)} ${value}`);
 * ```
 */
export function summaryRows(summary: EvalSummary): [string, string][] {
  const r = summary.return;
  const rows: [string, string][] = [
    [
      'episodes',
      `${summary.episodes} of ${summary.plannedEpisodes} (${summary.examples} seeds × ${summary.rolloutsPerExample})`,
    ],
    ['mean return', `${number(r.mean)}${interval(r.meanInterval)}`],
    ['median return', `${number(r.median)}${interval(r.medianInterval)}`],
    ['return std/min/max', `${number(r.std)} / ${number(r.min)} / ${number(r.max)}`],
    ['success rate', `${percent(summary.successRate)} (${summary.successes})`],
  ];
  if (summary.les !== null) {
    const les = summary.les;
    const over = les.episodes === summary.episodes ? '' : ` over ${les.episodes} episodes`;
    rows.push([
      'LES',
      `${number(les.mean)}${interval(les.meanInterval)}, median ${number(les.median)}${over}`,
    ]);
  }
  const passAtK = Object.entries(summary.passAtK);
  if (summary.rolloutsPerExample > 1) {
    rows.push(['pass@k', passAtK.map(([k, value]) => `@${k} ${percent(value)}`).join('  ')]);
  }
  rows.push(['steps', `${summary.steps.total} (${number(summary.steps.mean, 1)} per episode)`]);
  if (summary.tokens.total > 0 || summary.latency.modelCalls > 0) {
    rows.push(
      [
        'tokens',
        `${summary.tokens.total} (${summary.tokens.input} in, ${summary.tokens.output} out; ` +
          `${number(summary.tokens.meanPerEpisode, 0)} per episode)`,
      ],
      [
        'cost',
        `${dollars(summary.costUsd.total)} (${dollars(summary.costUsd.meanPerEpisode ?? 0)} per episode)`,
      ],
      [
        'model calls',
        `${summary.latency.modelCalls} (${number(summary.latency.meanModelCallSeconds)} s each on average)`,
      ],
    );
  }
  rows.push([
    'episode time',
    `mean ${number(summary.latency.meanEpisodeMs, 1)} ms, median ${number(summary.latency.medianEpisodeMs, 1)} ms, ` +
      `p95 ${number(summary.latency.p95EpisodeMs, 1)} ms`,
  ]);
  const causes = Object.entries(summary.errors.byCause)
    .map(([cause, count]) => `${cause} ×${count}`)
    .join(', ');
  rows.push(['errors', summary.errors.total === 0 ? '0' : `${summary.errors.total}: ${causes}`]);
  if (summary.invalidActions > 0) rows.push(['invalid answers', String(summary.invalidActions)]);
  if (summary.retries > 0) rows.push(['retries', String(summary.retries)]);
  rows.push([
    'endings',
    Object.entries(summary.terminations)
      .map(([reason, count]) => `${reason} ×${count}`)
      .join(', ') || '—',
  ]);
  return rows;
}
