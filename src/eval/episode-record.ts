// Trajectories to store records and stored episodes back to outcomes (for resuming a run).
import type { Trajectory } from '../agents/llm/trajectory.js';
import type { LoopEvent } from '../loop/events/loop-event.js';
import type { EpisodeRecord, ModelCallEntry, StepRecord, StoredEpisode } from '../store/run-records.js';
import type { EpisodeOutcome } from './episode-outcome.js';

/** Observations longer than this are cut when stored as step text. */
const MAX_OBSERVATION_CHARACTERS = 20_000;

/**
 * An observation as the text a step stores: strings as they are, numbers and booleans printed, anything else as
 * JSON (typed arrays as arrays), cut at 20,000 characters.
 *
 * @example
 * ```ts
 * observationText(14); // '14'
 * observationText(Float32Array.of(0.5, 1)); // '[0.5,1]'
 * ```
 */
export function observationText(observation: unknown): string | undefined {
  if (observation === undefined) return undefined;
  const text =
    typeof observation === 'string'
      ? observation
      : typeof observation === 'number' || typeof observation === 'boolean'
        ? String(observation)
        : JSON.stringify(observation, plainValues);
  return text.length > MAX_OBSERVATION_CHARACTERS ? `${text.slice(0, MAX_OBSERVATION_CHARACTERS)}…` : text;
}

/** A JSON replacer: typed arrays as arrays, bigints as numbers. */
function plainValues(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>);
  }
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** An action as JSON-ready data (typed arrays as arrays). */
function plainAction(action: unknown): unknown {
  if (action === undefined) return null;
  if (action === null || typeof action !== 'object') return action;
  return JSON.parse(JSON.stringify(action, plainValues) ?? 'null') as unknown;
}

/** Splits a loop's `info.events` (stored in the events table) from the rest of an info (stored with the step). */
function splitEvents(info: unknown, events: LoopEvent[]): unknown {
  if (info === null || typeof info !== 'object' || !('events' in info)) return plainInfo(info);
  const { events: infoEvents, ...rest } = info;
  if (Array.isArray(infoEvents)) events.push(...(infoEvents as LoopEvent[]));
  return plainInfo(rest);
}

function plainInfo(info: unknown): unknown {
  if (info === undefined || info === null || typeof info !== 'object') return info;
  const values = Object.values(info);
  return values.some((value) => ArrayBuffer.isView(value) || typeof value === 'bigint')
    ? (JSON.parse(JSON.stringify(info, plainValues)) as unknown)
    : info;
}

/** When an episode ran, for its record. */
export interface EpisodeTiming {
  startedAt: Date;
  endedAt: Date;
}

/**
 * The store record of a finished episode: its steps (observation text, action, reward, flags, info without loop
 * events), model calls (messages, answer, usage, cost, latency; a parse error as the call's error), the loop's events,
 * and metrics: the loop's own, plus `success` (0/1), `attempts`, `modelCalls`, `modelLatencySeconds`, `example` and
 * `rollout`.
 *
 * @example
 * ```ts
 * store.recordEpisode(runId, toEpisodeRecord(trajectory, outcome, { startedAt, endedAt: new Date() }));
 * ```
 */
