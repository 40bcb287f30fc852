// Feedback channels routed to their destinations, and the optimization plan they feed.
import type { FeedbackChannelSpec, FeedbackField, OptimizationType } from '../loop-spec.js';
import {
  copyValue,
  optionalString,
  otherKeys,
  splitReference,
  type CompileContext,
} from './compile-context.js';
import type { WorkerOrdering } from './compile-workers.js';
import type { FeedbackRoute, OptimizationPlan } from './loop-program.js';
import { conditionProblem, parseCondition } from './parse-condition.js';

/** The fields a channel sends when it declares none. */
export const DEFAULT_FEEDBACK_FIELDS: readonly FeedbackField[] = Object.freeze([
  'failure_codes',
  'score',
  'remediation_hints',
] as const);

const OPTIMIZATION_TYPES: readonly OptimizationType[] = [
  'prompt_refinement',
  'parameter_search',
  'memory_update',
  'structural',
  'manual',
];

const OPTIMIZATION_CONFIG_KEYS = [
  'refinement_target',
  'secondary_targets',
  'preserve_sections',
  'human_gate_on',
  'search_space',
];

/**
 * The feedback routes in declaration order, and for each worker the channels that feed it. A channel to
 * `optimization_strategy` goes to the optimizer of the loop's own type; its `when` condition is parsed against the
 * source's rubric dimensions and the loop's metrics.
 *
 * @example
 * ```ts
 * const { routes } = compileFeedback(context, ordering);
 * routes[0]!.destination; // { kind: 'worker', id: 'writer' }
 * ```
 */
export function compileFeedback(
  context: CompileContext,
  ordering: WorkerOrdering,
): { routes: FeedbackRoute[]; byWorker: Map<string, string[]> } {
  const byWorker = new Map<string, string[]>(ordering.workers.map((worker) => [worker.spec.id, []]));
  const routes = context.spec.feedback_channels.map((channel, index): FeedbackRoute => {
    const route: FeedbackRoute = {
      id: channel.id,
      source: toSource(context, ordering, channel, index),
      destination: toDestination(context, ordering, channel, index),
      format: channel.format,
      templateRef: optionalString(channel, 'template_ref'),
      fields: [...(channel.fields ?? DEFAULT_FEEDBACK_FIELDS)],
      maxTokens: channel.max_tokens,
      when: channel.when === undefined ? undefined : toCondition(context, channel, index),
    };
    if (route.destination.kind === 'worker') byWorker.get(route.destination.id)?.push(channel.id);
    return route;
  });
  return { routes, byWorker };
}

function toSource(
  context: CompileContext,
  ordering: WorkerOrdering,
  channel: FeedbackChannelSpec,
  index: number,
): FeedbackRoute['source'] {
  const { root, segments } = splitReference(channel.source);
  const id = segments.join('.');
  if (root === 'evaluators' && context.spec.evaluators.some((e) => e.id === id))
    return { kind: 'evaluator', id };
  if (root === 'workers' && ordering.orderOf.has(id)) return { kind: 'worker', id };
  context.report(
    ['feedback_channels', index, 'source'],
    `Feedback channel \`${channel.id}\` comes from \`${channel.source}\`, which does not exist.`,
    'Name a declared evaluator (`evaluators.X`) or worker (`workers.X`).',
    'reference',
  );
  return { kind: root === 'workers' ? 'worker' : 'evaluator', id };
}

function toDestination(
  context: CompileContext,
  ordering: WorkerOrdering,
  channel: FeedbackChannelSpec,
  index: number,
): FeedbackRoute['destination'] {
  const { root, segments } = splitReference(channel.destination);
  if (root === 'optimization_strategy') {
    const named = segments[0];
    if (
      segments.length > 1 ||
      (named !== undefined && !OPTIMIZATION_TYPES.includes(named as OptimizationType))
    ) {
      context.report(
        ['feedback_channels', index, 'destination'],
        `Feedback channel \`${channel.id}\` goes to \`${channel.destination}\`, which is not an optimizer.`,
        `Write \`optimization_strategy\` or \`optimization_strategy.<type>\` with a type among ${OPTIMIZATION_TYPES.map((t) => `\`${t}\``).join(', ')}.`,
      );
    }
    return {
      kind: 'optimizer',
      type: (named as OptimizationType | undefined) ?? context.spec.optimization_strategy.type,
    };
  }
  const id = segments.join('.');
  if (root !== 'workers' || !ordering.orderOf.has(id)) {
    context.report(
      ['feedback_channels', index, 'destination'],
      `Feedback channel \`${channel.id}\` goes to \`${channel.destination}\`, which does not exist.`,
      'Send it to a declared worker (`workers.X`) or to `optimization_strategy`.',
      'reference',
    );
  }
  return { kind: 'worker', id };
}

function toCondition(
  context: CompileContext,
  channel: FeedbackChannelSpec,
  index: number,
): FeedbackRoute['when'] {
  const text = channel.when!;
  const { root, segments } = splitReference(channel.source);
  const source =
    root === 'evaluators' ? context.spec.evaluators.find((e) => e.id === segments.join('.')) : undefined;
  const result = parseCondition(text, {
    dimensions: source?.type === 'llm_rubric' ? source.rubric.dimensions.map((d) => d.name) : [],
    metrics: context.spec.metrics.map((metric) => metric.name),
  });
  if (!result.ok) {
    const path = ['feedback_channels', index, 'when'];
    for (const error of result.errors) {
      context.problems.push(
        conditionProblem(error, { path, file: context.file, location: context.locate(path) }),
      );
    }
    return undefined;
  }
  return { text, expression: result.expression };
}

/**
 * The optimization plan: refinement targets as worker ids, `preserve_sections` (default none), rollback (on a safety
 * failure only when asked), and the other `config` keys kept as written.
 *
 * @example
 * ```ts
 * compileOptimization(context, ordering).refinementTarget; // 'writer' for `workers.writer`
 * ```
 */
export function compileOptimization(context: CompileContext, ordering: WorkerOrdering): OptimizationPlan {
  const strategy = context.spec.optimization_strategy;
  const config = strategy.config ?? {};
  const toWorker = (reference: string, path: (string | number)[]): string => {
    const { root, segments } = splitReference(reference);
    const id = segments.join('.');
    if (root !== 'workers' || !ordering.orderOf.has(id)) {
      context.report(
        path,
        `\`${reference}\` is not a worker.`,
        'Write `workers.X` for a declared worker.',
        'reference',
      );
    }
    return id;
  };
  const configPath = ['optimization_strategy', 'config'];
  return {
    type: strategy.type,
    maxSteps: strategy.max_steps,
    refinementTarget:
      config.refinement_target === undefined
        ? undefined
        : toWorker(config.refinement_target, [...configPath, 'refinement_target']),
    secondaryTargets: (config.secondary_targets ?? []).map((target, position) =>
      toWorker(target, [...configPath, 'secondary_targets', position]),
    ),
    preserveSections: [...(config.preserve_sections ?? [])],
    humanGateOn: config.human_gate_on === undefined ? undefined : copyValue(config.human_gate_on),
    searchSpace: config.search_space === undefined ? undefined : copyValue(config.search_space),
    rollback: {
      onMetricDrop: strategy.rollback?.on_metric_drop,
      onSafetyFailure: strategy.rollback?.on_safety_failure ?? false,
    },
    config: otherKeys(config, OPTIMIZATION_CONFIG_KEYS),
  };
}
