// Compiles a valid LSS document into the frozen LoopProgram the loop engine executes.
import type { LoopSpec } from '../loop-spec.js';
import type { SourceMap } from '../parse/source-map.js';
import { createCompileContext, deepFreeze, otherKeys } from './compile-context.js';
import { compileComposition, type ResolveChild } from './compile-composition.js';
import { compileEvaluators } from './compile-evaluators.js';
import { compileFeedback, compileOptimization } from './compile-feedback.js';
import {
  compileCost,
  compileInputs,
  compileMemory,
  compileMetrics,
  compileTermination,
} from './compile-plans.js';
import { compileSafety } from './compile-safety.js';
import { compileWorkers, orderWorkers } from './compile-workers.js';
import { LOOP_PROGRAM_FORMAT, type LoopProgram } from './loop-program.js';
import { SpecCompileError } from './spec-compile-error.js';

/** Options of {@link compileSpec}. */
export interface CompileSpecOptions {
  /** The spec's file: recorded in the program and its problems; composition children are resolved against it. */
  file?: string | undefined;
  /** Positions of the spec's nodes, for problems (from `parseSpecText`). */
  sourceMap?: SourceMap | undefined;
  /** Compiles a composition's child; needed when the spec has a `composition` block. */
  resolveChild?: ResolveChild | undefined;
}

/** The top-level keys LSS defines; every other key is kept in `extensions`. */
const LSS_KEYS = [
  'loop_name',
  'version',
  'objective',
  'inputs',
  'memory',
  'workers',
  'evaluators',
  'feedback_channels',
  'optimization_strategy',
  'termination_conditions',
  'metrics',
  'safety_constraints',
  'cost_limits',
  'composition',
];

/**
 * Compiles a spec (one that `validateSpec` accepts) into a deep-frozen, JSON-serialisable {@link LoopProgram}: workers
 * in topological order with their levels and resolved inputs, evaluators in evaluation order, feedback routed, every
 * optional bound resolved by the rule written in `loop-program.ts`, metrics bound, safety indexed by scope, and
 * composition children compiled through `resolveChild`. The same spec always gives the same program.
 *
 * @throws {SpecCompileError} with every problem when the spec breaks a rule the compiler relies on (unknown
 * references, a `depends_on` cycle, not exactly one primary metric, a bad `when` condition) or a child cannot be
 * compiled.
 *
 * @example
 * ```ts
 * const parsed = parseSpecText(text, { file: 'loop.yaml' });
 * const program = compileSpec(parsed.value as LoopSpec, { file: 'loop.yaml', sourceMap: parsed.sourceMap });
 * program.workers.map((worker) => `${worker.id}@${worker.level}`);
 * ```
 */
export function compileSpec(spec: LoopSpec, options: CompileSpecOptions = {}): LoopProgram {
  const context = createCompileContext(spec, options);
  const ordering = orderWorkers(context);
  const safety = compileSafety(context, ordering);
  const evaluation = compileEvaluators(context, ordering, safety.plan);
  const feedback = compileFeedback(context, ordering);
  const workers = compileWorkers(context, ordering, {
    feedbackChannels: feedback.byWorker,
    evaluators: evaluation.byWorker,
    safety: safety.byWorker,
  });
  const metrics = compileMetrics(context, ordering);
  const program: LoopProgram = {
    format: LOOP_PROGRAM_FORMAT,
    lssVersion: spec.composition === undefined ? '1.0' : '1.1',
    name: spec.loop_name,
    version: spec.version,
    objective: spec.objective,
    source: { file: options.file },
    inputs: compileInputs(context),
    inputExamples: (spec.inputs.examples ?? []).map((example) => otherKeys(example, [])),
    memory: compileMemory(context),
    workers,
    evaluators: evaluation.evaluators,
    evaluation: evaluation.plan,
    feedback: feedback.routes,
    optimization: compileOptimization(context, ordering),
    termination: compileTermination(context),
    metrics: metrics.metrics,
    primaryMetric: metrics.primaryMetric,
    safety: safety.plan,
    cost: compileCost(context, ordering),
    composition: compileComposition(context, options.resolveChild),
    extensions: otherKeys(spec, LSS_KEYS),
  };
  if (context.problems.some((problem) => problem.severity === 'error')) {
    throw new SpecCompileError(context.problems);
  }
  return deepFreeze(program);
}
