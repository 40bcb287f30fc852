// What a recorded span looks like once it has ended, and where finished spans go.
import type { Attributes, SpanKind, SpanStatus } from '@opentelemetry/api';

/** An event inside a span (a safety event, a feedback message, …), at a time in nanoseconds since the epoch. */
export interface FinishedSpanEvent {
  name: string;
  timeUnixNano: bigint;
  attributes: Attributes;
}

/**
 * A span that has ended, as {@link RecordingTracerProvider} hands it to its exporters. Ids are lowercase hex (32
 * characters for the trace, 16 for spans); times are nanoseconds since the Unix epoch.
 *
 * @example
 * ```ts
 * const exporter = new InMemorySpanExporter();
 * const names = exporter.spans.map((span: FinishedSpan) => span.name);
 * ```
 */
export interface FinishedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  kind: SpanKind;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  attributes: Attributes;
  events: FinishedSpanEvent[];
  status: SpanStatus;
  /** The instrumentation scope (tracer) that made the span. */
  scope: { name: string; version: string | undefined };
}

/**
 * Where finished spans go: a collector, a file, memory. `export` is called with batches; `shutdown` once at the end.
 *
 * @example
 * ```ts
 * const printer: SpanExporter = { export: async (spans) => console.log(spans.length), shutdown: async () => {} };
 * ```
 */
export interface SpanExporter {
  export(spans: readonly FinishedSpan[]): Promise<void>;
  shutdown(): Promise<void>;
}
