// A small tracer provider: spans are recorded in memory and handed, in batches, to exporters (OTLP, a file, memory).
import { randomBytes } from 'node:crypto';
import {
  context as contextApi,
  SpanKind,
  trace,
  type Context,
  type Span,
  type SpanOptions,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';
import type { FinishedSpan, SpanExporter } from './finished-span.js';
import { RecordingSpan } from './recording-span.js';

/** Options of {@link RecordingTracerProvider}. */
export interface RecordingTracerProviderOptions {
  /** Where finished spans go. */
  exporters: readonly SpanExporter[];
  /** Finished spans kept before an export is started without waiting for `forceFlush` (default 512). */
  batchSize?: number | undefined;
  /** Makes ids (tests pass a counter); default random bytes. */
  idGenerator?: ((bytes: 8 | 16) => string) | undefined;
}

/**
 * An OpenTelemetry tracer provider that records spans and exports them in batches: no SDK needed. Register it with
 * `trace.setGlobalTracerProvider(provider)` (or give its tracer to LoopGym directly), call `forceFlush()` to send
 * what has ended, and `shutdown()` at the end.
 *
 * @example
 * ```ts
 * const memory = new InMemorySpanExporter();
 * const provider = new RecordingTracerProvider({ exporters: [memory] });
 * provider.getTracer('demo').startSpan('work').end();
 * await provider.forceFlush(); // memory.spans has one span
 * ```
 */
export class RecordingTracerProvider implements TracerProvider {
  private readonly exporters: readonly SpanExporter[];
  private readonly batchSize: number;
  private readonly idGenerator: (bytes: 8 | 16) => string;
  private queue: FinishedSpan[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly failures: unknown[] = [];
  private closed = false;

  constructor(options: RecordingTracerProviderOptions) {
    this.exporters = options.exporters;
    this.batchSize = options.batchSize ?? 512;
    this.idGenerator = options.idGenerator ?? ((bytes) => randomBytes(bytes).toString('hex'));
  }

  getTracer(name: string, version?: string): Tracer {
    return new RecordingTracer(this, { name, version });
  }

  /** @internal Makes a span for a tracer of this provider. */
  createSpan(
    name: string,
    options: SpanOptions,
    parentContext: Context,
    scope: { name: string; version: string | undefined },
  ): Span {
    const parent = options.root === true ? undefined : trace.getSpanContext(parentContext);
    if (this.closed)
      return trace.wrapSpanContext({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 0 });
    return new RecordingSpan({
      traceId: parent?.traceId ?? this.idGenerator(16),
      spanId: this.idGenerator(8),
      parentSpanId: parent?.spanId,
      name,
      kind: options.kind ?? SpanKind.INTERNAL,
      startTime: options.startTime,
      attributes: options.attributes,
      scope,
      onEnd: (span) => this.finished(span),
    });
  }

  /**
   * Exports every span that has ended and waits for every export in flight. Rejects with the first export error
   * since the last flush (a collector that cannot be reached, a file that cannot be written).
   *
   * @example
   * ```ts
   * await provider.forceFlush();
   * ```
   */
  async forceFlush(): Promise<void> {
    this.startExport();
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    const failure = this.failures.shift();
    this.failures.length = 0;
    if (failure !== undefined) throw failure instanceof Error ? failure : new Error(JSON.stringify(failure));
  }

  /**
   * Flushes, then shuts every exporter down; spans started afterwards are not recorded.
   *
   * @example
   * ```ts
   * await provider.shutdown();
   * ```
   */
  async shutdown(): Promise<void> {
    if (this.closed) return;
    try {
      await this.forceFlush();
    } finally {
      this.closed = true;
      await Promise.all(this.exporters.map((exporter) => exporter.shutdown()));
    }
  }

  private finished(span: FinishedSpan): void {
    this.queue.push(span);
    if (this.queue.length >= this.batchSize) this.startExport();
  }

  private startExport(): void {
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    for (const exporter of this.exporters) {
      const exported = exporter
        .export(batch)
        .catch((error: unknown) => {
          this.failures.push(error);
        })
        .finally(() => this.pending.delete(exported));
      this.pending.add(exported);
    }
  }
}

/** The tracer of a {@link RecordingTracerProvider}. */
class RecordingTracer implements Tracer {
  private readonly provider: RecordingTracerProvider;
  private readonly scope: { name: string; version: string | undefined };

  constructor(provider: RecordingTracerProvider, scope: { name: string; version: string | undefined }) {
    this.provider = provider;
    this.scope = scope;
  }

  startSpan(name: string, options: SpanOptions = {}, parentContext?: Context): Span {
    return this.provider.createSpan(name, options, parentContext ?? contextApi.active(), this.scope);
  }

  startActiveSpan<F extends (span: Span) => unknown>(name: string, fn: F): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    options: SpanOptions,
    fn: F,
  ): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    options: SpanOptions,
    parentContext: Context,
    fn: F,
  ): ReturnType<F>;
  startActiveSpan<F extends (span: Span) => unknown>(
    name: string,
    second: SpanOptions | F,
    third?: Context | F,
    fourth?: F,
  ): ReturnType<F> {
    const options = typeof second === 'function' ? {} : second;
    const parentContext = typeof third === 'object' ? third : contextApi.active();
    const fn = (typeof second === 'function' ? second : typeof third === 'function' ? third : fourth)!;
    const span = this.startSpan(name, options, parentContext);
    return contextApi.with(trace.setSpan(parentContext, span), () => fn(span)) as ReturnType<F>;
  }
}
