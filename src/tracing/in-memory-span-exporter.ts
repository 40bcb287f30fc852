// Keeps finished spans in memory (tests, and the viewer's own checks).
import type { FinishedSpan, SpanExporter } from './finished-span.js';

/**
 * An exporter that keeps every span it is given, in the order they ended.
 *
 * @example
 * ```ts
 * const memory = new InMemorySpanExporter();
 * const provider = new RecordingTracerProvider({ exporters: [memory] });
 * // … run, then await provider.forceFlush();
 * const iterations = memory.spans.filter((span) => span.name === 'loop.iteration');
 * ```
 */
export class InMemorySpanExporter implements SpanExporter {
  readonly spans: FinishedSpan[] = [];

  export(spans: readonly FinishedSpan[]): Promise<void> {
    this.spans.push(...spans);
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  /** Forgets the spans kept so far. */
  reset(): void {
    this.spans.length = 0;
  }
}
