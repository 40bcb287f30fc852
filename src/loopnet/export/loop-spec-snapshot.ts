// A record's `loop_spec`: the loop's design in LSS names, without any of its text (roles, criteria, instructions).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import type { PatternSlug } from '../loopnet-record.js';

/**
 * What LoopNet export leaves out of a record, as `redaction.fields_removed` lists it. LoopNet stores numbers, so
 * everything a loop read or wrote is dropped: the task's inputs, every prompt and message, model and worker outputs,
 * tool arguments and results, feedback text, evaluators' summaries, hints and details, safety findings, people's
 * reasons, memory contents; from the spec, workers' roles, rubric criteria, human review instructions, input
 * descriptions and examples, and other extensions. API keys and provider addresses are never read by the export.
 *
 * @example
 * ```ts
 * LOOPNET_REDACTED_FIELDS.includes('prompts'); // true
 * ```
 */
export const LOOPNET_REDACTED_FIELDS: readonly string[] = Object.freeze([
  'inputs',
  'prompts',
  'model_outputs',
  'worker_outputs',
  'tool_calls',
  'feedback_content',
  'evaluator_summaries',
  'remediation_hints',
  'evaluator_details',
  'safety_findings',
  'human_reasons',
  'memory',
  'loop_spec.workers.role',
  'loop_spec.evaluators.rubric.criteria',
  'loop_spec.evaluators.instructions',
  'loop_spec.inputs',
  'loop_spec.safety_constraints.config',
  'loop_spec.extensions',
]);

/**
 * The loop's design as a record's `loop_spec` (LSS field names): workers (id, model, dependencies, output format,
 * tools, timeout, retries, budget), evaluators (id, type, what they judge, implementation, rubric dimension names,
 * weights and scales, pass threshold, judge model), feedback routes, optimizer, termination rules, metrics, safety
 * constraints (id, type, scope, action, severity), memory type, cost limits, and `extensions.patterns` (the record's
 * patterns, as LoopNet's own records write them). No free text of the spec is kept.
 *
 * @example
 * ```ts
 * loopSpecSnapshot(program, ['verification-loop']).workers;
 * ```
 */
export function loopSpecSnapshot(
  program: LoopProgram,
  patterns: readonly PatternSlug[],
): Record<string, unknown> {
  const model = (binding: { provider: string; name: string; temperature: number | undefined }) => ({
    provider: binding.provider,
    name: binding.name,
    ...(binding.temperature === undefined ? {} : { temperature: binding.temperature }),
  });
  return {
    loop_name: program.name,
    version: program.version,
    memory: { type: program.memory.type },
    workers: program.workers.map((worker) => ({
      id: worker.id,
      model: model(worker.model),
      ...(worker.dependsOn.length === 0 ? {} : { depends_on: [...worker.dependsOn] }),
      outputs: { format: worker.output.format },
      ...(worker.tools.length === 0 ? {} : { tools: [...worker.tools] }),
      timeout_seconds: worker.timeoutSeconds,
      retries: worker.retries,
      ...(worker.costBudgetUsd === undefined ? {} : { cost_budget_usd: worker.costBudgetUsd }),
    })),
    evaluators: program.evaluators.map((evaluator) => ({
      id: evaluator.id,
      type: evaluator.type,
      runs_after: [...evaluator.runsAfter],
      ...(evaluator.type === 'deterministic' ? { implementation: evaluator.implementation } : {}),
      ...(evaluator.type === 'llm_rubric'
        ? {
            rubric: {
              dimensions: evaluator.dimensions.map((dimension) => ({
                name: dimension.name,
                weight: dimension.weight,
                scale: [...dimension.scale],
              })),
              pass_threshold: evaluator.passThreshold,
            },
            model: model(evaluator.model),
          }
        : {}),
      ...(evaluator.type === 'human' ? { timeout_seconds: evaluator.timeoutSeconds } : {}),
      ...(evaluator.aggregation === undefined ? {} : { aggregation: evaluator.aggregation }),
    })),
    feedback_channels: program.feedback.map((route) => ({
      id: route.id,
      source: `${route.source.kind}s.${route.source.id}`,
      destination:
        route.destination.kind === 'worker'
          ? `workers.${route.destination.id}`
          : `optimization_strategy.${route.destination.type}`,
      format: route.format,
      fields: [...route.fields],
    })),
    optimization_strategy: { type: program.optimization.type, max_steps: program.optimization.maxSteps },
    termination_conditions: {
      success: program.termination.success.map((rule) => ({ ...rule })),
      failure: program.termination.failure.map((rule) => ({
        type: rule.type,
        action: rule.action,
        ...(rule.value === undefined ? {} : { value: rule.value }),
        consecutive: rule.consecutive,
      })),
      stall: program.termination.stall.map((rule) => ({
        metric: rule.metric,
        window_iterations: rule.windowIterations,
        min_improvement: rule.minImprovement,
        action: rule.action,
      })),
    },
    metrics: program.metrics.map((metric) => ({
      name: metric.name,
      primary: metric.primary,
      source:
        metric.source.kind === 'telemetry'
          ? `telemetry.${metric.source.signal}`
          : `${metric.source.kind}s.${metric.source.id}`,
      unit: metric.unit,
      ...(metric.target === undefined ? {} : { target: metric.target }),
    })),
    safety_constraints: program.safety.constraints.map((constraint) => ({
      id: constraint.id,
      type: constraint.type,
      scope: constraint.scope,
      action: constraint.action,
      severity: constraint.severity,
    })),
    cost_limits: {
      per_iteration_usd: program.cost.perIterationUsd,
      cumulative_usd: program.cost.cumulativeUsd,
      ...(program.cost.tokenSoftCap === undefined ? {} : { token_soft_cap: program.cost.tokenSoftCap }),
      on_exceed: { action: program.cost.onExceed.action },
    },
    extensions: { patterns: [...patterns] },
  };
}

/**
 * The spec's hash as LoopBench writes it: `sha256:` and the hex SHA-256 of the spec file's bytes. A program without a
 * readable file (compiled in memory) is hashed from its JSON instead, marked `sha256-program:`.
 *
 * @example
 * ```ts
 * specHash(program); // 'sha256:c1acd3…'
 * ```
 */
export function specHash(program: LoopProgram): string {
  const file = program.source.file;
  if (file !== undefined) {
    try {
      return `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex')}`;
    } catch {
      // The file moved or was deleted since the program was compiled: hash the program.
    }
  }
  return `sha256-program:${createHash('sha256').update(JSON.stringify(program)).digest('hex')}`;
}
