// Writes spans to a file: one OTLP/JSON export request per line, as the OpenTelemetry collector's file exporter does.
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Attributes } from '@opentelemetry/api';
import type { FinishedSpan, SpanExporter } from './finished-span.js';
import { toOtlpTraceRequest } from './otlp-json.js';

/**
 * Appends each batch of spans to a file as one line of OTLP/JSON (`{"resourceSpans": …}`). The file is emptied when
 * the first batch is written, so one tracing session makes one file. Any OTLP tool reads it (the collector's
 * `otlpjsonfile` receiver, `jq '.resourceSpans[].scopeSpans[].spans[].name'`).
 *
 * @example
 * ```ts
 * const provider = new RecordingTracerProvider({ exporters: [new JsonFileSpanExporter('traces.jsonl')] });
 * ```
 */
export class JsonFileSpanExporter implements SpanExporter {
  /** The file (absolute). */
  readonly path: string;
  private readonly resource: Attributes;
  private started = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(path: string, resource: Attributes = { 'service.name': 'loopgym' }) {
    this.path = resolve(path);
    this.resource = resource;
  }

  export(spans: readonly FinishedSpan[]): Promise<void> {
    if (spans.length === 0) return this.chain;
    const line = JSON.stringify(toOtlpTraceRequest(spans, this.resource)) + '\n';
    // Batches are written one after the other, in the order they were given.
    const written = this.chain.then(async () => {
      if (!this.started) {
        await mkdir(dirname(this.path), { recursive: true });
        await writeFile(this.path, '');
        this.started = true;
      }
      await appendFile(this.path, line);
    });
    // A failed write is reported to its caller; the next batch still gets its turn.
    this.chain = written.catch(() => undefined);
    return written;
  }

  shutdown(): Promise<void> {
    return this.chain;
  }
}
