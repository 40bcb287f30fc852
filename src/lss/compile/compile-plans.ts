// The plain parts of a program: inputs, memory, termination, metrics and cost, with their defaults resolved.
import { closestMatches } from '../../registry/closest-matches.js';
import { copyValue, splitReference, type CompileContext } from './compile-context.js';
import type { WorkerOrdering } from './compile-workers.js';
import type { CostPlan, InputField, MemoryPlan, MetricProgram, TerminationPlan } from './loop-program.js';

/**
 * The input fields, in declaration order (`required` false and no default unless declared).
 *
 * @example
 * ```ts
 * compileInputs(context)[0]; // { name: 'query', type: 'string', required: true, … }
 * ```
 */
export function compileInputs(context: CompileContext): InputField[] {
  return Object.entries(context.spec.inputs.schema).map(([name, field]) => ({
    name,
    type: field.type,
    description: field.description,
    required: field.required ?? false,
    default: copyValue(field.default),
    hasDefault: Object.hasOwn(field, 'default'),
    minLength: field.min_length,
    maxLength: field.max_length,
    pattern: field.pattern,
    values: field.values === undefined ? undefined : [...field.values],
    minimum: field.minimum,
    maximum: field.maximum,
    items: field.items,
  }));
}

/**
 * The memory plan: nobody writes unless `write_policy.allowed_writers` names them; without a read policy every worker
 * reads every key.
 *
 * @example
 * ```ts
 * compileMemory(context).allowedWriters; // [] unless declared
 * ```
 */
export function compileMemory(context: CompileContext): MemoryPlan {
  const memory = context.spec.memory;
  return {
    type: memory.type,
    backend: memory.backend ?? undefined,
    retention: memory.retention === undefined ? undefined : { ...memory.retention },
    allowedWriters: [...(memory.write_policy?.allowed_writers ?? [])],
    writeSchema: memory.write_policy?.schema,
    maxEntries: memory.write_policy?.max_entries,
    readPolicy: memory.read_policy === undefined ? undefined : copyValue(memory.read_policy),
    redaction: memory.redaction === undefined ? undefined : copyValue(memory.redaction),
  };
}

/**
 * The termination plan. Success rules need 1 consecutive iteration and failure rules act with `halt` unless they say
 * otherwise; the iteration bound is the smallest `max_iterations` failure value (rounded down), else
 * `optimization_strategy.max_steps`.
 *
 * @example
 * ```ts
 * compileTermination(context).maxIterations; // 8 for `failure: [{type: max_iterations, value: 8}]`
 * ```
 */
export function compileTermination(context: CompileContext): TerminationPlan {
  const conditions = context.spec.termination_conditions;
  const metricNames = context.spec.metrics.map((metric) => metric.name);
  const checkMetric = (name: string, path: (string | number)[]): string => {
    if (!metricNames.includes(name)) {
      const suggestion = closestMatches(name, metricNames, 1)[0];
      context.report(
        path,
        `\`${name}\` is not a declared metric.`,
        suggestion === undefined ? 'Name one of `metrics[].name`.' : `Did you mean \`${suggestion}\`?`,
        'reference',
      );
    }
    return name;
  };
  const failure = (conditions.failure ?? []).map((condition) => ({
    type: condition.type,
    action: condition.action ?? 'halt',
    value: condition.value,
    consecutive: condition.consecutive ?? 1,
  }));
  const bounds = failure.flatMap((c) =>
    c.type === 'max_iterations' && c.value !== undefined ? [c.value] : [],
  );
  return {
    success: (conditions.success ?? []).map((condition, index) => ({
      metric: checkMetric(condition.metric, ['termination_conditions', 'success', index, 'metric']),
      operator: condition.operator,
      value: condition.value,
      consecutive: condition.consecutive ?? 1,
    })),
    failure,
    stall: (conditions.stall ?? []).map((condition, index) => ({
      metric: checkMetric(condition.metric, ['termination_conditions', 'stall', index, 'metric']),
      windowIterations: condition.window_iterations,
      minImprovement: condition.min_improvement,
      action: condition.action,
    })),
    maxIterations:
      bounds.length > 0 ? Math.floor(Math.min(...bounds)) : context.spec.optimization_strategy.max_steps,
    maxIterationsSource:
      bounds.length > 0 ? 'termination_conditions.failure.max_iterations' : 'optimization_strategy.max_steps',
  };
}

/**
 * The metrics bound to their sources, and the name of the one primary metric (a spec with none, or several, is
 * reported).
 *
 * @example
 * ```ts
 * compileMetrics(context, ordering).metrics[0]!.source; // { kind: 'evaluator', id: 'quality_rubric' }
 * ```
 */
export function compileMetrics(
  context: CompileContext,
  ordering: WorkerOrdering,
): { metrics: MetricProgram[]; primaryMetric: string } {
  const metrics = context.spec.metrics.map((metric, index): MetricProgram => {
    const { root, segments } = splitReference(metric.source);
    const id = segments.join('.');
    const known =
      (root === 'evaluators' && context.spec.evaluators.some((e) => e.id === id)) ||
      (root === 'workers' && ordering.orderOf.has(id)) ||
      (root === 'telemetry' && id !== '');
    if (!known) {
      context.report(
        ['metrics', index, 'source'],
        `Metric \`${metric.name}\` comes from \`${metric.source}\`, which does not exist.`,
        'Name a declared evaluator (`evaluators.X`), worker (`workers.X`) or a `telemetry.<signal>`.',
        'reference',
      );
    }
    return {
      name: metric.name,
      primary: metric.primary ?? false,
      definition: metric.definition,
      source:
        root === 'telemetry'
          ? { kind: 'telemetry', signal: id }
          : { kind: root === 'workers' ? 'worker' : 'evaluator', id },
      unit: metric.unit,
      target: metric.target,
      regressionThreshold: metric.regression_threshold,
    };
  });
  const primary = metrics.filter((metric) => metric.primary);
  if (primary.length !== 1) {
    context.report(
      ['metrics'],
      primary.length === 0
        ? 'No metric is primary.'
        : `${primary.length} metrics are primary (${primary.map((m) => `\`${m.name}\``).join(', ')}).`,
      'Mark exactly one metric with `primary: true`.',
      'primary-metric',
    );
  }
  return { metrics, primaryMetric: primary[0]?.name ?? '' };
}

/**
 * The cost plan, with the per-worker budgets that were declared (in worker order).
 *
 * @example
 * ```ts
 * compileCost(context, ordering).workerBudgetsUsd; // { implementer: 0.25 }
 * ```
 */
export function compileCost(context: CompileContext, ordering: WorkerOrdering): CostPlan {
  const limits = context.spec.cost_limits;
  const workerBudgetsUsd: Record<string, number> = {};
  for (const { spec: worker } of ordering.workers) {
    if (worker.cost_budget_usd !== undefined) workerBudgetsUsd[worker.id] = worker.cost_budget_usd;
  }
  return {
    perIterationUsd: limits.per_iteration_usd,
    cumulativeUsd: limits.cumulative_usd,
    tokenSoftCap: limits.token_soft_cap,
    onApproach:
      limits.on_approach === undefined
        ? undefined
        : { thresholdPercent: limits.on_approach.threshold_percent, action: limits.on_approach.action },
    onExceed: { action: limits.on_exceed.action },
    priceTableRef: limits.price_table_ref,
    workerBudgetsUsd,
  };
}
