// Finished spans as OTLP/JSON (the JSON encoding of an ExportTraceServiceRequest), as collectors accept it.
import type { AnyValue, Attributes } from '@opentelemetry/api';
import type { FinishedSpan } from './finished-span.js';

/** An OTLP `AnyValue`. */
export type OtlpValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: OtlpValue[] } };

/** An OTLP key-value pair. */
export interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}

/** The OTLP/JSON body of a trace export (`POST /v1/traces`). */
export interface OtlpTraceRequest {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: {
      scope: { name: string; version?: string };
      spans: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        startTimeUnixNano: string;
        endTimeUnixNano: string;
        attributes: OtlpAttribute[];
        events: { name: string; timeUnixNano: string; attributes: OtlpAttribute[] }[];
        status: { code: number; message?: string };
      }[];
    }[];
  }[];
}

/**
 * The OTLP/JSON export request of some spans, grouped by instrumentation scope, under one resource (whose attributes
 * are given: `service.name` at least). Ids are hex, times decimal strings of nanoseconds, as OTLP/JSON asks.
 *
 * @example
 * ```ts
 * const body = toOtlpTraceRequest(memory.spans, { 'service.name': 'loopgym' });
 * await fetch('http://localhost:4318/v1/traces', { method: 'POST', body: JSON.stringify(body) });
 * ```
 */
export function toOtlpTraceRequest(spans: readonly FinishedSpan[], resource: Attributes): OtlpTraceRequest {
  const scopes = new Map<string, OtlpTraceRequest['resourceSpans'][number]['scopeSpans'][number]>();
  for (const span of spans) {
    const key = `${span.scope.name}@${span.scope.version ?? ''}`;
    let scope = scopes.get(key);
    if (scope === undefined) {
      scope = {
        scope:
          span.scope.version === undefined
            ? { name: span.scope.name }
            : { name: span.scope.name, version: span.scope.version },
        spans: [],
      };
      scopes.set(key, scope);
    }
    scope.spans.push({
      traceId: span.traceId,
      spanId: span.spanId,
      ...(span.parentSpanId === undefined ? {} : { parentSpanId: span.parentSpanId }),
      name: span.name,
      // OTLP numbers kinds from 1 (INTERNAL); the API from 0.
      kind: span.kind + 1,
      startTimeUnixNano: span.startTimeUnixNano.toString(),
      endTimeUnixNano: span.endTimeUnixNano.toString(),
      attributes: toOtlpAttributes(span.attributes),
      events: span.events.map((event) => ({
        name: event.name,
        timeUnixNano: event.timeUnixNano.toString(),
        attributes: toOtlpAttributes(event.attributes),
      })),
      status:
        span.status.message === undefined
          ? { code: span.status.code }
          : { code: span.status.code, message: span.status.message },
    });
  }
  return {
    resourceSpans: [
      { resource: { attributes: toOtlpAttributes(resource) }, scopeSpans: [...scopes.values()] },
    ],
  };
}

/**
 * OTLP key-values of span attributes (undefined values left out).
 *
 * @example
 * ```ts
 * toOtlpAttributes({ 'loop.iteration': 2 }); // [{ key: 'loop.iteration', value: { intValue: '2' } }]
 * ```
 */
export function toOtlpAttributes(attributes: Attributes): OtlpAttribute[] {
  const result: OtlpAttribute[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    result.push({ key, value: toOtlpValue(value) });
  }
  return result;
}

function toOtlpValue(value: AnyValue): OtlpValue {
  if (Array.isArray(value)) {
    return {
      arrayValue: {
        values: (value as readonly unknown[])
          .filter((item) => item !== null && item !== undefined)
          .map((item) => toOtlpValue(item)),
      },
    };
  }
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'bigint') return { intValue: value.toString() };
  if (typeof value === 'number')
    return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  // Anything else (an object) as its JSON text.
  return { stringValue: JSON.stringify(value) ?? String(value) };
}
