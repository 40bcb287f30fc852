// Listens to the loop engine's events and turns them into OpenTelemetry spans, without touching the engine.
import { context as contextApi, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import type { LoopEvent } from '../loop/events/loop-event.js';
import { EpisodeTraceBuilder } from './episode-trace-builder.js';

/** The instrumentation scope LoopGym's spans are made under. */
export const LOOPGYM_TRACER_NAME = 'loopgym';

/** What a run span records (the store's run, when there is one). */
export interface TracedRun {
  id?: string | undefined;
  kind?: string | undefined;
  envId?: string | undefined;
  agent?: string | undefined;
  model?: string | undefined;
  backend?: string | undefined;
}

/** Options of {@link createLoopTraceListener}. */
export interface LoopTraceListenerOptions {
  /** The tracer; default `trace.getTracer('loopgym')` of the globally registered provider (a no-op when none is). */
  tracer?: Tracer | undefined;
  /** Opens a `loopgym.run` span around every episode, with these facts. */
  run?: TracedRun | undefined;
  /** The environment id recorded on episode spans (default: the run's). */
  envId?: string | undefined;
  /** Records prompts and answers on model-call spans (default false). */
  captureContent?: boolean | undefined;
  /** Milliseconds since the epoch now (tests). */
  now?: (() => number) | undefined;
}

/** A listener of loop events that makes spans; give `onEvent` to `make(…, { onEvent })`, call `end` when done. */
export interface LoopTraceListener {
  /** Receives the engine's events (any number of episodes, interleaved or not). */
  readonly onEvent: (event: LoopEvent) => void;
  /** The run span, when `run` was given. */
  readonly runSpan: Span | undefined;
  /** Ends episodes still open (cut short) and the run span. */
  end(status?: 'completed' | 'failed' | 'interrupted'): void;
}

/**
 * A listener that turns loop events into spans: one `loop.run` span per episode (anchored at the wall-clock time
 * its `episode-start` arrived, then timed on the episode's clock), its iterations, workers, model calls (GenAI
 * conventions), tool calls and evaluators, under an optional `loopgym.run` span. Nothing happens unless it is
 * attached: tracing is off by default. With no tracer provider registered, spans do not record and each episode is
 * dropped at its start.
 *
 * @example
 * ```ts
 * const tracing = await startTracing({ file: 'traces.jsonl' });
 * const listener = createLoopTraceListener({ run: { envId: 'loopbench/code-repair-v1' } });
 * const env = make('loopbench/code-repair-v1', { backend: 'sim', onEvent: listener.onEvent });
 * // … run episodes …
 * listener.end();
 * await tracing.shutdown();
 * ```
 */
export function createLoopTraceListener(options: LoopTraceListenerOptions = {}): LoopTraceListener {
  const tracer = options.tracer ?? trace.getTracer(LOOPGYM_TRACER_NAME);
  const now = options.now ?? Date.now;
  const run = options.run;
  let runSpan: Span | undefined;
  let parent: Context | undefined;
  if (run !== undefined) {
    runSpan = tracer.startSpan('loopgym.run', {
      startTime: now(),
      attributes: {
        ...(run.id === undefined ? {} : { 'loopgym.run.id': run.id }),
        ...(run.kind === undefined ? {} : { 'loopgym.run.kind': run.kind }),
        ...(run.envId === undefined ? {} : { 'loop.env_id': run.envId }),
        ...(run.agent === undefined ? {} : { 'loopgym.agent': run.agent }),
        ...(run.model === undefined ? {} : { 'gen_ai.request.model': run.model }),
        ...(run.backend === undefined ? {} : { 'loop.backend': run.backend }),
      },
    });
    parent = trace.setSpan(contextApi.active(), runSpan);
  }
  const episodes = new Map<string, EpisodeTraceBuilder>();
  let episodeIndex = 0;
  const onEvent = (event: LoopEvent): void => {
    let builder = episodes.get(event.episodeId);
    if (builder === undefined) {
      if (event.type !== 'episode-start') return;
      builder = new EpisodeTraceBuilder({
        tracer,
        parent,
        startMs: now() - event.time * 1000,
        captureContent: options.captureContent,
        envId: options.envId ?? run?.envId,
        episodeIndex: run === undefined ? undefined : episodeIndex++,
      });
      episodes.set(event.episodeId, builder);
    }
    builder.add(event);
    if (builder.done) episodes.delete(event.episodeId);
  };
  return {
    onEvent,
    runSpan,
    end(status = 'completed') {
      for (const builder of episodes.values()) builder.abandon('not-finished');
      episodes.clear();
      if (runSpan !== undefined) {
        runSpan.setAttribute('loopgym.run.status', status);
        runSpan.end(now());
      }
    },
  };
}
