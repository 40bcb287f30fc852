// An episode as a Loop Trace 1.0 document: the loop's iterations, with what the worker wrote and how it was scored.
import type { LoopEvent } from '../loop/events/loop-event.js';
import type { StoredEpisode, StoredRun } from '../store/run-records.js';
import type { RunStore } from '../store/run-store.js';
import { StoreError } from '../store/store-error.js';

/** One iteration of a Loop Trace 1.0 document. */
export interface LoopTraceIteration {
  /** 0-based. */
  iteration: number;
  timestamp: string;
  worker_id?: string;
  worker_output?: string;
  evaluator_scores: Record<string, number>;
  cost_usd: number;
  feedback?: string[];
}

/** A Loop Trace 1.0 document (`trace_version: "1.0"`). */
export interface LoopTraceDocument {
  trace_version: '1.0';
  loop_id: string;
  loop_name: string;
  started_at: string;
  ended_at: string;
  success: boolean;
  termination_reason?: string;
  total_cost_usd: number;
  iterations: LoopTraceIteration[];
  metadata: Record<string, unknown>;
}

/**
 * Episode `episodeIndex` of a stored run as a Loop Trace 1.0 document (valid against
 * `data/traces/loop-trace-1.0.schema.json`). For a loop, one record per iteration: the last worker that wrote, its
 * output, each evaluator's score, the iteration's cost and the feedback sent; for other environments, one record per
 * step: the model's answer (or the action as JSON) and the reward as the `reward` score.
 *
 * @example
 * ```ts
 * const trace = toLoopTraceDocument(store, '04cd', 0);
 * console.log(trace.iterations.length, trace.success);
 * ```
 */
export function toLoopTraceDocument(store: RunStore, runId: string, episodeIndex: number): LoopTraceDocument {
  const run = store.getRun(runId);
  const episode = store.episodes(run.id).find((candidate) => candidate.index === episodeIndex);
  if (episode === undefined) {
    throw new StoreError(
      `Run ${run.id} has no episode ${episodeIndex}. List its episodes with \`loopgym show ${run.id.slice(0, 8)} --episodes\`.`,
      {
        code: 'episode-not-found',
      },
    );
  }
  const startMs = Date.parse(episode.startedAt ?? run.startedAt);
  const events = store.events(episode.id);
  const iterations = events.length > 0 ? fromEvents(events, startMs) : fromSteps(store, episode, startMs);
  const start = events.find((event) => event.type === 'episode-start');
  const end = events.findLast((event) => event.type === 'episode-end');
  const endMs =
    end !== undefined
      ? startMs + end.time * 1000
      : episode.endedAt !== null
        ? Date.parse(episode.endedAt)
        : startMs + (episode.durationMs ?? 0);
  const success =
    end?.type === 'episode-end' ? end.outcome === 'success' : (episode.metrics['success'] ?? 0) === 1;
  return {
    trace_version: '1.0',
    loop_id: start?.episodeId ?? `${run.id}/${episode.index}`,
    loop_name: start?.type === 'episode-start' ? start.loopName : run.envId,
    started_at: new Date(startMs).toISOString(),
    ended_at: new Date(Math.max(startMs, endMs)).toISOString(),
    success,
    ...(episode.terminationReason === null ? {} : { termination_reason: episode.terminationReason }),
    total_cost_usd: episode.costUsd,
    iterations,
    metadata: metadataOf(run, episode),
  };
}

function fromEvents(events: readonly LoopEvent[], startMs: number): LoopTraceIteration[] {
  const iterations: LoopTraceIteration[] = [];
  let current: LoopTraceIteration | undefined;
  for (const event of events) {
    if (event.type === 'iteration-start') {
      current = {
        iteration: event.iteration - 1,
        timestamp: new Date(startMs + event.time * 1000).toISOString(),
        evaluator_scores: {},
        cost_usd: 0,
      };
      iterations.push(current);
    } else if (current !== undefined) {
      switch (event.type) {
        case 'worker-output':
          current.worker_id = event.workerId;
          current.worker_output = event.raw;
          break;
        case 'evaluator-score':
          current.evaluator_scores[event.evaluatorId] = event.score;
          break;
        case 'cost':
          current.cost_usd = Math.max(0, event.iterationUsd);
          break;
        case 'feedback':
          if (event.sent) (current.feedback ??= []).push(event.content);
          break;
        default:
          break;
      }
    }
  }
  return iterations;
}

function fromSteps(store: RunStore, episode: StoredEpisode, startMs: number): LoopTraceIteration[] {
  const calls = store.modelCalls(episode.id);
  let clock = startMs;
  return store.steps(episode.id).map((step) => {
    const stepCalls = calls.filter((call) => call.step === step.index);
    clock += stepCalls.reduce((sum, call) => sum + call.latencySeconds * 1000, 0);
    const answer = stepCalls.at(-1)?.response;
    return {
      iteration: step.index,
      timestamp: new Date(clock).toISOString(),
      worker_id: stepCalls.length > 0 ? 'agent' : 'policy',
      worker_output: answer ?? JSON.stringify(step.action) ?? 'null',
      evaluator_scores: { reward: step.reward },
      cost_usd: stepCalls.reduce((sum, call) => sum + call.costUsd, 0),
    };
  });
}

function metadataOf(run: StoredRun, episode: StoredEpisode): Record<string, unknown> {
  return {
    runtime: 'loopgym',
    run_id: run.id,
    episode_index: episode.index,
    env_id: run.envId,
    seed: episode.seed,
    task_id: episode.taskId,
    return: episode.return,
    backend: run.backend,
    model: run.model,
  };
}
