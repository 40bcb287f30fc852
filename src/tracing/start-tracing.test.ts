import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { context, trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import type { OtlpTraceRequest } from './otlp-json.js';
import { startTracing, tracingFromEnvironment } from './start-tracing.js';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: OtlpTraceRequest;
}

/** An OTLP/HTTP receiver on a free port of 127.0.0.1 that keeps what it is sent. */
async function startReceiver(
  status = 200,
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpTraceRequest,
      });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(status === 200 ? '{}' : '{"error":"overloaded"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function counter(): (bytes: 8 | 16) => string {
  let next = 0;
  return (bytes) => (next++).toString(16).padStart(bytes * 2, '0');
}

afterEach(() => trace.disable());

describe('startTracing', () => {
  it('posts OTLP/JSON to the collector named by OTEL_EXPORTER_OTLP_ENDPOINT, with its headers', async () => {
    const receiver = await startReceiver();
    try {
      const tracing = startTracing({
        environment: {
          OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
          OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=secret%20one',
          OTEL_SERVICE_NAME: 'lab',
        },
        idGenerator: counter(),
      });
      expect(tracing.destinations).toEqual([`OTLP ${receiver.url}/v1/traces`]);
      // Registered globally: the API's tracer is ours.
      const tracer = trace.getTracer('loopgym');
      const parent = tracer.startSpan('loop.run', { startTime: Date.UTC(2026, 0, 1) });
      const child = tracer.startSpan(
        'chat coder',
        {
          startTime: Date.UTC(2026, 0, 1, 0, 0, 0, 500),
          attributes: {
            'gen_ai.usage.input_tokens': 12,
            'loop.cost_usd': 0.25,
            'loop.ok': true,
            'loop.codes': ['a'],
          },
        },
        trace.setSpan(context.active(), parent),
      );
      child.end(Date.UTC(2026, 0, 1, 0, 0, 1));
      parent.end(Date.UTC(2026, 0, 1, 0, 0, 2));
      await tracing.shutdown();
      expect(receiver.received).toHaveLength(1);
      const { path, headers, body } = receiver.received[0]!;
      expect(path).toBe('/v1/traces');
      expect(headers['content-type']).toBe('application/json');
      expect(headers['x-api-key']).toBe('secret one');
      const resource = body.resourceSpans[0]!;
      expect(resource.resource.attributes).toEqual([{ key: 'service.name', value: { stringValue: 'lab' } }]);
      const spans = resource.scopeSpans[0]!.spans;
      expect(resource.scopeSpans[0]!.scope).toEqual({ name: 'loopgym' });
      const [first, second] = spans;
      expect(first).toMatchObject({
        name: 'chat coder',
        traceId: '00000000000000000000000000000000',
        parentSpanId: second!.spanId,
        kind: 1,
        startTimeUnixNano: '1767225600500000000',
        endTimeUnixNano: '1767225601000000000',
        attributes: [
          { key: 'gen_ai.usage.input_tokens', value: { intValue: '12' } },
          { key: 'loop.cost_usd', value: { doubleValue: 0.25 } },
          { key: 'loop.ok', value: { boolValue: true } },
          { key: 'loop.codes', value: { arrayValue: { values: [{ stringValue: 'a' }] } } },
        ],
      });
      expect(second).toMatchObject({ name: 'loop.run', startTimeUnixNano: '1767225600000000000' });
      expect(second!.spanId).toMatch(/^[0-9a-f]{16}$/);
    } finally {
      await receiver.close();
    }
  });

  it('says which collector refused the spans and why', async () => {
    const receiver = await startReceiver(503);
    try {
      const tracing = startTracing({ otlpEndpoint: `${receiver.url}/v1/traces`, register: false });
      tracing.tracer.startSpan('loop.run').end();
      await expect(tracing.flush()).rejects.toThrow(
        `The OpenTelemetry collector at ${receiver.url}/v1/traces refused 1 spans with HTTP 503: {"error":"overloaded"}`,
      );
      await tracing.shutdown();
    } finally {
      await receiver.close();
    }
  });

  it('writes OTLP/JSON lines to a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'loopgym-trace-')), 'nested', 'traces.jsonl');
    const tracing = startTracing({ environment: { LOOPGYM_TRACE_FILE: file }, register: false });
    tracing.tracer.startSpan('one').end();
    await tracing.flush();
    tracing.tracer.startSpan('two').end();
    await tracing.shutdown();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(
      lines.map(
        (line) => (JSON.parse(line) as OtlpTraceRequest).resourceSpans[0]!.scopeSpans[0]!.spans[0]!.name,
      ),
    ).toEqual(['one', 'two']);
  });

  it('is off unless a variable asks for it, and refuses to start with nowhere to send spans', () => {
    expect(tracingFromEnvironment({})).toBeUndefined();
    expect(
      tracingFromEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x:4318', OTEL_SDK_DISABLED: 'true' }),
    ).toBeUndefined();
    expect(() => startTracing({ environment: {} })).toThrow(/nowhere to send spans/);
  });
});