export function toEpisodeRecord(
  trajectory: Trajectory,
  outcome: EpisodeOutcome,
  timing: EpisodeTiming,
): EpisodeRecord {
  const events: LoopEvent[] = [];
  splitEvents(trajectory.initialInfo, events);
  const steps: StepRecord[] = [];
  const modelCalls: ModelCallEntry[] = [];
  let lastInfo: unknown = trajectory.initialInfo;
  for (const step of trajectory.steps) {
    const info = step.environmentStep
      ? splitEvents(step.info, events)
      : { invalidAction: step.invalidAction ?? 'invalid answer' };
    if (step.environmentStep) lastInfo = step.info;
    steps.push({
      index: step.index,
      observation: step.environmentStep ? observationText(step.nextObservation) : undefined,
      action: plainAction(step.action),
      reward: step.reward,
      terminated: step.terminated,
      truncated: step.truncated,
      info,
    });
    for (const call of step.calls) {
      modelCalls.push({
        step: step.index,
        modelId: call.modelId,
        messages: call.messages,
        response: call.text,
        usage: call.usage,
        costUsd: call.costUsd,
        latencySeconds: call.latencySeconds,
        cached: false,
        error: call.parseError === undefined ? undefined : `invalid answer: ${call.parseError}`,
      });
    }
  }
  const loopMetrics = (lastInfo as { metrics?: unknown } | undefined)?.metrics;
  const metrics: Record<string, number | null> = {};
  if (loopMetrics !== null && typeof loopMetrics === 'object') {
    for (const [name, value] of Object.entries(loopMetrics as Record<string, unknown>)) {
      if (typeof value === 'number' || value === null) metrics[name] = value;
    }
  }
  Object.assign(metrics, {
    success: outcome.success ? 1 : 0,
    attempts: outcome.attempts,
    modelCalls: outcome.modelCalls,
    modelLatencySeconds: outcome.modelLatencySeconds,
    example: outcome.example,
    rollout: outcome.rollout,
    ...(outcome.les === undefined ? {} : { les: outcome.les }),
  });
  const taskId = (trajectory.initialInfo as { taskId?: unknown } | undefined)?.taskId;
  return {
    index: outcome.index,
    seed: outcome.seed,
    taskId: typeof taskId === 'string' ? taskId : undefined,
    return: outcome.return,
    length: outcome.steps,
    terminated: outcome.status === 'terminated',
    truncated: outcome.status === 'truncated' || outcome.status === 'max-episode-steps',
    terminationReason: outcome.terminationReason,
    error: outcome.errorCause === undefined ? undefined : `[${outcome.errorCause}] ${outcome.error ?? ''}`,
    metrics,
    costUsd: outcome.costUsd,
    usage: { inputTokens: outcome.inputTokens, outputTokens: outcome.outputTokens },
    startedAt: timing.startedAt,
    endedAt: timing.endedAt,
    durationMs: outcome.durationMs,
    steps,
    modelCalls,
    events,
  };
}

/**
 * The outcome of an episode read back from the store (what a resumed run adds to its summary).
 *
 * @example
 * ```ts
 * const finished = store.episodes(runId).map((episode) => fromStoredEpisode(episode, 1));
 * ```
 */
export function fromStoredEpisode(episode: StoredEpisode, rolloutsPerExample: number): EpisodeOutcome {
  const metric = (name: string): number | undefined => {
    const value = episode.metrics[name];
    return typeof value === 'number' ? value : undefined;
  };
  const outcome: EpisodeOutcome = {
    index: episode.index,
    example: metric('example') ?? Math.floor(episode.index / rolloutsPerExample),
    rollout: metric('rollout') ?? episode.index % rolloutsPerExample,
    seed: episode.seed ?? undefined,
    return: episode.return,
    success: metric('success') === 1,
    status: statusOf(episode),
    terminationReason: episode.terminationReason ?? statusOf(episode),
    steps: episode.length,
    inputTokens: episode.usage.inputTokens,
    outputTokens: episode.usage.outputTokens,
    costUsd: episode.costUsd,
    modelCalls: metric('modelCalls') ?? 0,
    modelLatencySeconds: metric('modelLatencySeconds') ?? 0,
    durationMs: episode.durationMs ?? 0,
    attempts: metric('attempts') ?? 1,
  };
  const les = metric('les');
  if (les !== undefined) outcome.les = les;
  if (episode.error !== null) {
    const match = /^\[([^\]]+)\] ?([\s\S]*)$/.exec(episode.error);
    outcome.errorCause = match?.[1] ?? 'unknown';
    outcome.error = match?.[2] ?? episode.error;
  }
  return outcome;
}

function statusOf(episode: StoredEpisode): string {
  if (episode.error !== null) return episode.terminationReason === 'timeout' ? 'timeout' : 'error';
  if (episode.terminated) return 'terminated';
  if (episode.truncated)
    return episode.terminationReason === 'max-episode-steps' ? 'max-episode-steps' : 'truncated';
  return episode.terminationReason ?? 'unknown';
}
