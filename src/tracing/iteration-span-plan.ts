// Lays out the spans of one loop iteration from its events: who ran when, as the model latencies say.
import { SpanKind, SpanStatusCode, type Attributes } from '@opentelemetry/api';
import type { LoopEvent } from '../loop/events/loop-event.js';
import type { ModelMessage } from '../models/language-model.js';
import { modelCallSpan } from './model-call-attributes.js';

/** A span to make: times in seconds on the episode's clock; `parent` is another plan's index, or the iteration. */
export interface SpanPlan {
  name: string;
  kind: SpanKind;
  start: number;
  end: number;
  parent: number | 'iteration';
  attributes: Attributes;
  events: { name: string; time: number; attributes: Attributes }[];
  error: string | undefined;
}

/** The spans inside an iteration, and what goes on the iteration span itself. */
export interface IterationPlan {
  spans: SpanPlan[];
  attributes: Attributes;
  events: { name: string; time: number; attributes: Attributes }[];
}

/**
 * Plans the spans of one iteration, from its events between `iteration-start` (at `start` seconds) and `step-end`
 * (at `end`). Events share the iteration's clock time, so spans are laid out from the model latencies: workers one
 * after the other, then evaluators; when that does not fit in the iteration (workers ran side by side), every worker
 * starts with the iteration and evaluators follow the slowest. Evaluators without a model call take no time.
 *
 * @example
 * ```ts
 * const plan = planIteration(iterationEvents, 0, 5.2, { captureContent: false });
 * plan.spans.map((span) => span.name); // ['loop.worker', 'chat coder', 'loop.evaluator', …]
 * ```
 */
export function planIteration(
  events: readonly LoopEvent[],
  start: number,
  end: number,
  options: { captureContent: boolean },
): IterationPlan {
  const sequential = layout(events, start, options, false);
  const fits = sequential.cursor <= end + 1e-6;
  return (fits ? sequential : layout(events, start, options, true)).plan;
}

