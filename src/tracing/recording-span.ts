// A span that records what is set on it and hands itself to its tracer provider when it ends.
import {
  SpanStatusCode,
  TraceFlags,
  type Exception,
  type Link,
  type Span,
  type Attributes,
  type AnyValue,
  type SpanContext,
  type SpanKind,
  type SpanStatus,
  type TimeInput,
} from '@opentelemetry/api';
import type { FinishedSpan, FinishedSpanEvent } from './finished-span.js';
import { nowUnixNanoseconds, toUnixNanoseconds } from './time-input.js';

/** What a {@link RecordingSpan} is made from. */
export interface RecordingSpanInit {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  kind: SpanKind;
  startTime: TimeInput | undefined;
  attributes: Attributes | undefined;
  scope: { name: string; version: string | undefined };
  onEnd: (span: FinishedSpan) => void;
}

/**
 * A recording span of {@link RecordingTracerProvider}: attributes, events and status are kept until `end`, which
 * hands the finished span to the provider (a second `end` is ignored, as OpenTelemetry asks).
 *
 * @example
 * ```ts
 * const span = provider.getTracer('loopgym').startSpan('loop.iteration', { startTime: Date.now() });
 * span.setAttribute('loop.iteration', 1).end();
 * ```
 */
export class RecordingSpan implements Span {
  private name: string;
  private readonly init: RecordingSpanInit;
  private readonly startTimeUnixNano: bigint;
  private readonly attributes: Attributes = {};
  private readonly events: FinishedSpanEvent[] = [];
  private status: SpanStatus = { code: SpanStatusCode.UNSET };
  private ended = false;

  constructor(init: RecordingSpanInit) {
    this.init = init;
    this.name = init.name;
    this.startTimeUnixNano =
      init.startTime === undefined ? nowUnixNanoseconds() : toUnixNanoseconds(init.startTime);
    if (init.attributes !== undefined) this.setAttributes(init.attributes);
  }

  spanContext(): SpanContext {
    return { traceId: this.init.traceId, spanId: this.init.spanId, traceFlags: TraceFlags.SAMPLED };
  }

  setAttribute(key: string, value: AnyValue): this {
    if (!this.ended && value !== undefined) this.attributes[key] = value;
    return this;
  }

  setAttributes(attributes: Attributes): this {
    for (const [key, value] of Object.entries(attributes)) this.setAttribute(key, value);
    return this;
  }

  addEvent(name: string, attributesOrTime?: Attributes | TimeInput, time?: TimeInput): this {
    if (this.ended) return this;
    const attributesGiven =
      attributesOrTime !== undefined &&
      typeof attributesOrTime === 'object' &&
      !Array.isArray(attributesOrTime) &&
      !(attributesOrTime instanceof Date);
    const at = attributesGiven ? time : attributesOrTime;
    this.events.push({
      name,
      timeUnixNano: at === undefined ? nowUnixNanoseconds() : toUnixNanoseconds(at),
      attributes: attributesGiven ? { ...attributesOrTime } : {},
    });
    return this;
  }

  addLink(_link: Link): this {
    return this;
  }

  addLinks(_links: Link[]): this {
    return this;
  }

  setStatus(status: SpanStatus): this {
    if (!this.ended) this.status = { ...status };
    return this;
  }

  updateName(name: string): this {
    if (!this.ended) this.name = name;
    return this;
  }

  end(endTime?: TimeInput): void {
    if (this.ended) return;
    this.ended = true;
    const end = endTime === undefined ? nowUnixNanoseconds() : toUnixNanoseconds(endTime);
    this.init.onEnd({
      traceId: this.init.traceId,
      spanId: this.init.spanId,
      parentSpanId: this.init.parentSpanId,
      name: this.name,
      kind: this.init.kind,
      startTimeUnixNano: this.startTimeUnixNano,
      endTimeUnixNano: end < this.startTimeUnixNano ? this.startTimeUnixNano : end,
      attributes: this.attributes,
      events: this.events,
      status: this.status,
      scope: this.init.scope,
    });
  }

  isRecording(): boolean {
    return !this.ended;
  }

  recordException(exception: Exception, time?: TimeInput): void {
    const attributes: Attributes =
      typeof exception === 'string'
        ? { 'exception.message': exception }
        : {
            'exception.type': exception.name ?? String(exception.code ?? 'Error'),
            'exception.message': exception.message ?? '',
          };
    this.addEvent('exception', attributes, time);
  }
}
