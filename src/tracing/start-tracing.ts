// Turns tracing on: a recording tracer provider with an OTLP/HTTP exporter, a JSON file exporter, or both.
import { trace, type Attributes, type Tracer } from '@opentelemetry/api';
import { InvalidArgumentError } from '../core/errors.js';
import type { SpanExporter } from './finished-span.js';
import { JsonFileSpanExporter } from './json-file-span-exporter.js';
import { LOOPGYM_TRACER_NAME } from './loop-trace-listener.js';
import { OtlpHttpSpanExporter } from './otlp-http-span-exporter.js';
import { RecordingTracerProvider } from './recording-tracer-provider.js';

/** Options of {@link startTracing}. */
export interface StartTracingOptions {
  /** An OTLP/HTTP collector (`http://localhost:4318`); default `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, else `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  otlpEndpoint?: string | undefined;
  /** Request headers for the collector; default from `OTEL_EXPORTER_OTLP_HEADERS` (`key=value,key2=value2`). */
  headers?: Readonly<Record<string, string>> | undefined;
  /** A file to write spans to (OTLP/JSON lines); default `LOOPGYM_TRACE_FILE`. */
  file?: string | undefined;
  /** More exporters (an {@link InMemorySpanExporter} in tests). */
  exporters?: readonly SpanExporter[] | undefined;
  /** `service.name` of the resource; default `OTEL_SERVICE_NAME`, else `loopgym`. */
  serviceName?: string | undefined;
  /** Registers the provider as OpenTelemetry's global one (default true), so `trace.getTracer` finds it. */
  register?: boolean | undefined;
  /** Where the variables are read (default `process.env`). */
  environment?: Readonly<Record<string, string | undefined>> | undefined;
  /** Makes span ids (tests). */
  idGenerator?: ((bytes: 8 | 16) => string) | undefined;
}

/** Tracing turned on: its provider and tracer; flush to send what has ended, shut down at the end. */
export interface TracingSession {
  readonly provider: RecordingTracerProvider;
  readonly tracer: Tracer;
  /** Where spans go, in words (`OTLP http://…/v1/traces`, `file /…/traces.jsonl`). */
  readonly destinations: readonly string[];
  flush(): Promise<void>;
  /** Flushes, shuts the exporters down and unregisters the provider if it was registered. */
  shutdown(): Promise<void>;
}

/**
 * Starts tracing with the exporters the options (or the environment) name. Throws when there is nowhere to send
 * spans; use {@link tracingFromEnvironment} to trace only when a variable asks for it.
 *
 * @example
 * ```ts
 * const tracing = startTracing({ otlpEndpoint: 'http://localhost:4318', file: 'traces.jsonl' });
 * // … make environments with createLoopTraceListener().onEvent …
 * await tracing.shutdown();
 * ```
 */
export function startTracing(options: StartTracingOptions = {}): TracingSession {
  const environment = options.environment ?? process.env;
  const resource: Attributes = {
    'service.name': options.serviceName ?? nonEmpty(environment.OTEL_SERVICE_NAME) ?? 'loopgym',
  };
  const exporters: SpanExporter[] = [...(options.exporters ?? [])];
  const destinations: string[] = [];
  const endpoint =
    options.otlpEndpoint ??
    nonEmpty(environment.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) ??
    nonEmpty(environment.OTEL_EXPORTER_OTLP_ENDPOINT);
  if (endpoint !== undefined) {
    const exporter = new OtlpHttpSpanExporter({
      endpoint,
      headers: options.headers ?? parseHeaders(environment.OTEL_EXPORTER_OTLP_HEADERS),
      resource,
    });
    exporters.push(exporter);
    destinations.push(`OTLP ${exporter.url}`);
  }
  const file = options.file ?? nonEmpty(environment.LOOPGYM_TRACE_FILE);
  if (file !== undefined) {
    const exporter = new JsonFileSpanExporter(file, resource);
    exporters.push(exporter);
    destinations.push(`file ${exporter.path}`);
  }
  if (exporters.length === 0) {
    throw new InvalidArgumentError(
      'Tracing has nowhere to send spans: give otlpEndpoint or file (or set OTEL_EXPORTER_OTLP_ENDPOINT or LOOPGYM_TRACE_FILE).',
    );
  }
  const provider = new RecordingTracerProvider({ exporters, idGenerator: options.idGenerator });
  const registered = options.register !== false && trace.setGlobalTracerProvider(provider);
  return {
    provider,
    tracer: provider.getTracer(LOOPGYM_TRACER_NAME),
    destinations,
    flush: () => provider.forceFlush(),
    async shutdown() {
      try {
        await provider.shutdown();
      } finally {
        if (registered) trace.disable();
      }
    },
  };
}

/**
 * Tracing as the environment asks: started when `OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`
 * or `LOOPGYM_TRACE_FILE` is set (and `OTEL_SDK_DISABLED` is not `true`), else `undefined`: off, at no cost.
 *
 * @example
 * ```ts
 * const tracing = tracingFromEnvironment();
 * const onEvent = tracing === undefined ? undefined : createLoopTraceListener().onEvent;
 * ```
 */
export function tracingFromEnvironment(
  environment: Readonly<Record<string, string | undefined>> = process.env,
): TracingSession | undefined {
  if (environment.OTEL_SDK_DISABLED?.toLowerCase() === 'true') return undefined;
  const wanted =
    nonEmpty(environment.OTEL_EXPORTER_OTLP_ENDPOINT) ??
    nonEmpty(environment.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) ??
    nonEmpty(environment.LOOPGYM_TRACE_FILE);
  return wanted === undefined ? undefined : startTracing({ environment });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parseHeaders(text: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of (text ?? '').split(',')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) continue;
    headers[decodeURIComponent(pair.slice(0, equals).trim())] = decodeURIComponent(
      pair.slice(equals + 1).trim(),
    );
  }
  return headers;
}