function layout(
  events: readonly LoopEvent[],
  start: number,
  options: { captureContent: boolean },
  concurrentWorkers: boolean,
): { plan: IterationPlan; cursor: number } {
  const plan: IterationPlan = { spans: [], attributes: {}, events: [] };
  const openWorkers = new Map<string, number>();
  const openEvaluators = new Map<string, number>();
  const pendingMessages = new Map<string, readonly ModelMessage[]>();
  let cursor = start;
  let slowestWorker = start;
  const add = (span: Omit<SpanPlan, 'events' | 'error'>): number => {
    plan.spans.push({ ...span, events: [], error: undefined });
    return plan.spans.length - 1;
  };
  const note = (name: string, attributes: Attributes, owner?: number): void => {
    const target = owner === undefined ? plan : plan.spans[owner]!;
    target.events.push({ name, time: owner === undefined ? cursor : plan.spans[owner]!.end, attributes });
  };
  let safetyEvents = 0;
  for (const event of events) {
    switch (event.type) {
      case 'worker-call': {
        const at = concurrentWorkers ? start : cursor;
        const index = add({
          name: 'loop.worker',
          kind: SpanKind.INTERNAL,
          start: at,
          end: at,
          parent: 'iteration',
          attributes: {
            'loop.worker.id': event.workerId,
            'loop.worker.attempt': event.attempt,
            'loop.model_id': event.modelId,
            'loop.iteration': event.iteration,
          },
        });
        openWorkers.set(event.workerId, index);
        if (options.captureContent) pendingMessages.set(event.workerId, event.messages);
        break;
      }
      case 'model-response': {
        let owner = event.callerKind === 'worker' ? openWorkers.get(event.callerId) : undefined;
        if (event.callerKind === 'judge') {
          owner = openEvaluators.get(event.callerId);
          if (owner === undefined) {
            owner = add({
              name: 'loop.evaluator',
              kind: SpanKind.INTERNAL,
              start: Math.max(cursor, slowestWorker),
              end: Math.max(cursor, slowestWorker),
              parent: 'iteration',
              attributes: { 'loop.evaluator.id': event.callerId, 'loop.iteration': event.iteration },
            });
            openEvaluators.set(event.callerId, owner);
          }
        }
        const from = owner === undefined ? cursor : plan.spans[owner]!.end;
        const to = from + event.latencySeconds;
        const { name, attributes } = modelCallSpan({
          modelId: event.modelId,
          usage: event.usage,
          costUsd: event.costUsd,
          finishReason: event.finishReason,
          messages: options.captureContent ? pendingMessages.get(event.callerId) : undefined,
          response: options.captureContent ? event.text : undefined,
        });
        add({ name, kind: SpanKind.CLIENT, start: from, end: to, parent: owner ?? 'iteration', attributes });
        if (owner !== undefined) plan.spans[owner]!.end = to;
        else cursor = to;
        break;
      }
      case 'tool-call': {
        const owner = openWorkers.get(event.workerId);
        const at = owner === undefined ? cursor : plan.spans[owner]!.end;
        const index = add({
          name: `execute_tool ${event.name}`,
          kind: SpanKind.INTERNAL,
          start: at,
          end: at,
          parent: owner ?? 'iteration',
          attributes: {
            'gen_ai.operation.name': 'execute_tool',
            'gen_ai.tool.name': event.name,
            'loop.tool.outcome': event.outcome,
            'loop.worker.id': event.workerId,
          },
        });
        if (event.outcome !== 'ok')
          plan.spans[index]!.error = `${event.outcome}: ${event.result.slice(0, 200)}`;
        break;
      }
      case 'worker-output':
      case 'worker-error': {
        const owner = openWorkers.get(event.workerId);
        if (owner === undefined) break;
        const span = plan.spans[owner]!;
        if (event.type === 'worker-output') {
          span.attributes['loop.worker.output_format'] = event.format;
          span.attributes['loop.worker.source'] = event.source;
        } else {
          span.error = `${event.code}: ${event.message}`;
          span.attributes['loop.worker.will_retry'] = event.willRetry;
        }
        openWorkers.delete(event.workerId);
        slowestWorker = Math.max(slowestWorker, span.end);
        if (!concurrentWorkers) cursor = span.end;
        break;
      }
      case 'evaluator-score':
      case 'evaluator-error': {
        let owner = openEvaluators.get(event.evaluatorId);
        if (owner === undefined) {
          const at = Math.max(cursor, slowestWorker);
          owner = add({
            name: 'loop.evaluator',
            kind: SpanKind.INTERNAL,
            start: at,
            end: at,
            parent: 'iteration',
            attributes: { 'loop.evaluator.id': event.evaluatorId, 'loop.iteration': event.iteration },
          });
        }
        openEvaluators.delete(event.evaluatorId);
        const span = plan.spans[owner]!;
        if (event.type === 'evaluator-score') {
          Object.assign(span.attributes, {
            'loop.evaluator.type': event.evaluatorType,
            'loop.evaluator.score': event.score,
            'loop.evaluator.passed': event.passed,
            'loop.evaluator.failure_codes': [...event.failureCodes],
            'loop.goal_score': event.score,
          });
        } else {
          span.error = event.message;
        }
        cursor = Math.max(cursor, slowestWorker, span.end);
        break;
      }
      case 'safety-event':
        safetyEvents += 1;
        note('loop.safety.violation', {
          'loop.safety.constraint_id': event.constraintId,
          'loop.safety.constraint_type': event.constraintType,
          'loop.safety.scope': event.scope,
          'loop.safety.action': event.action,
          'loop.safety.outcome': event.outcome,
          'loop.failure.code': event.constraintType,
          ...(event.workerId === undefined ? {} : { 'loop.worker.id': event.workerId }),
        });
        break;
      case 'human-decision':
        note('loop.human.decision', {
          'loop.human.gate_id': event.gateId,
          'loop.human.decision': event.decision,
          'loop.human.waited_seconds': event.waitedSeconds,
        });
        break;
      case 'feedback':
        if (event.sent)
          note('loop.feedback', {
            'loop.feedback.channel': event.channelId,
            'loop.feedback.source': event.sourceId,
            'loop.feedback.destination': event.destination,
            'loop.feedback.tokens': event.tokens,
          });
        break;
      case 'optimization':
        note('loop.optimization', {
          'loop.optimization.strategy': event.strategy,
          'loop.optimization.action': event.action,
        });
        break;
      case 'memory-write':
        note('loop.memory.write', { 'loop.memory.key': event.key, 'loop.memory.outcome': event.outcome });
        break;
      case 'metric-values':
        if (event.primary !== null) plan.attributes['loop.goal_score'] = event.primary;
        for (const [name, value] of Object.entries(event.values))
          if (value !== null) plan.attributes[`loop.metric.${name}`] = value;
        if (event.overall !== null) plan.attributes['loop.evaluators.passed'] = event.overall.passed;
        break;
      case 'cost':
        plan.attributes['loop.cost_usd'] = event.iterationUsd;
        plan.attributes['loop.cost.cumulative_usd'] = event.cumulativeUsd;
        plan.attributes['loop.tokens_delta'] = event.tokens;
        if (event.action !== undefined)
          note('loop.cost.limit', { 'loop.cost.action': event.action, 'loop.cost.limit': event.limit ?? '' });
        break;
      default:
        break;
    }
  }
  plan.attributes['loop.safety_events'] = safetyEvents;
  return { plan, cursor: Math.max(cursor, slowestWorker) };
}

/**
 * The status of a planned span: an error when the plan says why it failed, else unset.
 *
 * @example
 * ```ts
 * span.setStatus(planStatus(plan));
 * ```
 */
export function planStatus(plan: SpanPlan): { code: SpanStatusCode; message?: string } {
  return plan.error === undefined
    ? { code: SpanStatusCode.UNSET }
    : { code: SpanStatusCode.ERROR, message: plan.error };
}
