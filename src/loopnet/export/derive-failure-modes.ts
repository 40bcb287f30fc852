// The failure taxonomy (F1–F12) read from what happened in an episode, with the outcome and termination it implies.
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import {
  FAILURE_MODE_SLUGS,
  type FailureModeSlug,
  type LoopNetOutcome,
  type LoopNetTerminationReason,
} from '../loopnet-record.js';
import type { EpisodeFacts, IterationFacts } from './episode-facts.js';
import { toLoopNetTermination } from './termination-mapping.js';

/** Changes smaller than this are not moves of the goal (float noise). */
const GOAL_EPSILON = 1e-6;

/** A re-score of an unchanged artifact that moves less than this (and keeps its verdict) is judge noise, not drift. */
const DRIFT_TOLERANCE = 0.05;

/** One failure found, and the rule that found it. */
export interface FailureFinding {
  slug: FailureModeSlug;
  /** The iteration it was seen in; undefined for a finding about the whole episode. */
  iteration: number | undefined;
  /** The rule, in words. */
  rule: string;
}

/** What {@link deriveFailureModes} concludes. */
export interface FailureAnalysis {
  outcome: LoopNetOutcome;
  terminationReason: LoopNetTerminationReason;
  /** Each iteration's failure codes, in taxonomy order. */
  iterationCodes: readonly (readonly FailureModeSlug[])[];
  /** Every failure of the episode: the primary one first, then taxonomy order. Empty when none. */
  failureModes: readonly FailureModeSlug[];
  /** The failure that explains the end (set when the outcome is `failure`). */
  failureMode: FailureModeSlug | undefined;
  findings: readonly FailureFinding[];
}

const IS_SLUG = new Set<string>(FAILURE_MODE_SLUGS);

/**
 * Finds the failure modes of an episode from its facts (see docs/loopnet-export.md for each rule):
 *
 * - per iteration: taxonomy slugs evaluators reported; F12 safety violation; F8 spend past a cost limit; F1 no
 *   evaluator closed the loop; F3 an evaluator re-scored an unchanged artifact with another verdict or by more than
 *   0.05; F6 an artifact
 *   rejected before passes unchanged; F7 the goal reversed direction a second time; F11 a rollback, or a second
 *   regression right after an optimizer change; F9 a memory write refused; F10 a multi-worker iteration whose final
 *   outputs never came because a worker failed;
 * - per episode: F5 a declared success that a deterministic check of the last iteration contradicts; F8 a cost or
 *   token halt; F10 a timeout or failed worker end; F1 an evaluator-error end; F4 the implicit iteration bound
 *   (no `max_iterations` rule) reached; F2 (when the loop did not succeed) one rubric judge grading its own model.
 *
 * The outcome is `success` for a success end without a false pass; `failure` when a failure explains the end (the
 * termination's failure, or for a stall or the iteration bound one of F7, F3, F6, F11, F4); `partial` otherwise
 * (stopped short by a bound, a stall or a person, with no failure to blame).
 *
 * @example
 * ```ts
 * const analysis = deriveFailureModes(program, readEpisodeFacts(program, events));
 * analysis.outcome; analysis.failureMode; analysis.findings.map((finding) => finding.rule);
 * ```
 */
