// The mutable state of one loop episode, shared by the engine's parts.
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import type { CostLedger } from '../cost-ledger.js';
import type { EvaluatorVerdict } from '../evaluators/evaluator-verdict.js';
import type { LoopEventBody, TerminationReason } from '../events/loop-event.js';
import type { LoopMemory } from '../loop-memory.js';
import type { LoopTask } from '../tasks/loop-task.js';
import type { WorkerOutput } from '../worker-output.js';

/** Feedback waiting for a worker's next prompt. */
export interface PendingFeedback {
  channelId: string;
  sourceId: string;
  content: string;
  /** The fields it carries, as structured data (for simulated workers). */
  data: Readonly<Record<string, unknown>>;
}

/** What happened to the workers and evaluators in the current iteration. */
export interface IterationRecord {
  iteration: number;
  outputs: Map<string, WorkerOutput>;
  verdicts: Map<string, EvaluatorVerdict>;
  evaluatorErrors: string[];
  workerFailures: { workerId: string; code: string }[];
  /** Safety constraints whose `halt` fired (or whose escalation was rejected). */
  safetyHalts: string[];
  safetyEvents: number;
  humanRejections: string[];
  /** Seconds the iteration took on the episode clock (the critical path through the worker levels). */
  latencySeconds: number;
  metrics: Record<string, number | null>;
  primary: number | null;
  /** The evaluators' combined verdict (`min` or `weighted_avg`, vetoes applied); `undefined` when none judged. */
  overall: { score: number; passed: boolean } | undefined;
}

/**
 * Everything the engine keeps between iterations of one episode.
 *
 * @example
 * ```ts
 * state.instructions.get('writer'); // the writer's role plus refinements so far
 * ```
 */
export interface EpisodeState {
  program: LoopProgram;
  task: LoopTask;
  /** The task's input values, defaults applied. */
  inputs: Readonly<Record<string, unknown>>;
  episodeId: string;
  seed: number;
  iteration: number;
  /** Seconds since the episode started, on the backend's clock. */
  time: number;
  /** Each worker's current instructions: its role, refined by the optimizer. */
  instructions: Map<string, string>;
  /** Earlier instructions of each worker, newest last (for rollback). */
  instructionHistory: Map<string, string[]>;
  /** Parameters the optimizer set per worker (`parameter_search`): temperature, … */
  parameters: Map<string, Readonly<Record<string, number>>>;
  /** The latest output of each worker (from any earlier iteration). */
  latestOutputs: Map<string, WorkerOutput>;
  /** Feedback for each worker's next prompt. */
  pendingFeedback: Map<string, PendingFeedback[]>;
  /** Feedback the optimizer has not used yet. */
  optimizerInbox: PendingFeedback[];
  /** How many times the optimizer has acted. */
  optimizerSteps: number;
  /** Every iteration so far, oldest first. */
  history: IterationRecord[];
  memory: LoopMemory;
  ledger: CostLedger;
  /** Calls so far, by worker and by tool, in episode seconds (for `rate_limit`). */
  callLog: { worker: Record<string, number[]>; tool: Record<string, number[]> };
  /** Consecutive iterations each success rule held, by rule index. */
  successStreaks: number[];
  /** Consecutive iterations each failure rule's condition held, by rule index. */
  failureStreaks: number[];
  /** When cost control says `throttle`: later calls ask for at most half their tokens. */
  throttled: boolean;
  done: { reason: TerminationReason; terminated: boolean; truncated: boolean } | undefined;
  emit(event: LoopEventBody): void;
  /** Aborted when the episode is closed or cancelled. */
  signal: AbortSignal;
}

/**
 * An empty record for a new iteration.
 *
 * @example
 * ```ts
 * const record = newIterationRecord(state.iteration);
 * ```
 */
export function newIterationRecord(iteration: number): IterationRecord {
  return {
    iteration,
    outputs: new Map(),
    verdicts: new Map(),
    evaluatorErrors: [],
    workerFailures: [],
    safetyHalts: [],
    safetyEvents: 0,
    humanRejections: [],
    latencySeconds: 0,
    metrics: {},
    primary: null,
    overall: undefined,
  };
}
