// An episode as an LTF 0.1 document (the Loop Trace Format): a root span, iteration, worker and evaluator spans.
import { SpanStatusCode, type Attributes } from '@opentelemetry/api';
import type { RunStore } from '../store/run-store.js';
import { uuidFrom } from './deterministic-ids.js';
import type { FinishedSpan } from './finished-span.js';
import { storedEpisodeSpans } from './stored-episode-spans.js';
import { isoFromNanoseconds } from './time-input.js';

/** A span of an LTF document. */
export interface LtfSpan {
  span_id: string;
  parent_span_id: string | null;
  name: string;
  kind: 'loop' | 'iteration' | 'worker' | 'evaluator';
  start_time: string;
  end_time: string;
  attributes: Record<string, unknown>;
  events: { name: string; timestamp: string; attributes: Record<string, unknown> }[];
}

/** An LTF 0.1 document (`schema_version: "ltf/0.1"`). */
export interface LtfDocument {
  schema_version: 'ltf/0.1';
  trace_id: string;
  loop_name: string;
  env_id: string;
  task_id?: string;
  started_at: string;
  ended_at: string;
  outcome: 'success' | 'failure' | 'partial' | 'unknown';
  termination_reason?: string;
  spec_pins: { lss: 'lss@1.0.0'; les: 'les@1.0.0'; ltf: 'ltf@0.1.0' };
  spans: LtfSpan[];
  metadata: Record<string, unknown>;
}

const KINDS: Record<string, LtfSpan['kind']> = {
  'loop.run': 'loop',
  'loopgym.episode': 'loop',
  'loop.iteration': 'iteration',
  'loop.worker': 'worker',
  'loop.evaluator': 'evaluator',
};

/**
 * Episode `episodeIndex` of a stored run as an LTF 0.1 document, valid against the LTF schema
 * (`data/traces/ltf-0.1.schema.json`). The spans are those of the episode's trace: the episode (`loop`), its
 * iterations, workers and evaluators; model and tool calls inside a worker or evaluator become events of it (with
 * their GenAI attributes and duration), and a model call directly under the episode (an agent outside a loop) becomes
 * a worker span. Ids follow from the run and the episode.
 *
 * @example
 * ```ts
 * const document = toLtfDocument(store, '04cd', 0);
 * validateTraceDocument('ltf', document); // []
 * ```
 */
export function toLtfDocument(store: RunStore, runId: string, episodeIndex: number): LtfDocument {
  const { run, episode, spans } = storedEpisodeSpans(store, runId, episodeIndex);
  const root = spans[0]!;
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const kept = new Map<string, LtfSpan>();
  const kindOf = (span: FinishedSpan): LtfSpan['kind'] | undefined => {
    const kind = KINDS[span.name];
    if (kind !== undefined) return kind;
    const parent = span.parentSpanId === undefined ? undefined : byId.get(span.parentSpanId);
    return parent !== undefined && KINDS[parent.name] === 'loop' && span.name.startsWith('chat ')
      ? 'worker'
      : undefined;
  };
  const ltfSpans: LtfSpan[] = [];
  for (const span of spans) {
    const kind = kindOf(span);
    if (kind !== undefined) {
      const made: LtfSpan = {
        span_id: span.spanId,
        parent_span_id: span.parentSpanId ?? null,
        name: span.name,
        kind,
        start_time: isoFromNanoseconds(span.startTimeUnixNano),
        end_time: isoFromNanoseconds(span.endTimeUnixNano),
        attributes: withStatus(span),
        events: span.events.map((event) => ({
          name: event.name,
          timestamp: isoFromNanoseconds(event.timeUnixNano),
          attributes: { ...event.attributes },
        })),
      };
      kept.set(span.spanId, made);
      ltfSpans.push(made);
      continue;
    }
    // A model or tool call folds into its nearest kept ancestor as an event.
    let ancestor = span.parentSpanId === undefined ? undefined : byId.get(span.parentSpanId);
    while (ancestor !== undefined && !kept.has(ancestor.spanId))
      ancestor = ancestor.parentSpanId === undefined ? undefined : byId.get(ancestor.parentSpanId);
    const owner = kept.get(ancestor?.spanId ?? root.spanId)!;
    owner.events.push({
      name: span.name,
      timestamp: isoFromNanoseconds(span.startTimeUnixNano),
      attributes: {
        ...withStatus(span),
        duration_ms: Number(span.endTimeUnixNano - span.startTimeUnixNano) / 1e6,
      },
    });
  }
  const named = root.attributes['loop.name'];
  const loopName = typeof named === 'string' ? named : run.envId;
  const outcome = outcomeOf(root.attributes, episode.metrics['success']);
  const ended = root.attributes['loop.termination_reason'];
  const reason = typeof ended === 'string' ? ended : (episode.terminationReason ?? undefined);
  return {
    schema_version: 'ltf/0.1',
    trace_id: `ltf-${uuidFrom(`${run.id}/${episode.index}`)}`,
    loop_name: (loopName.length < 3 ? `${loopName}-loop` : loopName).slice(0, 64),
    env_id: run.envId,
    ...(episode.taskId === null ? {} : { task_id: episode.taskId }),
    started_at: isoFromNanoseconds(root.startTimeUnixNano),
    ended_at: isoFromNanoseconds(root.endTimeUnixNano),
    outcome,
    ...(reason === undefined ? {} : { termination_reason: reason }),
    spec_pins: { lss: 'lss@1.0.0', les: 'les@1.0.0', ltf: 'ltf@0.1.0' },
    spans: ltfSpans,
    metadata: {
      generator: 'loopgym',
      run_id: run.id,
      episode_index: episode.index,
      seed: episode.seed,
      return: episode.return,
      backend: run.backend,
      agent: run.agent,
      model: run.model,
    },
  };
}

function withStatus(span: FinishedSpan): Record<string, unknown> {
  const attributes: Record<string, unknown> = { ...span.attributes };
  if (span.status.code === SpanStatusCode.ERROR) attributes['error.message'] = span.status.message ?? 'error';
  return attributes;
}

function outcomeOf(attributes: Attributes, success: number | null | undefined): LtfDocument['outcome'] {
  const outcome = attributes['loop.outcome'];
  if (outcome === 'success' || outcome === 'failure') return outcome;
  if (outcome === 'truncated') return 'partial';
  if (success === 1) return 'success';
  if (success === 0) return 'failure';
  return 'unknown';
}
