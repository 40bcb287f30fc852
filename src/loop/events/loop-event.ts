// Everything that happens in a loop episode, as one versioned, discriminated union. The store, traces, exports and
// the viewer all read this stream; nothing else is the record of a run.
import type { SafetyAction, SafetyConstraintType, SafetyScope } from '../../lss/loop-spec.js';
import type { ModelMessage, ModelUsage } from '../../models/language-model.js';

/** The version of the event format; bumped on incompatible changes. Written in every `episode-start`. */
export const LOOP_EVENT_VERSION = 1;

/** Why an episode ended. */
export type TerminationReason =
  | 'success'
  | 'max_iterations'
  | 'safety_violation'
  | 'evaluator_error'
  | 'cost_exceeded'
  | 'human_rejected'
  | 'timeout'
  | 'stall'
  | 'token_cap'
  | 'escalated'
  | 'worker_failed';

/** Fields every event has: which episode, its place in the stream, and when on the episode's clock (seconds). */
interface EventBase {
  episodeId: string;
  /** 0, 1, 2, … in the order events happened. */
  seq: number;
  /** Seconds since the episode started, on the backend's clock (simulated in sim, measured live). */
  time: number;
}

/** The loop's iteration the event belongs to (1-based; 0 before the first). */
interface IterationEvent extends EventBase {
  iteration: number;
}

export interface EpisodeStartEvent extends EventBase {
  type: 'episode-start';
  version: typeof LOOP_EVENT_VERSION;
  loopName: string;
  loopVersion: string;
  taskId: string;
  seed: number;
  backend: string;
  /** The task's input values after defaults were applied. */
  inputs: Readonly<Record<string, unknown>>;
  maxIterations: number;
  primaryMetric: string;
}

export interface IterationStartEvent extends IterationEvent {
  type: 'iteration-start';
}

export interface WorkerCallEvent extends IterationEvent {
  type: 'worker-call';
  workerId: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  modelId: string;
  messages: readonly ModelMessage[];
}

export interface ModelResponseEvent extends IterationEvent {
  type: 'model-response';
  /** The worker or evaluator that called. */
  callerId: string;
  callerKind: 'worker' | 'judge';
  modelId: string;
  text: string;
  usage: ModelUsage;
  costUsd: number;
  latencySeconds: number;
  finishReason: string;
}

export interface ToolCallEvent extends IterationEvent {
  type: 'tool-call';
  workerId: string;
  name: string;
  arguments: Readonly<Record<string, unknown>>;
  /** What the tool returned (as text), or why it did not run. */
  result: string;
  outcome: 'ok' | 'blocked' | 'error' | 'unknown-tool';
}

export interface WorkerOutputEvent extends IterationEvent {
  type: 'worker-output';
  workerId: string;
  format: string;
  raw: string;
  /** Who produced it: the loop's model, or the agent's action. */
  source: 'model' | 'action';
}

export interface WorkerErrorEvent extends IterationEvent {
  type: 'worker-error';
  workerId: string;
  attempt: number;
  code: 'timeout' | 'format' | 'budget' | 'model-error' | 'tool-error';
  message: string;
  willRetry: boolean;
}

export interface EvaluatorScoreEvent extends IterationEvent {
  type: 'evaluator-score';
  evaluatorId: string;
  evaluatorType: 'deterministic' | 'llm_rubric' | 'human';
  score: number;
  passed: boolean;
  failureCodes: readonly string[];
  remediationHints: readonly string[];
  summary: string;
  dimensionScores: Readonly<Record<string, number>>;
  details: Readonly<Record<string, unknown>>;
}

export interface EvaluatorErrorEvent extends IterationEvent {
  type: 'evaluator-error';
  evaluatorId: string;
  message: string;
}

export interface HumanDecisionEvent extends IterationEvent {
  type: 'human-decision';
  /** The human evaluator or safety constraint that asked. */
  gateId: string;
  decision: 'approve' | 'reject' | 'timeout';
  reason: string;
  waitedSeconds: number;
}

export interface SafetyEvent extends IterationEvent {
  type: 'safety-event';
  constraintId: string;
  constraintType: SafetyConstraintType;
  scope: SafetyScope;
  workerId: string | undefined;
  action: SafetyAction;
  /** What was found, in plain words (never a secret). */
  findings: readonly string[];
  /** What the engine did: the loop halted, the output was dropped or redacted, a warning, a human's answer. */
  outcome: 'halted' | 'quarantined' | 'stripped' | 'warned' | 'approved' | 'rejected' | 'detector-error';
}

export interface MetricValuesEvent extends IterationEvent {
  type: 'metric-values';
  /** Metric name → value (`null` when its source produced nothing this iteration). */
  values: Readonly<Record<string, number | null>>;
  primary: number | null;
  /** The evaluators' combined verdict, when any evaluator judged. */
  overall: { score: number; passed: boolean } | null;
}

export interface FeedbackEvent extends IterationEvent {
  type: 'feedback';
  channelId: string;
  sourceId: string;
  destination: string;
  /** Whether the channel's `when` held (feedback is sent only then). */
  sent: boolean;
  /** The feedback as the destination receives it. */
  content: string;
  tokens: number;
}

export interface OptimizationEvent extends IterationEvent {
  type: 'optimization';
  strategy: string;
  action: 'refine' | 'rollback' | 'memory-write' | 'parameter' | 'pause' | 'none';
  target: string | undefined;
  detail: string;
}

export interface MemoryWriteEvent extends IterationEvent {
  type: 'memory-write';
  key: string;
  writer: string;
  outcome: 'written' | 'denied' | 'blocked';
}

export interface CostEvent extends IterationEvent {
  type: 'cost';
  iterationUsd: number;
  cumulativeUsd: number;
  tokens: number;
  /** A limit's action that fired (`on_approach` or `on_exceed`), if any. */
  action: 'warn' | 'throttle' | 'halt' | undefined;
  limit: 'per_iteration' | 'cumulative' | 'token_soft_cap' | 'worker_budget' | undefined;
}

export interface StepEndEvent extends IterationEvent {
  type: 'step-end';
  reward: number;
  primary: number | null;
  terminated: boolean;
  truncated: boolean;
  reason: TerminationReason | undefined;
}

export interface EpisodeEndEvent extends EventBase {
  type: 'episode-end';
  iterations: number;
  reason: TerminationReason;
  outcome: 'success' | 'failure' | 'truncated';
  primary: number | null;
  costUsd: number;
  tokens: number;
}

/**
 * One event of a loop episode.
 *
 * @example
 * ```ts
 * function onEvent(event: LoopEvent): void {
 *   if (event.type === 'evaluator-score') console.log(event.evaluatorId, event.score);
 * }
 * ```
 */
export type LoopEvent =
  | EpisodeStartEvent
  | IterationStartEvent
  | WorkerCallEvent
  | ModelResponseEvent
  | ToolCallEvent
  | WorkerOutputEvent
  | WorkerErrorEvent
  | EvaluatorScoreEvent
  | EvaluatorErrorEvent
  | HumanDecisionEvent
  | SafetyEvent
  | MetricValuesEvent
  | FeedbackEvent
  | OptimizationEvent
  | MemoryWriteEvent
  | CostEvent
  | StepEndEvent
  | EpisodeEndEvent;

/** An event before the engine stamps it with `episodeId`, `seq` and `time`. */
export type LoopEventBody = LoopEvent extends infer E
  ? E extends LoopEvent
    ? Omit<E, 'episodeId' | 'seq' | 'time'>
    : never
  : never;
