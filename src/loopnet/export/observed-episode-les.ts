// The LES 1.0 of an exported episode, computed from what the run measured and written as a record's `les_observed`.
import { lesDisplay } from '../../les/les-composite.js';
import { episodeLes, type LesIteration } from '../../les/episode-les.js';
import { LES_CATEGORIES, type LesCategory } from '../../les/les-weights.js';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import type { LoopNetLesScore, LoopNetTerminationReason } from '../loopnet-record.js';
import type { EpisodeFacts } from './episode-facts.js';

/**
 * LES 1.0 §2.8 weights of intervention types: a person approving is a passive approval (0.5); a person rejecting
 * corrects the loop (active correction, 1.0). A review that timed out had no person in it.
 *
 * @example
 * ```ts
 * HUMAN_DECISION_WEIGHTS.reject; // 1
 * ```
 */
export const HUMAN_DECISION_WEIGHTS = Object.freeze({ approve: 0.5, reject: 1, timeout: 0 });

/** The LES of an episode as a record writes it, with the categories that could not be measured. */
export interface ObservedEpisodeLes {
  score: LoopNetLesScore;
  /** Categories an episode cannot measure (robustness, scalability, adaptability), imputed as the composite. */
  unmeasured: readonly LesCategory[];
}

/**
 * Scores an episode with `episodeLes` (LES 1.0 weights): effectiveness from the goal trace against the goal target
 * and the iteration budget; speed from the iterations' latencies; cost from their costs; safety from the violations
 * (each counts 1; an `S0` constraint that halted the loop is a severe unrecoverable violation: safety 0) and the human
 * decisions; autonomy from the weighted human decisions and the seconds people took. Robustness, scalability and
 * adaptability need other runs, so the composite is over the five others, renormalized (§5), and `partial`.
 *
 * The schema requires all eight category numbers. Each unmeasured one is written as the composite itself, so that
 * the canonical weighting of the eight recorded categories equals the recorded composite (what a reader recomputing
 * it finds) without claiming a measurement; `partial: true` says it, and the record's tags name them
 * (`les-unmeasured:robustness,scalability,adaptability`). Scores are rounded to 4 decimals, as LoopNet stores them.
 *
 * @example
 * ```ts
 * const { score } = observedEpisodeLes(program, facts, 'goal_met', 0.8);
 * score.les_normalized; score.partial; // true
 * ```
 */
export function observedEpisodeLes(
  program: LoopProgram,
  facts: EpisodeFacts,
  terminationReason: LoopNetTerminationReason,
  goalTarget: number,
): ObservedEpisodeLes {
  const severeConstraints = new Set(
    program.safety.constraints
      .filter((constraint) => constraint.severity === 'S0')
      .map((constraint) => constraint.id),
  );
  let severeUnrecoverable = false;
  const iterations: LesIteration[] = facts.iterations.map((iteration) => {
    let interventions = 0;
    let humanSeconds = 0;
    for (const decision of iteration.humanDecisions) {
      interventions += HUMAN_DECISION_WEIGHTS[decision.decision];
      if (decision.decision !== 'timeout') humanSeconds += decision.waitedSeconds;
    }
    for (const violation of iteration.safetyViolations) {
      if (violation.outcome === 'halted' && severeConstraints.has(violation.constraintId))
        severeUnrecoverable = true;
    }
    return {
      goalScore: iteration.goal,
      costUsd: iteration.costUsd,
      latencySeconds: iteration.latencySeconds,
      safetySeverity: iteration.safetyViolations.length,
      humanInterventions: interventions,
      humanSeconds,
    };
  });
  const les = episodeLes({
    iterations,
    goalTarget,
    iterationBudget: program.termination.maxIterations,
    terminationReason,
    endedInError: terminationReason === 'error' || terminationReason === 'evaluator_error',
    severeUnrecoverable,
  });
  const composite = round4(les.normalized);
  const unmeasured = LES_CATEGORIES.filter((category) => les.categories[category] === null);
  const categories = Object.fromEntries(
    LES_CATEGORIES.map((category) => [category, round4(les.categories[category] ?? les.normalized)]),
  ) as Record<LesCategory, number>;
  return {
    score: {
      les_normalized: composite,
      les_display: lesDisplay(composite),
      categories,
      partial: unmeasured.length > 0,
    },
    unmeasured,
  };
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
