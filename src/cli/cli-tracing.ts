// Tracing for CLI commands that run loops: on when an OpenTelemetry or trace-file variable asks for it, else free.
import type { LoopEvent } from '../loop/events/loop-event.js';
import { createLoopTraceListener } from '../tracing/loop-trace-listener.js';
import { tracingFromEnvironment } from '../tracing/start-tracing.js';

/** What a command passes to its loop environments, and how it ends the traces. */
export interface CliTracing {
  /** The environment option `onEvent` (undefined when tracing is off). */
  onEvent: ((event: LoopEvent) => void) | undefined;
  /** Where the spans go, in words (empty when off). */
  destinations: readonly string[];
  /** Ends the run's spans and sends what is left. */
  close(): Promise<void>;
}

/**
 * Starts tracing for a command when `OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or
 * `LOOPGYM_TRACE_FILE` is set (and `OTEL_SDK_DISABLED` is not `true`); otherwise returns a no-op.
 *
 * @example
 * ```ts
 * const tracing = startCliTracing({ envId: id, backend: 'sim' });
 * const env = make(id, { backend: 'sim', onEvent: tracing.onEvent });
 * // … run …
 * await tracing.close();
 * ```
 */
export function startCliTracing(
  run: { envId: string; backend?: string | undefined },
  environment: Readonly<Record<string, string | undefined>> = process.env,
): CliTracing {
  const session = tracingFromEnvironment(environment);
  if (session === undefined) return { onEvent: undefined, destinations: [], close: async () => {} };
  const listener = createLoopTraceListener({
    tracer: session.tracer,
    run: { envId: run.envId, ...(run.backend === undefined ? {} : { backend: run.backend }) },
  });
  return {
    onEvent: listener.onEvent,
    destinations: session.destinations,
    close: async () => {
      listener.end();
      await session.shutdown();
    },
  };
}