export function deriveFailureModes(program: LoopProgram, facts: EpisodeFacts): FailureAnalysis {
  const findings: FailureFinding[] = [];
  const iterations = facts.iterations;
  for (const [index, iteration] of iterations.entries()) {
    iterationFindings(program, iterations, index, iteration, findings);
  }
  const reason = facts.end.reason;
  const last = iterations.at(-1)!;
  const falsePass =
    reason === 'success' &&
    last.scores.some((score) => score.evaluatorType === 'deterministic' && !score.passed);
  const episode = (slug: FailureModeSlug, rule: string): void => {
    findings.push({ slug, iteration: undefined, rule });
  };
  if (falsePass) {
    const failed = last.scores.filter((score) => score.evaluatorType === 'deterministic' && !score.passed);
    episode(
      'fail.false_pass',
      `the loop declared success while ${failed.map((score) => score.evaluatorId).join(', ')} failed on the last iteration`,
    );
  }
  if (reason === 'cost_exceeded' || reason === 'token_cap')
    episode('fail.resource_bleed', `the loop spent its ${reason === 'token_cap' ? 'token' : 'cost'} budget`);
  if (reason === 'timeout' || reason === 'worker_failed')
    episode('fail.orchestration_deadlock', `the loop ended on ${reason}: no worker progress`);
  if (reason === 'evaluator_error') episode('fail.open_loop', 'the loop ended because evaluators failed');
  if (reason === 'safety_violation' && !findings.some((finding) => finding.slug === 'fail.safety_bypass'))
    episode('fail.safety_bypass', 'a safety constraint halted the loop');
  if (
    reason === 'max_iterations' &&
    program.termination.maxIterationsSource !== 'termination_conditions.failure.max_iterations'
  )
    episode(
      'fail.tau_omission',
      'the spec declares no max_iterations: the loop ran into the implicit bound of max_steps',
    );
  const selfGrader = selfGradingEvaluator(program, facts);
  if ((reason !== 'success' || falsePass) && selfGrader !== undefined)
    episode(
      'fail.self_grade',
      `${selfGrader} is the only evaluator and judges with the model of the worker it grades`,
    );

  const present = new Set(findings.map((finding) => finding.slug));
  const primary = primaryFailure(reason, falsePass, present);
  const outcome: LoopNetOutcome =
    reason === 'success' && !falsePass ? 'success' : primary !== undefined ? 'failure' : 'partial';
  const ordered = FAILURE_MODE_SLUGS.filter((slug) => present.has(slug) && slug !== primary);
  return {
    outcome,
    terminationReason: toLoopNetTermination(reason),
    iterationCodes: iterations.map((iteration) =>
      FAILURE_MODE_SLUGS.filter((slug) =>
        findings.some((finding) => finding.slug === slug && finding.iteration === iteration.iteration),
      ),
    ),
    failureModes: primary === undefined ? ordered : [primary, ...ordered],
    failureMode: outcome === 'failure' ? primary : undefined,
    findings,
  };
}

/** The failure that explains how the episode ended, if one does. */
function primaryFailure(
  reason: string,
  falsePass: boolean,
  present: ReadonlySet<FailureModeSlug>,
): FailureModeSlug | undefined {
  if (falsePass) return 'fail.false_pass';
  switch (reason) {
    case 'safety_violation':
      return 'fail.safety_bypass';
    case 'cost_exceeded':
    case 'token_cap':
      return 'fail.resource_bleed';
    case 'evaluator_error':
      return 'fail.open_loop';
    case 'timeout':
    case 'worker_failed':
      return 'fail.orchestration_deadlock';
    case 'stall':
    case 'max_iterations': {
      const explaining: readonly FailureModeSlug[] = [
        'fail.oscillation',
        'fail.evaluator_drift',
        'fail.false_fail',
        'fail.meta_instability',
        'fail.tau_omission',
      ];
      return explaining.find((slug) => present.has(slug));
    }
    default:
      return undefined;
  }
}

