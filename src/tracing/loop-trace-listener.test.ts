import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import '../backends/default-loop-environments.js';
import type { LoopEvent } from '../loop/events/loop-event.js';
import type { LoopEnv } from '../loop/gym/loop-env.js';
import { make } from '../registry/make.js';
import type { FinishedSpan } from './finished-span.js';
import { InMemorySpanExporter } from './in-memory-span-exporter.js';
import { createLoopTraceListener } from './loop-trace-listener.js';
import { RecordingTracerProvider } from './recording-tracer-provider.js';

const NANOS_PER_MS = 1_000_000n;

async function runEpisode(onEvent: (event: LoopEvent) => void, seed = 0): Promise<LoopEvent[]> {
  const events: LoopEvent[] = [];
  const env = make('loopbench/code-repair-v1', {
    backend: 'sim',
    onEvent: (event: LoopEvent) => {
      events.push(event);
      onEvent(event);
    },
  }) as unknown as LoopEnv;
  await env.reset({ seed, options: { taskId: 'cr-001' } });
  for (;;) {
    const step = await env.step(null);
    if (step.terminated || step.truncated) break;
  }
  return events;
}

function childrenOf(spans: readonly FinishedSpan[], parent: FinishedSpan): FinishedSpan[] {
  return spans.filter((span) => span.parentSpanId === parent.spanId);
}

afterEach(() => trace.disable());

