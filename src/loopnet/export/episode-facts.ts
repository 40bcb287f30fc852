// An episode's events read into per-iteration facts: the numbers a LoopNet record keeps, and the signals its failure
// rules look at (outputs are reduced to digests and never leave this module).
import { createHash } from 'node:crypto';
import { InvalidArgumentError } from '../../core/errors.js';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import type {
  EpisodeEndEvent,
  EpisodeStartEvent,
  LoopEvent,
  SafetyEvent,
} from '../../loop/events/loop-event.js';

/** Safety outcomes that mean a detector found a violation (a person's approval clears it; a detector error is none). */
const VIOLATION_OUTCOMES: ReadonlySet<SafetyEvent['outcome']> = new Set([
  'halted',
  'quarantined',
  'stripped',
  'warned',
  'rejected',
]);

/** One evaluator's score of one iteration, with a digest of what it judged. */
export interface ScoreFact {
  evaluatorId: string;
  evaluatorType: 'deterministic' | 'llm_rubric' | 'human';
  score: number;
  passed: boolean;
  /** Digest of the outputs it judged (its `runs_after` workers' latest outputs). */
  artifact: string;
  failureCodes: readonly string[];
}

/** What happened in one iteration. */
export interface IterationFacts {
  iteration: number;
  /** The primary metric as reported (`null` when its source produced nothing). */
  primary: number | null;
  /** The primary metric on [0, 1] (percent ÷ 100, clamped); the previous goal when `primary` is null. */
  goal: number;
  /** The evaluators' combined verdict, when any judged. */
  overall: { score: number; passed: boolean } | null;
  /** Metric values of the iteration. */
  metrics: Readonly<Record<string, number | null>>;
  costUsd: number;
  cumulativeUsd: number;
  latencySeconds: number;
  tokens: number;
  scores: readonly ScoreFact[];
  evaluatorErrors: number;
  /** Digest of all workers' latest outputs after the iteration. */
  outputs: string;
  /** Workers whose last attempt failed (no retry left), with the error code. */
  workerFailures: readonly { workerId: string; code: string }[];
  /** Workers that produced an output this iteration. */
  workersWithOutput: ReadonlySet<string>;
  safetyViolations: readonly { constraintId: string; outcome: SafetyEvent['outcome'] }[];
  humanDecisions: readonly { decision: 'approve' | 'reject' | 'timeout'; waitedSeconds: number }[];
  /** Memory writes refused (`denied` by policy, `blocked` by safety). */
  memoryConflicts: number;
  /** Optimizer changes made after this iteration (refinements, parameter moves, lessons written). */
  optimizerChanges: number;
  rollbacks: number;
}

/** An episode read from its events. */
export interface EpisodeFacts {
  start: EpisodeStartEvent;
  end: EpisodeEndEvent;
  iterations: readonly IterationFacts[];
  /** Models that answered, by caller kind (`provider:model`). */
  workerModels: ReadonlyMap<string, string>;
  judgeModels: ReadonlyMap<string, string>;
}

/**
 * Reads a finished episode's events. Iterations are delimited by `iteration-start`; an iteration's latency is the
 * episode clock from its `iteration-start` to its `step-end`, its cost the engine's `cost` event (else the sum of its
 * model responses) and its tokens the growth of the ledger's token count.
 *
 * @throws {InvalidArgumentError} when the events lack `episode-start` or `episode-end` (an unfinished episode), or
 *   the episode ran no iteration.
 * @example
 * ```ts
 * const facts = readEpisodeFacts(program, events);
 * facts.iterations.map((iteration) => iteration.goal);
 * ```
 */
