// Sends spans to an OpenTelemetry collector over OTLP/HTTP with JSON bodies.
import type { Attributes } from '@opentelemetry/api';
import { LoopGymError } from '../core/errors.js';
import type { FinishedSpan, SpanExporter } from './finished-span.js';
import { toOtlpTraceRequest } from './otlp-json.js';

/** Options of {@link OtlpHttpSpanExporter}. */
export interface OtlpHttpSpanExporterOptions {
  /**
   * The collector: a base URL (`http://localhost:4318`, to which `/v1/traces` is added) or the full traces URL
   * (ending in `/v1/traces`).
   */
  endpoint: string;
  /** Extra request headers (an API key of a hosted collector). */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Resource attributes; default `{ 'service.name': 'loopgym' }`. */
  resource?: Attributes | undefined;
  /** Seconds before a request is given up (default 10). */
  timeoutSeconds?: number | undefined;
  /** The fetch to use (tests). */
  fetch?: typeof fetch | undefined;
}

/**
 * Exports spans to a collector with `POST <endpoint>/v1/traces` and an OTLP/JSON body. A collector that answers
 * with an error status, or cannot be reached, makes the export reject with a message saying which.
 *
 * @example
 * ```ts
 * const exporter = new OtlpHttpSpanExporter({ endpoint: 'http://localhost:4318' });
 * const provider = new RecordingTracerProvider({ exporters: [exporter] });
 * ```
 */
export class OtlpHttpSpanExporter implements SpanExporter {
  /** The URL spans are posted to. */
  readonly url: string;
  private readonly options: OtlpHttpSpanExporterOptions;

  constructor(options: OtlpHttpSpanExporterOptions) {
    this.options = options;
    this.url = tracesUrl(options.endpoint);
  }

  async export(spans: readonly FinishedSpan[]): Promise<void> {
    if (spans.length === 0) return;
    const body = JSON.stringify(
      toOtlpTraceRequest(spans, this.options.resource ?? { 'service.name': 'loopgym' }),
    );
    const send = this.options.fetch ?? fetch;
    let response: Response;
    try {
      response = await send(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.options.headers },
        body,
        signal: AbortSignal.timeout((this.options.timeoutSeconds ?? 10) * 1000),
      });
    } catch (error) {
      throw new LoopGymError(
        `Could not send ${spans.length} spans to the OpenTelemetry collector at ${this.url}: ${(error as Error).message}. ` +
          'Check that the collector runs and OTEL_EXPORTER_OTLP_ENDPOINT (or the endpoint option) points at it.',
        { cause: error, code: 'otlp-export-failed' },
      );
    }
    if (!response.ok) {
      const text = (await response.text()).slice(0, 300);
      throw new LoopGymError(
        `The OpenTelemetry collector at ${this.url} refused ${spans.length} spans with HTTP ${response.status}: ${text}`,
        { code: 'otlp-export-failed' },
      );
    }
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * The traces URL of an OTLP endpoint: a base URL gets `/v1/traces`, a URL already ending in it is kept.
 *
 * @example
 * ```ts
 * tracesUrl('http://localhost:4318'); // 'http://localhost:4318/v1/traces'
 * ```
 */
export function tracesUrl(endpoint: string): string {
  const trimmed = endpoint.replace(/\/+$/, '');
  return trimmed.endsWith('/v1/traces') ? trimmed : `${trimmed}/v1/traces`;
}