describe('createLoopTraceListener', () => {
  it('turns a sim episode into nested spans with real times, GenAI and loop attributes', async () => {
    const memory = new InMemorySpanExporter();
    const provider = new RecordingTracerProvider({ exporters: [memory] });
    const start = Date.UTC(2026, 0, 1);
    const listener = createLoopTraceListener({
      tracer: provider.getTracer('loopgym'),
      run: { id: 'run-1', envId: 'loopbench/code-repair-v1', backend: 'sim' },
      now: () => start,
    });
    const events = await runEpisode(listener.onEvent);
    listener.end();
    await provider.forceFlush();
    const spans = memory.spans;

    const run = spans.find((span) => span.name === 'loopgym.run')!;
    const episode = spans.find((span) => span.name === 'loop.run')!;
    expect(episode.parentSpanId).toBe(run.spanId);
    expect(new Set(spans.map((span) => span.traceId)).size).toBe(1);
    const end = events.at(-1)!;
    expect(end.type).toBe('episode-end');
    expect(episode.startTimeUnixNano).toBe(BigInt(start) * NANOS_PER_MS);
    expect(Number(episode.endTimeUnixNano - episode.startTimeUnixNano) / 1e9).toBeCloseTo(end.time, 3);
    if (end.type !== 'episode-end') throw new Error('unreachable');
    expect(episode.attributes).toMatchObject({
      'loop.name': expect.any(String),
      'loop.task_id': 'cr-001',
      'loop.termination_reason': end.reason,
      'loop.iterations': end.iterations,
      'loop.env_id': 'loopbench/code-repair-v1',
    });

    const iterations = childrenOf(spans, episode).filter((span) => span.name === 'loop.iteration');
    expect(iterations.map((span) => span.attributes['loop.iteration'])).toEqual(
      Array.from({ length: end.iterations }, (_, index) => index + 1),
    );
    for (const iteration of iterations) {
      expect(iteration.startTimeUnixNano).toBeGreaterThanOrEqual(episode.startTimeUnixNano);
      expect(iteration.endTimeUnixNano).toBeLessThanOrEqual(episode.endTimeUnixNano);
      expect(typeof iteration.attributes['loop.goal_score']).toBe('number');
      const children = childrenOf(spans, iteration);
      const worker = children.find((span) => span.name === 'loop.worker')!;
      expect(worker.attributes['loop.worker.id']).toBe('implementer');
      const [model] = childrenOf(spans, worker);
      expect(model!.kind).toBe(SpanKind.CLIENT);
      expect(model!.name).toMatch(/^chat /);
      expect(model!.attributes).toMatchObject({
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': expect.any(String),
        'gen_ai.request.model': expect.any(String),
        'gen_ai.usage.input_tokens': expect.any(Number),
        'gen_ai.usage.output_tokens': expect.any(Number),
      });
      // Prompts are not recorded unless asked.
      expect(model!.attributes['gen_ai.input.messages']).toBeUndefined();
      const evaluators = children.filter((span) => span.name === 'loop.evaluator');
      expect(evaluators.map((span) => span.attributes['loop.evaluator.id']).sort()).toEqual([
        'quality_rubric',
        'test_runner',
      ]);
      // The rubric judge's model call sits inside its evaluator, after the worker.
      const rubric = evaluators.find((span) => span.attributes['loop.evaluator.id'] === 'quality_rubric')!;
      expect(rubric.attributes['loop.evaluator.type']).toBe('llm_rubric');
      expect(typeof rubric.attributes['loop.evaluator.score']).toBe('number');
      const judge = childrenOf(spans, rubric)[0]!;
      expect(judge.startTimeUnixNano).toBeGreaterThanOrEqual(worker.endTimeUnixNano);
      for (const child of children)
        expect(child.endTimeUnixNano).toBeLessThanOrEqual(iteration.endTimeUnixNano);
    }
    // The worker's model span lasts as long as the model's latency.
    const response = events.find((event) => event.type === 'model-response')!;
    if (response.type !== 'model-response') throw new Error('unreachable');
    const firstModel = spans
      .filter((span) => span.name.startsWith('chat '))
      .sort((a, b) => Number(a.startTimeUnixNano - b.startTimeUnixNano))[0]!;
    expect(Number(firstModel.endTimeUnixNano - firstModel.startTimeUnixNano) / 1e9).toBeCloseTo(
      response.latencySeconds,
      3,
    );
  });

  it('records prompts and answers only when content capture is on', async () => {
    const memory = new InMemorySpanExporter();
    const provider = new RecordingTracerProvider({ exporters: [memory] });
    const listener = createLoopTraceListener({ tracer: provider.getTracer('loopgym'), captureContent: true });
    await runEpisode(listener.onEvent);
    await provider.forceFlush();
    const worker = memory.spans.find((span) => span.name === 'loop.worker')!;
    const model = childrenOf(memory.spans, worker)[0]!;
    expect((JSON.parse(model.attributes['gen_ai.input.messages'] as string) as unknown[])[0]).toHaveProperty(
      'role',
    );
    expect(model.attributes['gen_ai.output.messages']).toContain('assistant');
  });

  it('sends spans to whatever provider is registered globally, and does nothing without one', async () => {
    const idle = createLoopTraceListener();
    await runEpisode(idle.onEvent); // the API's no-op provider: no error, nothing recorded
    idle.end();

    const memory = new InMemorySpanExporter();
    const provider = new RecordingTracerProvider({ exporters: [memory] });
    trace.setGlobalTracerProvider(provider);
    const listener = createLoopTraceListener();
    await runEpisode(listener.onEvent, 1);
    await provider.forceFlush();
    expect(memory.spans.filter((span) => span.name === 'loop.run')).toHaveLength(1);
    expect(memory.spans.every((span) => span.scope.name === 'loopgym')).toBe(true);
  });

  it('places safety events, tool calls and worker errors where they happened', () => {
    const memory = new InMemorySpanExporter();
    const provider = new RecordingTracerProvider({ exporters: [memory] });
    const listener = createLoopTraceListener({ tracer: provider.getTracer('loopgym'), now: () => 1e12 });
    const base = { episodeId: 'e1', iteration: 1, time: 0 };
    let seq = 0;
    const emit = (event: Record<string, unknown>): void =>
      listener.onEvent({ ...base, seq: seq++, ...event } as unknown as LoopEvent);
    emit({
      type: 'episode-start',
      version: 1,
      loopName: 'demo',
      loopVersion: '1',
      taskId: 't',
      seed: 0,
      backend: 'sim',
      inputs: {},
      maxIterations: 3,
      primaryMetric: 'score',
      iteration: undefined,
    });
    emit({ type: 'iteration-start' });
    emit({ type: 'worker-call', workerId: 'writer', attempt: 1, modelId: 'sim:writer', messages: [] });
    emit({
      type: 'model-response',
      callerId: 'writer',
      callerKind: 'worker',
      modelId: 'sim:writer',
      text: 'x',
      usage: { inputTokens: 5, outputTokens: 1 },
      costUsd: 0.01,
      latencySeconds: 2,
      finishReason: 'stop',
    });
    emit({
      type: 'tool-call',
      workerId: 'writer',
      name: 'shell',
      arguments: {},
      result: 'denied',
      outcome: 'blocked',
    });
    emit({
      type: 'worker-error',
      workerId: 'writer',
      attempt: 1,
      code: 'format',
      message: 'no JSON',
      willRetry: false,
    });
    emit({
      type: 'safety-event',
      constraintId: 'no-secrets',
      constraintType: 'secret_detection',
      scope: 'pre_output',
      workerId: 'writer',
      action: 'halt',
      findings: ['a key'],
      outcome: 'halted',
    });
    emit({
      type: 'step-end',
      time: 2,
      reward: 0,
      primary: 0,
      terminated: true,
      truncated: false,
      reason: 'safety_violation',
    });
    emit({
      type: 'episode-end',
      time: 2,
      iterations: 1,
      reason: 'safety_violation',
      outcome: 'failure',
      primary: 0,
      costUsd: 0.01,
      tokens: 6,
      iteration: undefined,
    });
    void provider.forceFlush();
    const byName = (name: string): FinishedSpan => memory.spans.find((span) => span.name === name)!;
    const worker = byName('loop.worker');
    expect(worker.status).toEqual({ code: SpanStatusCode.ERROR, message: 'format: no JSON' });
    const tool = byName('execute_tool shell');
    expect(tool.parentSpanId).toBe(worker.spanId);
    expect(tool.attributes['loop.tool.outcome']).toBe('blocked');
    expect(tool.status.code).toBe(SpanStatusCode.ERROR);
    const iteration = byName('loop.iteration');
    expect(iteration.attributes['loop.safety_events']).toBe(1);
    expect(iteration.events.map((event) => event.name)).toEqual(['loop.safety.violation']);
    expect(iteration.events[0]!.attributes['loop.safety.outcome']).toBe('halted');
    expect(byName('loop.run').attributes['loop.termination_reason']).toBe('safety_violation');
  });
});
