import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openRunStore, type RunStore } from '../store/run-store.js';
import { fillRunStore, HOSTILE_OUTPUT, type FilledRuns } from '../viewer/__fixtures__/fill-run-store.js';
import { InMemorySpanExporter } from './in-memory-span-exporter.js';
import { toLoopTraceDocument } from './loop-trace-document.js';
import { toLtfDocument } from './ltf-document.js';
import { RecordingTracerProvider } from './recording-tracer-provider.js';
import { validateTraceDocument } from './trace-schemas.js';
import { traceStoredRun } from './trace-stored-run.js';

let store: RunStore;
let runs: FilledRuns;

beforeAll(async () => {
  store = openRunStore(':memory:');
  runs = await fillRunStore(store);
}, 60_000);

describe('LTF 0.1 documents', () => {
  it('exports a loop episode that validates against the LTF schema, with its iterations, workers and evaluators', () => {
    const document = toLtfDocument(store, runs.loop, 0);
    expect(validateTraceDocument('ltf', document)).toEqual([]);
    expect(document.trace_id).toMatch(/^ltf-/);
    expect(document.spans[0]!).toMatchObject({ kind: 'loop', parent_span_id: null });
    const kinds = new Set(document.spans.map((span) => span.kind));
    expect(kinds).toEqual(new Set(['loop', 'iteration', 'worker', 'evaluator']));
    // Model calls fold into their worker as events, with their token usage.
    const worker = document.spans.find((span) => span.kind === 'worker')!;
    expect(
      worker.events.some(
        (event) =>
          event.name.startsWith('chat ') && typeof event.attributes['gen_ai.usage.input_tokens'] === 'number',
      ),
    ).toBe(true);
    // Every parent is a span of the document.
    const ids = new Set(document.spans.map((span) => span.span_id));
    for (const span of document.spans.slice(1)) expect(ids.has(span.parent_span_id!)).toBe(true);
    // The same episode gives the same document.
    expect(toLtfDocument(store, runs.loop, 0)).toEqual(document);
  });

  it('exports an episode of a classic environment played by a model, and catches a broken document', () => {
    const document = toLtfDocument(store, runs.lakeLlm, 1);
    expect(validateTraceDocument('ltf', document)).toEqual([]);
    expect(document.outcome).toBe('success');
    expect(document.spans.filter((span) => span.kind === 'worker')).toHaveLength(6);
    expect(validateTraceDocument('ltf', { ...document, spans: [] })).toEqual([
      '/spans: must NOT have fewer than 1 items',
    ]);
    expect(() => toLtfDocument(store, runs.lakeLlm, 99)).toThrow(/has no episode 99; its episodes are 0..2/);
  });
});

describe('Loop Trace 1.0 documents', () => {
  it('accepts the standard’s own example', () => {
    const example = JSON.parse(
      readFileSync(new URL('./__fixtures__/minimal-loop-trace.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(validateTraceDocument('loopTrace', example)).toEqual([]);
    expect(validateTraceDocument('loopTrace', { trace_version: '2.0' })).not.toEqual([]);
  });

  it('exports loop iterations with the worker’s output, scores and cost', () => {
    const document = toLoopTraceDocument(store, runs.loopHostile, 0);
    expect(validateTraceDocument('loopTrace', document)).toEqual([]);
    expect(document.iterations[0]).toMatchObject({
      iteration: 0,
      worker_output: HOSTILE_OUTPUT,
      evaluator_scores: { test_runner: expect.any(Number) },
    });
  });

  it('exports the steps of a classic environment as iterations scored by reward', () => {
    const document = toLoopTraceDocument(store, runs.lakeLlm, 0);
    expect(validateTraceDocument('loopTrace', document)).toEqual([]);
    expect(document.success).toBe(true);
    expect(document.iterations.map((iteration) => iteration.worker_output)).toContain(
      '<action>down</action>',
    );
    expect(document.iterations.at(-1)!.evaluator_scores).toEqual({ reward: 1 });
  });
});

describe('traceStoredRun', () => {
  it('makes the spans of every episode of a stored run under one run span', async () => {
    const memory = new InMemorySpanExporter();
    const provider = new RecordingTracerProvider({ exporters: [memory] });
    expect(traceStoredRun(store, runs.lakeLlm, { tracer: provider.getTracer('loopgym') })).toBe(3);
    await provider.forceFlush();
    const run = memory.spans.find((span) => span.name === 'loopgym.run')!;
    const episodes = memory.spans.filter((span) => span.name === 'loopgym.episode');
    expect(episodes).toHaveLength(3);
    for (const episode of episodes) expect(episode.parentSpanId).toBe(run.spanId);
    const calls = memory.spans.filter((span) => span.name === 'chat lake-solver');
    expect(calls.length).toBeGreaterThanOrEqual(18);
    expect(calls[0]!.attributes).toMatchObject({
      'gen_ai.provider.name': 'scripted',
      'loop.step': expect.any(Number),
    });
    expect(run.attributes['loopgym.run.id']).toBe(runs.lakeLlm);
  });
});
