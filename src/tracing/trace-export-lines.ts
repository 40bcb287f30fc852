// A run's episodes as trace documents, one JSON line each (what `loopgym export --format ltf|loop-trace|otlp` writes).
import type { RunStore } from '../store/run-store.js';
import { toLoopTraceDocument } from './loop-trace-document.js';
import { toLtfDocument } from './ltf-document.js';
import { toOtlpTraceRequest } from './otlp-json.js';
import { storedEpisodeSpans } from './stored-episode-spans.js';

/** The trace formats a run exports to. */
export type TraceExportFormat = 'ltf' | 'loop-trace' | 'otlp';

/**
 * One JSON line per episode of a run: an LTF 0.1 document (`ltf`), a Loop Trace 1.0 document (`loop-trace`), or the
 * episode's spans as an OTLP/JSON export request (`otlp`, which `otlpjsonfile` receivers and collectors read).
 * Episodes are read one at a time.
 *
 * @example
 * ```ts
 * for (const line of traceExportLines(store, runId, 'ltf')) process.stdout.write(line);
 * ```
 */
export function* traceExportLines(
  store: RunStore,
  runId: string,
  format: TraceExportFormat,
): Generator<string, void, undefined> {
  for (const episode of store.episodes(runId)) {
    let document: unknown;
    if (format === 'ltf') document = toLtfDocument(store, runId, episode.index);
    else if (format === 'loop-trace') document = toLoopTraceDocument(store, runId, episode.index);
    else
      document = toOtlpTraceRequest(storedEpisodeSpans(store, runId, episode.index).spans, {
        'service.name': 'loopgym',
      });
    yield JSON.stringify(document) + '\n';
  }
}
