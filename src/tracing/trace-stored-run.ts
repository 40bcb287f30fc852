// Spans of a run read back from the store: the same spans a live listener makes, after the fact.
import {
  context as contextApi,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Tracer,
} from '@opentelemetry/api';
import type { StoredEpisode } from '../store/run-records.js';
import type { RunStore } from '../store/run-store.js';
import { EpisodeTraceBuilder } from './episode-trace-builder.js';
import { LOOPGYM_TRACER_NAME } from './loop-trace-listener.js';
import { modelCallSpan } from './model-call-attributes.js';

/** Options of {@link traceStoredRun}. */
export interface TraceStoredRunOptions {
  /** Default: `trace.getTracer('loopgym')` of the registered provider. */
  tracer?: Tracer | undefined;
  /** Records prompts and answers on model-call spans (default false). */
  captureContent?: boolean | undefined;
}

/**
 * Makes the spans of a stored run: a `loopgym.run` span, and per episode the spans its loop events describe
 * (`loop.run` and below, as {@link createLoopTraceListener} makes them live), or, for environments without loop
 * events, a `loopgym.episode` span with its model calls laid one after the other from the episode's start. Episodes
 * are placed at their recorded start time (the run's start when none was recorded). Returns the number of episodes.
 *
 * @example
 * ```ts
 * const tracing = startTracing({ file: 'run.jsonl' });
 * traceStoredRun(store, '04cd', { tracer: tracing.tracer });
 * await tracing.shutdown();
 * ```
 */
export function traceStoredRun(store: RunStore, runId: string, options: TraceStoredRunOptions = {}): number {
  const tracer = options.tracer ?? trace.getTracer(LOOPGYM_TRACER_NAME);
  const run = store.getRun(runId);
  const runStart = Date.parse(run.startedAt);
  const episodes = store.episodes(run.id);
  const runSpan = tracer.startSpan('loopgym.run', {
    startTime: runStart,
    attributes: {
      'loopgym.run.id': run.id,
      'loopgym.run.kind': run.kind,
      'loopgym.run.status': run.status,
      'loop.env_id': run.envId,
      ...(run.agent === null ? {} : { 'loopgym.agent': run.agent }),
      ...(run.model === null ? {} : { 'gen_ai.request.model': run.model }),
      ...(run.backend === null ? {} : { 'loop.backend': run.backend }),
    },
  });
  const parent = trace.setSpan(contextApi.active(), runSpan);
  let runEnd = runStart;
  for (const episode of episodes) {
    const end = traceStoredEpisode(store, episode, {
      tracer,
      parent,
      envId: run.envId,
      defaultStartMs: runStart,
      captureContent: options.captureContent,
    });
    runEnd = Math.max(runEnd, end);
  }
  runSpan.end(run.finishedAt === null ? runEnd : Math.max(runEnd, Date.parse(run.finishedAt)));
  return episodes.length;
}

/** Where {@link traceStoredEpisode} puts an episode's spans. */
export interface TraceStoredEpisodeOptions {
  tracer: Tracer;
  /** The context of the parent span (a run span); default the active context. */
  parent?: Context | undefined;
  envId: string;
  /** Where the episode starts when the store has no start time for it (milliseconds since the epoch). */
  defaultStartMs: number;
  captureContent?: boolean | undefined;
}

/**
 * Makes the spans of one stored episode (see {@link traceStoredRun}) and returns when it ended, in milliseconds since
 * the epoch.
 *
 * @example
 * ```ts
 * const end = traceStoredEpisode(store, store.episodes(runId)[0]!, { tracer, envId: 'FrozenLake-v1', defaultStartMs: Date.now() });
 * ```
 */
export function traceStoredEpisode(
  store: RunStore,
  episode: StoredEpisode,
  options: TraceStoredEpisodeOptions,
): number {
  const parent = options.parent ?? contextApi.active();
  const start = episode.startedAt === null ? options.defaultStartMs : Date.parse(episode.startedAt);
  const events = store.events(episode.id);
  if (events.length === 0) {
    return traceEpisodeWithoutEvents(store, episode, {
      tracer: options.tracer,
      parent,
      start,
      envId: options.envId,
      options,
    });
  }
  const builder = new EpisodeTraceBuilder({
    tracer: options.tracer,
    parent,
    startMs: start,
    captureContent: options.captureContent,
    envId: options.envId,
    episodeIndex: episode.index,
  });
  for (const event of events) builder.add(event);
  builder.abandon('not-finished');
  return start + (events.at(-1)?.time ?? 0) * 1000;
}

function traceEpisodeWithoutEvents(
  store: RunStore,
  episode: StoredEpisode,
  context: {
    tracer: Tracer;
    parent: Context;
    start: number;
    envId: string;
    options: { captureContent?: boolean | undefined };
  },
): number {
  const { tracer, parent, start } = context;
  const calls = store.modelCalls(episode.id);
  const span = tracer.startSpan(
    'loopgym.episode',
    {
      startTime: start,
      attributes: {
        'loop.env_id': context.envId,
        'loop.episode.index': episode.index,
        'loop.return': episode.return,
        'loop.steps': episode.length,
        'loop.cost_usd': episode.costUsd,
        ...(episode.seed === null ? {} : { 'loop.seed': episode.seed }),
        ...(episode.taskId === null ? {} : { 'loop.task_id': episode.taskId }),
        ...(episode.terminationReason === null
          ? {}
          : { 'loop.termination_reason': episode.terminationReason }),
      },
    },
    parent,
  );
  if (episode.error !== null) span.setStatus({ code: SpanStatusCode.ERROR, message: episode.error });
  const episodeContext = trace.setSpan(parent, span);
  const capture = context.options.captureContent ?? false;
  let cursor = start;
  for (const call of calls) {
    const { name, attributes } = modelCallSpan({
      modelId: call.modelId,
      answeredModelId: call.answeredModelId ?? undefined,
      usage: call.usage,
      costUsd: call.costUsd,
      cached: call.cached,
      error: call.error,
      messages: capture ? call.messages : undefined,
      response: capture ? call.response : undefined,
    });
    if (call.step !== null) attributes['loop.step'] = call.step;
    const callSpan = tracer.startSpan(
      name,
      { kind: SpanKind.CLIENT, startTime: cursor, attributes },
      episodeContext,
    );
    if (call.error !== null) callSpan.setStatus({ code: SpanStatusCode.ERROR, message: call.error });
    cursor += call.latencySeconds * 1000;
    callSpan.end(cursor);
  }
  const end = Math.max(
    cursor,
    episode.endedAt === null ? start + (episode.durationMs ?? 0) : Date.parse(episode.endedAt),
  );
  span.end(end);
  return end;
}
