// Turns one episode's loop events into OpenTelemetry spans: the episode, its iterations and what ran inside them.
import { context as contextApi, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import type { EpisodeStartEvent, LoopEvent } from '../loop/events/loop-event.js';
import { planIteration, planStatus } from './iteration-span-plan.js';

/** Options of {@link EpisodeTraceBuilder}. */
export interface EpisodeTraceBuilderOptions {
  tracer: Tracer;
  /** The context whose span is the episode's parent (a run span), if any. */
  parent?: Context | undefined;
  /** Milliseconds since the epoch of the episode's time 0. */
  startMs: number;
  /** Records prompts and answers on model-call spans (off by default: they may hold private data). */
  captureContent?: boolean | undefined;
  /** The environment id, recorded as `loop.env_id`. */
  envId?: string | undefined;
  /** The episode's index within its run, recorded as `loop.episode.index`. */
  episodeIndex?: number | undefined;
}

/**
 * Builds the spans of one loop episode from its events, in order. The episode span (`loop.run`) starts with
 * `episode-start` and ends with `episode-end`; each iteration (`loop.iteration`) is made when its `step-end`
 * arrives, with its workers (`loop.worker`), model calls (`chat <model>`), tool calls (`execute_tool <name>`) and
 * evaluators (`loop.evaluator`) inside. Times are the episode's clock added to `startMs`.
 *
 * @example
 * ```ts
 * const builder = new EpisodeTraceBuilder({ tracer: trace.getTracer('loopgym'), startMs: Date.now() });
 * for (const event of events) builder.add(event);
 * ```
 */
export class EpisodeTraceBuilder {
  private readonly options: EpisodeTraceBuilderOptions;
  private episode: Span | undefined;
  private episodeContext: Context | undefined;
  private iteration: { start: number; events: LoopEvent[] } | undefined;
  private ignored = false;
  /** Whether the episode has ended (or was never recorded). */
  done = false;

  constructor(options: EpisodeTraceBuilderOptions) {
    this.options = options;
  }

  /** Takes the next event of the episode. */
  add(event: LoopEvent): void {
    if (this.ignored || this.done) return;
    switch (event.type) {
      case 'episode-start':
        this.start(event);
        return;
      case 'iteration-start':
        this.iteration = { start: event.time, events: [] };
        return;
      case 'step-end':
        this.endIteration(event);
        return;
      case 'episode-end':
        if (this.episode === undefined) return;
        this.episode.setAttributes({
          'loop.iterations': event.iterations,
          'loop.termination_reason': event.reason,
          'loop.outcome': event.outcome,
          'loop.cost_usd': event.costUsd,
          'loop.tokens': event.tokens,
          ...(event.primary === null ? {} : { 'loop.goal_score': event.primary }),
        });
        this.episode.end(this.at(event.time));
        this.done = true;
        return;
      default:
        if (this.iteration !== undefined) this.iteration.events.push(event);
        else if (event.type === 'safety-event')
          this.episode?.addEvent(
            'loop.safety.violation',
            { 'loop.safety.constraint_id': event.constraintId, 'loop.safety.outcome': event.outcome },
            this.at(event.time),
          );
    }
  }

  /** Ends the episode span now, marked as cut short (for an episode that never reached `episode-end`). */
  abandon(reason: string): void {
    if (this.done || this.episode === undefined) return;
    this.episode.setAttribute('loop.termination_reason', reason);
    this.episode.end();
    this.done = true;
  }

  private start(event: EpisodeStartEvent): void {
    const parent = this.options.parent ?? contextApi.active();
    this.episode = this.options.tracer.startSpan(
      'loop.run',
      {
        startTime: this.at(event.time),
        attributes: {
          'loop.name': event.loopName,
          'loop.version': event.loopVersion,
          'loop.task_id': event.taskId,
          'loop.seed': event.seed,
          'loop.backend': event.backend,
          'loop.max_iterations': event.maxIterations,
          'loop.primary_metric': event.primaryMetric,
          'loop.episode.id': event.episodeId,
          'loop.lss_version': '1.0.0',
          ...(this.options.envId === undefined ? {} : { 'loop.env_id': this.options.envId }),
          ...(this.options.episodeIndex === undefined
            ? {}
            : { 'loop.episode.index': this.options.episodeIndex }),
        },
      },
      parent,
    );
    // With no tracer provider registered the span does not record: nothing more is done for this episode.
    if (!this.episode.isRecording()) {
      this.ignored = true;
      this.done = true;
      return;
    }
    this.episodeContext = trace.setSpan(parent, this.episode);
  }

  private endIteration(event: Extract<LoopEvent, { type: 'step-end' }>): void {
    const iteration = this.iteration;
    this.iteration = undefined;
    if (iteration === undefined || this.episodeContext === undefined) return;
    const tracer = this.options.tracer;
    const plan = planIteration(iteration.events, iteration.start, event.time, {
      captureContent: this.options.captureContent ?? false,
    });
    const span = tracer.startSpan(
      'loop.iteration',
      {
        startTime: this.at(iteration.start),
        attributes: {
          'loop.iteration': event.iteration,
          'loop.reward': event.reward,
          'loop.latency_ms': (event.time - iteration.start) * 1000,
          ...plan.attributes,
          ...(event.primary === null ? {} : { 'loop.goal_score': event.primary }),
          ...(event.reason === undefined ? {} : { 'loop.termination_reason': event.reason }),
        },
      },
      this.episodeContext,
    );
    for (const note of plan.events) span.addEvent(note.name, note.attributes, this.at(note.time));
    const iterationContext = trace.setSpan(this.episodeContext, span);
    const made: { span: Span; context: Context }[] = [];
    for (const child of plan.spans) {
      const parentContext = child.parent === 'iteration' ? iterationContext : made[child.parent]!.context;
      const childSpan = tracer.startSpan(
        child.name,
        { kind: child.kind, startTime: this.at(child.start), attributes: child.attributes },
        parentContext,
      );
      for (const note of child.events) childSpan.addEvent(note.name, note.attributes, this.at(note.time));
      childSpan.setStatus(planStatus(child));
      made.push({ span: childSpan, context: trace.setSpan(parentContext, childSpan) });
    }
    // Children end before their parents, as a tracer expects.
    for (let index = plan.spans.length - 1; index >= 0; index -= 1)
      made[index]!.span.end(this.at(plan.spans[index]!.end));
    span.end(this.at(event.time));
  }

  private at(seconds: number): number {
    return this.options.startMs + seconds * 1000;
  }
}