export function readEpisodeFacts(program: LoopProgram, events: readonly LoopEvent[]): EpisodeFacts {
  const start = events.find((event): event is EpisodeStartEvent => event.type === 'episode-start');
  const end = events.findLast((event): event is EpisodeEndEvent => event.type === 'episode-end');
  if (start === undefined || end === undefined) {
    throw new InvalidArgumentError(
      `The events of episode ${events[0]?.episodeId ?? '(none)'} have no ${start === undefined ? 'episode-start' : 'episode-end'}: ` +
        'the episode did not finish. LoopNet records finished episodes; run it to its end and export again.',
    );
  }
  const primaryUnit = program.metrics.find((metric) => metric.name === program.primaryMetric)?.unit;
  const latest = new Map<string, string>();
  const iterations: IterationFacts[] = [];
  const workerModels = new Map<string, string>();
  const judgeModels = new Map<string, string>();
  let current: MutableIteration | undefined;
  let goal = 0;
  let tokensBefore = 0;
  const close = (): void => {
    if (current === undefined) return;
    goal = current.primary === null ? goal : toGoal(current.primary, primaryUnit);
    const tokens =
      current.tokensAfter === undefined ? current.usageTokens : current.tokensAfter - tokensBefore;
    if (current.tokensAfter !== undefined) tokensBefore = current.tokensAfter;
    iterations.push({
      ...current,
      goal,
      costUsd: current.costUsd ?? current.responseCost,
      cumulativeUsd: current.cumulativeUsd ?? 0,
      latencySeconds: Math.max(0, (current.endTime ?? current.startTime) - current.startTime),
      tokens: Math.max(0, Math.round(tokens)),
      outputs: digestOutputs(latest),
    });
    current = undefined;
  };
  for (const event of events) {
    if (event.type === 'iteration-start') {
      close();
      current = newIteration(event.iteration, event.time);
      continue;
    }
    if (current === undefined) continue;
    switch (event.type) {
      case 'model-response':
        (event.callerKind === 'judge' ? judgeModels : workerModels).set(event.callerId, event.modelId);
        current.responseCost += event.costUsd;
        current.usageTokens += event.usage.inputTokens + event.usage.outputTokens;
        break;
      case 'worker-output':
        latest.set(event.workerId, digest(event.raw));
        current.workersWithOutput.add(event.workerId);
        break;
      case 'worker-error':
        if (!event.willRetry) current.workerFailures.push({ workerId: event.workerId, code: event.code });
        break;
      case 'evaluator-score':
        current.scores.push({
          evaluatorId: event.evaluatorId,
          evaluatorType: event.evaluatorType,
          score: event.score,
          passed: event.passed,
          artifact: judgedArtifact(program, event.evaluatorId, latest),
          failureCodes: event.failureCodes,
        });
        break;
      case 'evaluator-error':
        current.evaluatorErrors += 1;
        break;
      case 'safety-event':
        if (VIOLATION_OUTCOMES.has(event.outcome))
          current.safetyViolations.push({ constraintId: event.constraintId, outcome: event.outcome });
        break;
      case 'human-decision':
        current.humanDecisions.push({ decision: event.decision, waitedSeconds: event.waitedSeconds });
        break;
      case 'memory-write':
        if (event.outcome !== 'written') current.memoryConflicts += 1;
        break;
      case 'metric-values':
        current.metrics = event.values;
        current.overall = event.overall;
        break;
      case 'cost':
        // The first `cost` event of an iteration is the engine's account of it; later ones are limit alerts.
        if (current.costUsd === undefined) {
          current.costUsd = event.iterationUsd;
          current.cumulativeUsd = event.cumulativeUsd;
          current.tokensAfter = event.tokens;
        }
        break;
      case 'optimization':
        if (event.action === 'rollback') current.rollbacks += 1;
        else if (event.action === 'refine' || event.action === 'parameter' || event.action === 'memory-write')
          current.optimizerChanges += 1;
        break;
      case 'step-end':
        current.primary = event.primary;
        current.endTime = event.time;
        break;
      default:
        break;
    }
  }
  close();
  if (iterations.length === 0) {
    throw new InvalidArgumentError(
      `Episode ${start.episodeId} ended (${end.reason}) before its first iteration; a LoopNet record needs at least one.`,
    );
  }
  return { start, end, iterations, workerModels, judgeModels };
}

/**
 * A metric value as a LoopNet goal on [0, 1]: a `percent` metric divided by 100, anything else clamped.
 *
 * @example
 * ```ts
 * toGoal(85, 'percent'); // 0.85
 * ```
 */
export function toGoal(value: number, unit: string | undefined): number {
  const scaled = unit === 'percent' ? value / 100 : value;
  if (!Number.isFinite(scaled)) return 0;
  return Math.min(1, Math.max(0, scaled));
}

interface MutableIteration {
  iteration: number;
  startTime: number;
  endTime: number | undefined;
  primary: number | null;
  overall: { score: number; passed: boolean } | null;
  metrics: Readonly<Record<string, number | null>>;
  costUsd: number | undefined;
  cumulativeUsd: number | undefined;
  tokensAfter: number | undefined;
  responseCost: number;
  usageTokens: number;
  scores: ScoreFact[];
  evaluatorErrors: number;
  workerFailures: { workerId: string; code: string }[];
  workersWithOutput: Set<string>;
  safetyViolations: { constraintId: string; outcome: SafetyEvent['outcome'] }[];
  humanDecisions: { decision: 'approve' | 'reject' | 'timeout'; waitedSeconds: number }[];
  memoryConflicts: number;
  optimizerChanges: number;
  rollbacks: number;
}

function newIteration(iteration: number, time: number): MutableIteration {
  return {
    iteration,
    startTime: time,
    endTime: undefined,
    primary: null,
    overall: null,
    metrics: {},
    costUsd: undefined,
    cumulativeUsd: undefined,
    tokensAfter: undefined,
    responseCost: 0,
    usageTokens: 0,
    scores: [],
    evaluatorErrors: 0,
    workerFailures: [],
    workersWithOutput: new Set(),
    safetyViolations: [],
    humanDecisions: [],
    memoryConflicts: 0,
    optimizerChanges: 0,
    rollbacks: 0,
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function digestOutputs(latest: ReadonlyMap<string, string>): string {
  return [...latest.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([worker, hash]) => `${worker}=${hash}`)
    .join(';');
}

function judgedArtifact(
  program: LoopProgram,
  evaluatorId: string,
  latest: ReadonlyMap<string, string>,
): string {
  const evaluator = program.evaluators.find((candidate) => candidate.id === evaluatorId);
  const workers = evaluator?.runsAfter ?? [...latest.keys()];
  return workers.map((worker) => `${worker}=${latest.get(worker) ?? ''}`).join(';');
}
