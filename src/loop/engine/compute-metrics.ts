// An iteration's metrics from their sources, and the evaluators' combined verdict.
import type { MetricProgram } from '../../lss/compile/loop-program.js';
import type { EvaluatorVerdict } from '../evaluators/evaluator-verdict.js';
import type { EpisodeState, IterationRecord } from './episode-state.js';

/**
 * The value of each declared metric after an iteration: an evaluator source gives the number its verdict reports
 * under the metric's name (e.g. a word count in `details`) or else its score (times 100 for a `percent` metric); a
 * worker source gives its output read as a number; `telemetry.cost`, `.tokens`, `.latency`, `.iteration(s)` and
 * `.safety` give the episode's spend, tokens, this iteration's latency, the iteration number and the safety events so
 * far. `null` when the source produced nothing this iteration. Also combines the evaluators' verdicts as the program's
 * evaluation plan says (`min` or `weighted_avg`; a failing `veto` evaluator fails the iteration).
 *
 * @example
 * ```ts
 * computeMetrics(state, record);
 * record.metrics.primary_quality; // 0.82
 * ```
 */
export function computeMetrics(state: EpisodeState, record: IterationRecord): void {
  for (const metric of state.program.metrics)
    record.metrics[metric.name] = metricValue(metric, state, record);
  record.primary = record.metrics[state.program.primaryMetric] ?? null;
  record.overall = combine(state, record);
  state.emit({
    type: 'metric-values',
    iteration: state.iteration,
    values: { ...record.metrics },
    primary: record.primary,
    overall: record.overall ?? null,
  });
}

function metricValue(metric: MetricProgram, state: EpisodeState, record: IterationRecord): number | null {
  const source = metric.source;
  switch (source.kind) {
    case 'evaluator': {
      const verdict = record.verdicts.get(source.id);
      if (verdict === undefined) return null;
      const reported = verdict.details[metric.name];
      if (typeof reported === 'number' && Number.isFinite(reported)) return reported;
      return metric.unit === 'percent' ? verdict.score * 100 : verdict.score;
    }
    case 'worker': {
      const output = record.outputs.get(source.id);
      if (output === undefined) return null;
      const value = typeof output.value === 'number' ? output.value : Number(output.text.trim());
      return Number.isFinite(value) ? value : null;
    }
    case 'telemetry': {
      const [signal] = source.signal.split('.');
      switch (signal) {
        case 'cost':
          return state.ledger.cumulativeUsd;
        case 'tokens':
          return state.ledger.tokens;
        case 'latency':
          return record.latencySeconds;
        case 'iteration':
        case 'iterations':
          return state.iteration;
        case 'safety':
          return state.history.reduce((sum, past) => sum + past.safetyEvents, record.safetyEvents);
        default:
          return null;
      }
    }
  }
}

function combine(
  state: EpisodeState,
  record: IterationRecord,
): { score: number; passed: boolean } | undefined {
  const verdicts: { id: string; verdict: EvaluatorVerdict }[] = [];
  for (const evaluator of state.program.evaluators) {
    const verdict = record.verdicts.get(evaluator.id);
    if (verdict !== undefined) verdicts.push({ id: evaluator.id, verdict });
  }
  if (verdicts.length === 0) return undefined;
  const scores = verdicts.map(({ verdict }) => verdict.score);
  const score =
    state.program.evaluation.aggregation === 'min'
      ? Math.min(...scores)
      : scores.reduce((sum, value) => sum + value, 0) / scores.length;
  const vetoed = verdicts.some(
    ({ id, verdict }) => state.program.evaluation.vetoes.includes(id) && !verdict.passed,
  );
  const allJudged = record.evaluatorErrors.length === 0;
  const passed = !vetoed && allJudged && verdicts.every(({ verdict }) => verdict.passed);
  return { score: vetoed ? 0 : score, passed };
}
