// The spans of one stored episode, in memory, with ids that follow from the run and the episode.
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { StoreError } from '../store/store-error.js';
import type { StoredEpisode, StoredRun } from '../store/run-records.js';
import type { RunStore } from '../store/run-store.js';
import { deterministicIds } from './deterministic-ids.js';
import type { FinishedSpan } from './finished-span.js';
import { InMemorySpanExporter } from './in-memory-span-exporter.js';
import { LOOPGYM_TRACER_NAME } from './loop-trace-listener.js';
import { RecordingTracerProvider } from './recording-tracer-provider.js';
import { traceStoredEpisode } from './trace-stored-run.js';

/** A stored episode with its run and its spans (by start time, parents first: the episode's own span leads). */
export interface StoredEpisodeSpans {
  run: StoredRun;
  episode: StoredEpisode;
  spans: FinishedSpan[];
}

/**
 * The spans of episode `episodeIndex` of a run (id or unique prefix), made as {@link traceStoredRun} makes them but
 * kept in memory, with ids derived from the run id and the index (the same episode always gives the same ids).
 * Throws a {@link StoreError} when the run has no such episode.
 *
 * @example
 * ```ts
 * const { spans } = storedEpisodeSpans(store, '04cd', 0);
 * ```
 */
export function storedEpisodeSpans(store: RunStore, runId: string, episodeIndex: number): StoredEpisodeSpans {
  const run = store.getRun(runId);
  const episodes = store.episodes(run.id);
  const episode = episodes.find((candidate) => candidate.index === episodeIndex);
  if (episode === undefined) {
    throw new StoreError(
      `Run ${run.id} has no episode ${episodeIndex}; its episodes are ` +
        (episodes.length === 0 ? 'none yet' : `${episodes[0]!.index}..${episodes.at(-1)!.index}`) +
        '. Pick one with --episode.',
      { code: 'episode-not-found' },
    );
  }
  const memory = new InMemorySpanExporter();
  const provider = new RecordingTracerProvider({
    exporters: [memory],
    idGenerator: deterministicIds(`${run.id}/${episode.index}`),
    batchSize: Number.MAX_SAFE_INTEGER,
  });
  traceStoredEpisode(store, episode, {
    tracer: provider.getTracer(LOOPGYM_TRACER_NAME),
    parent: ROOT_CONTEXT,
    envId: run.envId,
    defaultStartMs: Date.parse(run.startedAt),
  });
  void provider.forceFlush();
  // By start time, a parent before its children when they start together.
  const byId = new Map(memory.spans.map((span) => [span.spanId, span]));
  const depth = (span: FinishedSpan): number => {
    let count = 0;
    for (let at = span.parentSpanId; at !== undefined; at = byId.get(at)?.parentSpanId) count += 1;
    return count;
  };
  const spans = [...memory.spans].sort(
    (a, b) => Number(a.startTimeUnixNano - b.startTimeUnixNano) || depth(a) - depth(b),
  );
  return { run, episode, spans };
}
