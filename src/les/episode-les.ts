// LES 1.0 of one episode, from its per-iteration measurements (and, when there are some, its extra runs).
import { lesComposite, type LesComposite } from './les-composite.js';
import {
  adaptabilityScore,
  autonomyScore,
  costScore,
  effectivenessScore,
  robustnessScore,
  safetyScore,
  scalabilityScore,
  speedScore,
  type Baselines,
  type LoadRetention,
  type PerturbationResult,
} from './les-formulas.js';
import { LES_CATEGORIES, LES_WEIGHTS, type LesCategory, type LesCategoryValues } from './les-weights.js';

/** One iteration's measurements. */
export interface LesIteration {
  /** `G_t`, on [0, 1]. */
  goalScore: number;
  costUsd: number;
  latencySeconds: number;
  /** Severity of the safety violations of this iteration (a count when severities are unknown). Default 0. */
  safetySeverity?: number | undefined;
  /** Weighted human interventions of this iteration (1 for a plain intervention). Default 0. */
  humanInterventions?: number | undefined;
  /** Seconds humans spent in this iteration. Default 0. */
  humanSeconds?: number | undefined;
}

/** An episode as LES sees it. */
export interface LesEpisode {
  iterations: readonly LesIteration[];
  goalTarget: number;
  /** `T_budget`. */
  iterationBudget: number;
  /** `G_0`; default the first iteration's goal (LoopBench's reading: the gain counts from the first iteration). */
  goalInitial?: number | undefined;
  /** `error` (or another reason of a premature end) triggers the premature-termination rule with < 2 iterations. */
  terminationReason?: string | undefined;
  /** The loop ended prematurely on an error (§5), whatever its length. */
  endedInError?: boolean | undefined;
  /** `V_budget` of safety (default 0). */
  violationBudget?: number | undefined;
  /** An unrecoverable severe violation happened (safety 0). */
  severeUnrecoverable?: boolean | undefined;
  /** Perturbed runs of the same task (≥ 3 for a robustness score). */
  perturbations?: readonly PerturbationResult[] | undefined;
  /** Retention at loads 2, 4 and 8 (for a scalability score). */
  loadRetentions?: readonly LoadRetention[] | undefined;
  /** Out-of-distribution results (for an adaptability score). */
  outOfDistribution?: { goalOod: number; goalTrain: number; configChanges: number } | undefined;
}

/** Options of {@link episodeLes}. */
export interface EpisodeLesOptions {
  speedBaselines?: Baselines | undefined;
  costBaselines?: Baselines | undefined;
  weights?: LesCategoryValues | undefined;
}

/** An LES with its category scores (`null`: no data for that category). */
export interface LesResult extends LesComposite {
  categories: Record<LesCategory, number | null>;
  /** True when the premature-termination rule (§5) halved the categories other than safety. */
  prematureTermination: boolean;
}

/**
 * LES 1.0 of one episode. From the iterations alone: effectiveness (§2.1), speed (§2.2, from the iterations'
 * latencies), cost (§2.3), safety (§2.6, severities summed, human interventions as `H_events`) and autonomy (§2.8).
 * Robustness, scalability and adaptability need other runs (perturbed, under load, out of distribution): computed
 * when given, else left out and the weights renormalized, so the result is `partial` (§5). A premature end (fewer
 * than 2 iterations, or an error) halves every category but safety.
 *
 * @example
 * ```ts
 * const les = episodeLes({
 *   iterations: [{ goalScore: 0.6, costUsd: 0.01, latencySeconds: 12 }, { goalScore: 0.85, costUsd: 0.01, latencySeconds: 14 }],
 *   goalTarget: 0.8,
 *   iterationBudget: 6,
 * });
 * les.normalized; les.partial; // true: no robustness, scalability or adaptability data
 * ```
 */
export function episodeLes(episode: LesEpisode, options: EpisodeLesOptions = {}): LesResult {
  const iterations = episode.iterations;
  const goalTrace = iterations.map((iteration) => iteration.goalScore);
  const count = iterations.length;
  let severity = 0;
  let interventions = 0;
  let humanSeconds = 0;
  let totalSeconds = 0;
  for (const iteration of iterations) {
    severity += iteration.safetySeverity ?? 0;
    interventions += iteration.humanInterventions ?? 0;
    humanSeconds += iteration.humanSeconds ?? 0;
    totalSeconds += iteration.latencySeconds;
  }
  const categories: Record<LesCategory, number | null> = {
    effectiveness: effectivenessScore({
      goalTrace,
      goalTarget: episode.goalTarget,
      iterationBudget: episode.iterationBudget,
    }),
    speed: speedScore(
      iterations.map((iteration) => iteration.latencySeconds),
      options.speedBaselines,
    ),
    cost: costScore(
      {
        goalInitial: episode.goalInitial ?? goalTrace[0] ?? 0,
        goalFinal: goalTrace.at(-1) ?? 0,
        iterationCosts: iterations.map((iteration) => iteration.costUsd),
      },
      options.costBaselines,
    ),
    robustness:
      episode.perturbations === undefined
        ? null
        : robustnessScore(goalTrace.at(-1) ?? 0, episode.perturbations, episode.iterationBudget),
    scalability: episode.loadRetentions === undefined ? null : scalabilityScore(episode.loadRetentions),
    safety: safetyScore({
      violationSeverity: severity,
      violationBudget: episode.violationBudget,
      humanEvents: interventions,
      iterations: count,
      severeUnrecoverable: episode.severeUnrecoverable,
    }),
    adaptability:
      episode.outOfDistribution === undefined ? null : adaptabilityScore(episode.outOfDistribution),
    autonomy: autonomyScore({ interventions, iterations: count, humanSeconds, totalSeconds }),
  };
  const premature = count < 2 || episode.endedInError === true || episode.terminationReason === 'error';
  if (premature) {
    for (const category of LES_CATEGORIES) {
      const score = categories[category];
      if (category !== 'safety' && score !== null) categories[category] = score * 0.5;
    }
  }
  return {
    ...lesComposite(categories, options.weights ?? LES_WEIGHTS),
    categories,
    prematureTermination: premature,
  };
}
