// How LoopNet v0.1 inferred the LES categories of its records from their trajectories (not LES 1.0's formulas).
import type { LoopNetRecord } from '../loopnet/loopnet-record.js';
import { clampUnit } from './les-weights.js';
import type { LesCategoryValues } from './les-weights.js';

const round4 = (value: number): number => Math.round(value * 1e4) / 1e4;

/**
 * The category scores LoopNet's own tooling (loopnet v0.1 `les_from_trajectory`, also used by LoopGym 0.1.4's
 * export) derives from a record's trajectory, each rounded to 4 decimals: effectiveness `G_final / G_target` (× 0.6
 * for a failure short of the target); speed `1 / (1 + τ_median / 30)` (× 0.85 for a stall, the median being the
 * upper middle value); cost `min(2 ΔG / C_total, 1)`; robustness `0.75 − 0.05 × regressions`; scalability
 * `0.55 + 0.05 × min(T, 6)`; safety `1 − min(0.2 × events, 0.8)` (0 for `fail.safety_bypass`); adaptability
 * `0.45 + 0.1 ΔG`; autonomy `1 − min(human iterations / T, 0.6)`; a one-iteration failure halves all but safety.
 *
 * These are heuristics, not the LES 1.0 formulas (LoopNet's data card says so); LoopGym uses them only to check that
 * a corpus record's categories follow from its own trajectory. Score new runs with `episodeLes`.
 *
 * @example
 * ```ts
 * loopNetHeuristicCategories(record); // equals record.les_observed.categories for the v0.2 records (±0.0001)
 * ```
 */
export function loopNetHeuristicCategories(record: LoopNetRecord): LesCategoryValues {
  const trajectory = record.trajectory;
  const count = trajectory.length;
  const goalFinal = trajectory[count - 1]!.goal_score;
  const goalInitial = trajectory[0]!.goal_score;
  let cost = 0;
  let regressions = 0;
  let safetyEvents = 0;
  let humanIterations = 0;
  trajectory.forEach((iteration, index) => {
    cost += iteration.cost_usd;
    if (index > 0 && iteration.goal_score < trajectory[index - 1]!.goal_score) regressions++;
    safetyEvents += iteration.safety_events ?? 0;
    if (iteration.human_intervention === true) humanIterations++;
  });
  const latencies = trajectory.map((iteration) => iteration.latency_seconds).sort((a, b) => a - b);
  const median = latencies[Math.floor(count / 2)]!;
  const target = record.metadata.goal_target;
  let effectiveness = clampUnit(goalFinal / Math.max(target, 0.01));
  if (record.outcome === 'failure' && goalFinal < target) effectiveness *= 0.6;
  let speed = clampUnit(1 / (1 + median / 30));
  if (latencies.some((latency) => latency > 3 * median)) speed *= 0.85;
  const gain = goalFinal - goalInitial;
  const efficiency = cost > 0 && gain > 0 ? gain / cost : 0;
  const categories = {
    effectiveness: round4(effectiveness),
    speed: round4(speed),
    cost: round4(clampUnit(Math.min(efficiency * 2, 1))),
    robustness: round4(clampUnit(0.75 - 0.05 * regressions)),
    scalability: round4(clampUnit(0.55 + 0.05 * Math.min(count, 6))),
    safety: round4(
      record.failure_mode === 'fail.safety_bypass' ? 0 : clampUnit(1 - Math.min(safetyEvents * 0.2, 0.8)),
    ),
    adaptability: round4(clampUnit(0.45 + 0.1 * gain)),
    autonomy: round4(clampUnit(1 - Math.min(humanIterations / Math.max(count, 1), 0.6))),
  };
  if (count < 2 && record.outcome === 'failure') {
    for (const key of Object.keys(categories) as (keyof typeof categories)[]) {
      if (key !== 'safety') categories[key] = round4(categories[key] * 0.5);
    }
  }
  return categories;
}
