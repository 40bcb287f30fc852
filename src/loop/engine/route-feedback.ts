// Feedback channels: the named fields of a source's verdict or output, to a worker's next prompt or the optimizer.
import type { FeedbackRoute } from '../../lss/compile/loop-program.js';
import type { FeedbackField } from '../../lss/loop-spec.js';
import { evaluateCondition } from '../../lss/compile/evaluate-condition.js';
import type { EvaluatorVerdict } from '../evaluators/evaluator-verdict.js';
import type { EpisodeState, IterationRecord, PendingFeedback } from './episode-state.js';

/** About four characters per token: the budget `max_tokens` puts on feedback text. */
const CHARACTERS_PER_TOKEN = 4;

/**
 * The values a channel's `when` reads for one source in this iteration.
 *
 * @example
 * ```ts
 * conditionValues(state, record, { kind: 'evaluator', id: 'quality_rubric' }); // { score: 0.7, passed: false, … }
 * ```
 */
export function conditionValues(
  state: EpisodeState,
  record: IterationRecord,
  source: FeedbackRoute['source'],
): Record<string, unknown> {
  const verdict = source.kind === 'evaluator' ? record.verdicts.get(source.id) : undefined;
  const evaluator = state.program.evaluators.find((e) => e.id === source.id);
  let consecutiveFailures = 0;
  for (const past of [...state.history, record].reverse()) {
    if (past.overall?.passed === true) break;
    consecutiveFailures++;
  }
  return {
    score: verdict?.score,
    passed: verdict?.passed,
    pass_threshold: evaluator?.type === 'llm_rubric' ? evaluator.passThreshold : 1,
    failure_count: verdict?.failureCodes.length,
    dimension_scores: verdict?.dimensionScores ?? {},
    iteration: state.iteration,
    max_iterations: state.program.termination.maxIterations,
    consecutive_failures: consecutiveFailures,
    cost_usd: state.ledger.cumulativeUsd,
    tokens: state.ledger.tokens,
    metrics: Object.fromEntries(Object.entries(record.metrics).filter(([, value]) => value !== null)),
  };
}

/**
 * Routes every channel after an iteration: a channel sends when its source produced something and its `when`
 * holds; the content carries the channel's `fields` (in the `structured` format as `field: value` lines, in the
 * `template` format as prose, in the `human_queue` format queued for a person), cut to `max_tokens`. Worker
 * destinations read it in their next prompt; the optimizer reads it when it next acts.
 *
 * @example
 * ```ts
 * routeFeedback(state, record);
 * state.pendingFeedback.get('writer'); // [{ channelId: 'rubric_to_writer', content: 'score: 0.62\n…' }]
 * ```
 */
export function routeFeedback(state: EpisodeState, record: IterationRecord): void {
  state.pendingFeedback = new Map();
  for (const route of state.program.feedback) {
    const verdict = route.source.kind === 'evaluator' ? record.verdicts.get(route.source.id) : undefined;
    const output = route.source.kind === 'worker' ? record.outputs.get(route.source.id) : undefined;
    const produced = verdict !== undefined || output !== undefined;
    const holds =
      produced &&
      (route.when === undefined ||
        evaluateCondition(route.when.expression, conditionValues(state, record, route.source)));
    const data = holds ? fieldData(route.fields, verdict, output?.raw) : {};
    const content = holds ? cut(render(route, data), route.maxTokens) : '';
    const destination = route.destination.kind === 'worker' ? `workers.${route.destination.id}` : 'optimizer';
    state.emit({
      type: 'feedback',
      iteration: state.iteration,
      channelId: route.id,
      sourceId: route.source.id,
      destination,
      sent: holds,
      content,
      tokens: Math.ceil(content.length / CHARACTERS_PER_TOKEN),
    });
    if (!holds) continue;
    const item: PendingFeedback = { channelId: route.id, sourceId: route.source.id, content, data };
    if (route.destination.kind === 'worker') {
      const list = state.pendingFeedback.get(route.destination.id) ?? [];
      list.push(item);
      state.pendingFeedback.set(route.destination.id, list);
    } else {
      state.optimizerInbox.push(item);
    }
  }
}

function fieldData(
  fields: readonly FeedbackField[],
  verdict: EvaluatorVerdict | undefined,
  raw: string | undefined,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    switch (field) {
      case 'failure_codes':
        data.failure_codes = verdict?.failureCodes ?? [];
        break;
      case 'dimension_scores':
        data.dimension_scores = verdict?.dimensionScores ?? {};
        break;
      case 'remediation_hints':
        data.remediation_hints = verdict?.remediationHints ?? [];
        break;
      case 'passed':
        data.passed = verdict?.passed ?? null;
        break;
      case 'score':
        data.score = verdict?.score ?? null;
        break;
      case 'raw_output':
        data.raw_output = raw ?? null;
        break;
      case 'summary':
        data.summary = verdict?.summary ?? null;
        break;
    }
  }
  return data;
}

function render(route: FeedbackRoute, data: Record<string, unknown>): string {
  if (route.format === 'structured') {
    return Object.entries(data)
      .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join('\n');
  }
  const sentences: string[] = [];
  if (typeof data.summary === 'string') sentences.push(data.summary);
  if (typeof data.score === 'number') sentences.push(`The score was ${data.score.toFixed(2)}.`);
  if (typeof data.passed === 'boolean') sentences.push(data.passed ? 'It passed.' : 'It did not pass.');
  const codes = data.failure_codes as string[] | undefined;
  if (codes !== undefined && codes.length > 0) sentences.push(`Problems: ${codes.join(', ')}.`);
  const hints = data.remediation_hints as string[] | undefined;
  if (hints !== undefined && hints.length > 0) sentences.push(`To improve: ${hints.join(' ')}`);
  const scores = data.dimension_scores as Record<string, number> | undefined;
  if (scores !== undefined && Object.keys(scores).length > 0) {
    sentences.push(
      `By dimension: ${Object.entries(scores)
        .map(([name, value]) => `${name} ${value.toFixed(2)}`)
        .join(', ')}.`,
    );
  }
  if (typeof data.raw_output === 'string') sentences.push(`Output:\n${data.raw_output}`);
  const text = sentences.join(' ');
  return route.format === 'human_queue'
    ? `[queued for review${route.templateRef === undefined ? '' : ` via ${route.templateRef}`}] ${text}`
    : text;
}

function cut(text: string, maxTokens: number | undefined): string {
  if (maxTokens === undefined) return text;
  const limit = maxTokens * CHARACTERS_PER_TOKEN;
  return text.length <= limit ? text : `${text.slice(0, Math.max(0, limit - 1))}…`;
}