function iterationFindings(
  program: LoopProgram,
  iterations: readonly IterationFacts[],
  index: number,
  iteration: IterationFacts,
  findings: FailureFinding[],
): void {
  const at = (slug: FailureModeSlug, rule: string): void => {
    findings.push({ slug, iteration: iteration.iteration, rule });
  };
  for (const score of iteration.scores) {
    for (const code of score.failureCodes) {
      if (IS_SLUG.has(code)) at(code as FailureModeSlug, `${score.evaluatorId} reported ${code}`);
    }
  }
  if (iteration.safetyViolations.length > 0) {
    const ids = [...new Set(iteration.safetyViolations.map((violation) => violation.constraintId))];
    at('fail.safety_bypass', `a worker's output or action violated ${ids.join(', ')}`);
  }
  if (iteration.costUsd >= program.cost.perIterationUsd)
    at(
      'fail.resource_bleed',
      `the iteration cost ${iteration.costUsd} ≥ per_iteration_usd ${program.cost.perIterationUsd}`,
    );
  else if (iteration.cumulativeUsd >= program.cost.cumulativeUsd)
    at('fail.resource_bleed', `the spend reached cumulative_usd ${program.cost.cumulativeUsd}`);
  if (
    (program.evaluators.length === 0 || iteration.evaluatorErrors > 0) &&
    iteration.scores.length === 0 &&
    iteration.safetyViolations.length === 0
  )
    at(
      'fail.open_loop',
      program.evaluators.length === 0 ? 'the loop has no evaluator' : 'every evaluator failed',
    );
  const earlier = iterations.slice(0, index);
  for (const score of iteration.scores) {
    const before = earlier
      .flatMap((past) => past.scores)
      .find(
        (past) =>
          past.evaluatorId === score.evaluatorId &&
          past.artifact === score.artifact &&
          (past.passed !== score.passed || Math.abs(past.score - score.score) > DRIFT_TOLERANCE),
      );
    if (before !== undefined) {
      at(
        'fail.evaluator_drift',
        `${score.evaluatorId} scored an unchanged artifact ${before.score} then ${score.score}`,
      );
      break;
    }
  }
  if (
    iteration.overall?.passed === true &&
    earlier.some((past) => past.outputs === iteration.outputs && past.overall?.passed === false)
  )
    at('fail.false_fail', 'outputs rejected in an earlier iteration pass unchanged');
  if (reversals(iterations, index) >= 2 && reversalAt(iterations, index))
    at('fail.oscillation', 'the goal changed direction a second time without converging');
  if (iteration.rollbacks > 0) at('fail.meta_instability', 'the optimizer rolled back its change');
  else if (regressedAfterChange(iterations, index) && regressionsAfterChange(iterations, index) >= 2)
    at('fail.meta_instability', 'the goal fell after an optimizer change, a second time');
  if (iteration.memoryConflicts > 0)
    at('fail.state_corruption', `${iteration.memoryConflicts} memory write(s) refused`);
  if (program.workers.length >= 2 && iteration.workerFailures.length > 0) {
    const finals = finalWorkers(program);
    if (finals.some((worker) => !iteration.workersWithOutput.has(worker)))
      at('fail.orchestration_deadlock', 'a worker failed and the loop’s final outputs never came');
  }
}

function moveAt(iterations: readonly IterationFacts[], index: number): number {
  if (index === 0) return 0;
  const change = iterations[index]!.goal - iterations[index - 1]!.goal;
  return Math.abs(change) <= GOAL_EPSILON ? 0 : Math.sign(change);
}

/** Whether the goal's move at `index` reverses the previous non-zero move. */
function reversalAt(iterations: readonly IterationFacts[], index: number): boolean {
  const now = moveAt(iterations, index);
  if (now === 0) return false;
  for (let before = index - 1; before >= 1; before--) {
    const move = moveAt(iterations, before);
    if (move !== 0) return move !== now;
  }
  return false;
}

/** Direction reversals of the goal up to and including `index`. */
function reversals(iterations: readonly IterationFacts[], index: number): number {
  let count = 0;
  for (let at = 1; at <= index; at++) if (reversalAt(iterations, at)) count++;
  return count;
}

function regressedAfterChange(iterations: readonly IterationFacts[], index: number): boolean {
  return index > 0 && moveAt(iterations, index) < 0 && iterations[index - 1]!.optimizerChanges > 0;
}

function regressionsAfterChange(iterations: readonly IterationFacts[], index: number): number {
  let count = 0;
  for (let at = 1; at <= index; at++) if (regressedAfterChange(iterations, at)) count++;
  return count;
}

/** Workers no other worker depends on: the loop's outputs. */
function finalWorkers(program: LoopProgram): string[] {
  const dependedOn = new Set(program.workers.flatMap((worker) => worker.dependsOn));
  return program.workers.map((worker) => worker.id).filter((id) => !dependedOn.has(id));
}

/** The id of the loop's sole evaluator when it is a rubric judged by the model of a worker it grades. */
function selfGradingEvaluator(program: LoopProgram, facts: EpisodeFacts): string | undefined {
  if (program.evaluators.length !== 1) return undefined;
  const evaluator = program.evaluators[0]!;
  if (evaluator.type !== 'llm_rubric') return undefined;
  const judge = facts.judgeModels.get(evaluator.id) ?? evaluator.model.id;
  const graded = evaluator.runsAfter.map(
    (id) => facts.workerModels.get(id) ?? program.workers.find((worker) => worker.id === id)?.model.id,
  );
  return graded.includes(judge) ? evaluator.id : undefined;
}
