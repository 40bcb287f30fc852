// A compiled LSS spec: what the loop engine executes. Plain, frozen JSON data (no functions, no Maps), so a program
// can be printed (`loopgym compile --json`), stored, diffed and snapshot-tested. Names are LoopGym's (camelCase);
// every optional field of the spec is resolved here to one explicit value, with the rule written beside it.
import type {
  ComparisonOperator,
  EvaluatorAggregation,
  FailureType,
  FeedbackField,
  InputFieldType,
  MetricUnit,
  OptimizationType,
  SafetyAction,
  SafetyConstraintType,
  SafetyScope,
  TerminationAction,
} from '../loop-spec.js';

/** The format tag every program starts with; bumped on incompatible changes. */
export const LOOP_PROGRAM_FORMAT = 'loopgym.loop-program/1';

/** A model a worker or judge calls. */
export interface ModelBinding {
  provider: string;
  name: string;
  /** Model id as LoopGym writes it: `provider:name`. */
  id: string;
  temperature: number | undefined;
  maxTokens: number | undefined;
  topP: number | undefined;
}

/** One field a run's input values are checked against before any worker starts. */
export interface InputField {
  name: string;
  type: InputFieldType;
  description: string;
  required: boolean;
  /** Applied when the value is missing (and the field is not required). */
  default: unknown;
  hasDefault: boolean;
  minLength: number | undefined;
  maxLength: number | undefined;
  pattern: string | undefined;
  /** Allowed values of an `enum` field. */
  values: readonly (string | number | boolean)[] | undefined;
  minimum: number | undefined;
  maximum: number | undefined;
  /** Item type of an `array` field. */
  items: InputFieldType | undefined;
}

/** Where a worker input comes from. `path` is the dotted path after the root (`inputs.repo.url` → `['repo', 'url']`). */
export type InputBinding =
  | { kind: 'input'; ref: string; name: string; path: readonly string[] }
  | { kind: 'memory'; ref: string; key: string; path: readonly string[] }
  | { kind: 'worker'; ref: string; workerId: string };

export interface WorkerProgram {
  id: string;
  role: string;
  model: ModelBinding;
  /** Position in the topological order (0-based). */
  order: number;
  /** Longest chain of dependencies below this worker: workers of one level can run concurrently. */
  level: number;
  /** Declared `depends_on`, in declaration order. */
  dependsOn: readonly string[];
  inputs: readonly InputBinding[];
  output: {
    name: string;
    format: 'text' | 'json' | 'markdown' | 'code' | 'binary';
    schemaRef: string | undefined;
  };
  /** The only tools the worker may call (empty: none). */
  tools: readonly string[];
  /** Resolved: the spec's value, else 120 seconds. */
  timeoutSeconds: number;
  /** Resolved: the spec's value, else 0. */
  retries: number;
  /** The worker's own budget, if it declares one (the loop's cost limits always apply). */
  costBudgetUsd: number | undefined;
  /** Feedback channels whose destination is this worker. */
  feedbackChannels: readonly string[];
  /** Evaluators that run after this worker. */
  evaluators: readonly string[];
  /** Memory keys the worker may read (`undefined`: no read policy, every key; a policy that omits the worker: none). */
  memoryReads: readonly string[] | undefined;
  /** Whether the worker may write memory (`write_policy.allowed_writers`, default deny). */
  memoryWrite: boolean;
  /** Safety constraints that apply to this worker, by scope. */
  safety: Readonly<Partial<Record<SafetyScope, readonly string[]>>>;
}

interface EvaluatorProgramBase {
  id: string;
  /** The workers whose outputs the evaluator judges (`*` expanded), in topological order. */
  runsAfter: readonly string[];
  /** Position in evaluation order: evaluators run after their last worker, in declaration order. */
  order: number;
  aggregation: EvaluatorAggregation | undefined;
  /** Feedback channels fed by this evaluator. */
  feedbackChannels: readonly string[];
  /** Safety constraints of scope `pre_evaluator` that guard it: those that apply to a worker it judges. */
  safety: readonly string[];
}

export interface DeterministicEvaluatorProgram extends EvaluatorProgramBase {
  type: 'deterministic';
  /** The implementation's registered name, e.g. `evaluators.test_pass_rate`. */
  implementation: string;
}

export interface LlmRubricEvaluatorProgram extends EvaluatorProgramBase {
  type: 'llm_rubric';
  model: ModelBinding;
  dimensions: readonly {
    name: string;
    /** The declared weight. */
    weight: number;
    /** Weight divided by the sum of weights (they need not sum to 1 in the spec). */
    normalizedWeight: number;
    scale: readonly [number, number];
    criteria: string;
  }[];
  passThreshold: number;
}

export interface HumanEvaluatorProgram extends EvaluatorProgramBase {
  type: 'human';
  /** The review SLA. */
  timeoutSeconds: number;
  queue: string | undefined;
  instructions: string | undefined;
}

export type EvaluatorProgram =
  DeterministicEvaluatorProgram | LlmRubricEvaluatorProgram | HumanEvaluatorProgram;

/**
 * How evaluator scores combine into an iteration's verdict. Resolved: `weighted_avg` when any evaluator asks for it,
 * else `min`; evaluators with `aggregation: veto` fail the iteration whenever they fail, whatever the others say.
 */
export interface EvaluationPlan {
  aggregation: 'min' | 'weighted_avg';
  vetoes: readonly string[];
}

/** A condition such as `score < pass_threshold`, parsed. */
export type ConditionExpression =
  | {
      kind: 'compare';
      operator: '<' | '<=' | '>' | '>=' | '==' | '!=';
      left: ConditionOperand;
      right: ConditionOperand;
    }
  | { kind: 'and' | 'or'; operands: readonly ConditionExpression[] }
  | { kind: 'not'; operand: ConditionExpression }
  | { kind: 'truthy'; operand: ConditionOperand };

export type ConditionOperand =
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'string'; value: string }
  | { kind: 'variable'; name: string };

export interface FeedbackRoute {
  id: string;
  source: { kind: 'evaluator' | 'worker'; id: string };
  /** To a worker's next prompt, or to the optimizer (of the loop's optimization type when none is named). */
  destination: { kind: 'worker'; id: string } | { kind: 'optimizer'; type: OptimizationType };
  format: 'structured' | 'template' | 'human_queue';
  /** The template a `template` channel renders (`template_ref`). */
  templateRef: string | undefined;
  /** Resolved: the declared fields, else `failure_codes`, `score` and `remediation_hints`. */
  fields: readonly FeedbackField[];
  maxTokens: number | undefined;
  /** `undefined`: always sent. */
  when: { text: string; expression: ConditionExpression } | undefined;
}

export interface OptimizationPlan {
  type: OptimizationType;
  /** At most this many refinements. */
  maxSteps: number;
  /** The worker id of `config.refinement_target` (`workers.writer` → `writer`). */
  refinementTarget: string | undefined;
  /** Worker ids of `config.secondary_targets`. */
  secondaryTargets: readonly string[];
  /** Resolved: the declared sections, else none. */
  preserveSections: readonly string[];
  humanGateOn: Readonly<Record<string, unknown>> | undefined;
  searchSpace: Readonly<Record<string, unknown>> | undefined;
  /** `onSafetyFailure` resolved: the declared value, else false. */
  rollback: { onMetricDrop: number | undefined; onSafetyFailure: boolean };
  /** Other `config` keys, kept as written. */
  config: Readonly<Record<string, unknown>>;
}

export interface TerminationPlan {
  success: readonly { metric: string; operator: ComparisonOperator; value: number; consecutive: number }[];
  failure: readonly {
    type: FailureType;
    /** Resolved: the declared action, else `halt`. */
    action: TerminationAction;
    value: number | undefined;
    /** Resolved: the declared count, else 1. */
    consecutive: number;
  }[];
  stall: readonly {
    metric: string;
    windowIterations: number;
    minImprovement: number;
    action: TerminationAction;
  }[];
  /**
   * The iteration bound. Resolved: the value of the `max_iterations` failure condition when there is one (the smallest
   * when there are several, rounded down), else `optimization_strategy.max_steps`; where it came from is in
   * `maxIterationsSource`.
   */
  maxIterations: number;
  maxIterationsSource: 'termination_conditions.failure.max_iterations' | 'optimization_strategy.max_steps';
}

export type MetricSource =
  { kind: 'evaluator'; id: string } | { kind: 'worker'; id: string } | { kind: 'telemetry'; signal: string };

export interface MetricProgram {
  name: string;
  primary: boolean;
  definition: string;
  source: MetricSource;
  unit: MetricUnit;
  target: number | undefined;
  regressionThreshold: number | undefined;
}

export interface SafetyConstraintProgram {
  id: string;
  type: SafetyConstraintType;
  scope: SafetyScope;
  /** The invariant in words (`rule`), when written. */
  rule: string | undefined;
  /** The workers it guards (`*` expanded; all workers when `applies_to` is absent). */
  appliesTo: readonly string[];
  action: SafetyAction;
  /** Resolved: the declared severity, else `S1`. */
  severity: string;
  /** What to do when the check itself fails. Resolved: the declared value, else `halt`. */
  onError: 'halt' | 'warn' | 'quarantine';
  config: Readonly<Record<string, unknown>>;
}

export interface SafetyPlan {
  constraints: readonly SafetyConstraintProgram[];
  /** Constraint ids by scope, in declaration order. */
  byScope: Readonly<Record<SafetyScope, readonly string[]>>;
}

export interface CostPlan {
  perIterationUsd: number;
  cumulativeUsd: number;
  tokenSoftCap: number | undefined;
  onApproach: { thresholdPercent: number; action: 'warn' | 'throttle' | 'halt' } | undefined;
  onExceed: { action: 'halt' | 'warn' | 'throttle' };
  priceTableRef: string | undefined;
  /** Per-worker budgets that were declared. */
  workerBudgetsUsd: Readonly<Record<string, number>>;
}

export interface MemoryPlan {
  type: 'ephemeral' | 'session' | 'persistent';
  backend: string | undefined;
  retention: { unit: 'iteration' | 'hour' | 'day'; value: number } | undefined;
  /** Workers (and `optimizer`) allowed to write; empty: nobody (default deny). */
  allowedWriters: readonly string[];
  writeSchema: string | undefined;
  maxEntries: number | undefined;
  /** Worker id → readable keys; `undefined` when the spec has no read policy (every worker reads every key). */
  readPolicy: Readonly<Record<string, readonly string[]>> | undefined;
  redaction: Readonly<Record<string, unknown>> | undefined;
}

export interface CompositionPlan {
  type: 'sequential' | 'parallel' | 'nested';
  children: readonly {
    id: string;
    ref: string;
    /** Resolved: the declared role, else `branch` in a parallel composition and `stage` otherwise. */
    role: 'stage' | 'branch' | 'outer' | 'inner';
    /** The child spec's path, resolved against the composition file. */
    resolvedPath: string;
    /** The compiled child. */
    program: LoopProgram;
    /** Other keys of the child entry (e.g. `lens`), kept as written. */
    attributes: Readonly<Record<string, unknown>>;
  }[];
  adapters: readonly {
    from: string;
    to: string;
    transform: string | undefined;
    /** Other keys of the adapter, kept as written. */
    attributes: Readonly<Record<string, unknown>>;
  }[];
  merge:
    | {
        /** Resolved: the declared strategy, else `min_branches_pass` when `min_branches_pass` is set, else `synthesize`. */
        strategy: 'synthesize' | 'vote' | 'first_pass' | 'all_pass' | 'min_branches_pass';
        minBranchesPass: number | undefined;
        /** Resolved: the declared value, else false. */
        preserveDissent: boolean;
        /** Other keys of the merge block (e.g. `synthesizer`), kept as written. */
        attributes: Readonly<Record<string, unknown>>;
      }
    | undefined;
  /** Other keys of the composition block, kept as written. */
  attributes: Readonly<Record<string, unknown>>;
}

/**
 * A compiled loop: everything the engine needs, resolved and in execution order.
 *
 * @example
 * ```ts
 * const { program } = await compileSpecFile('loop.yaml');
 * program.workers.map((w) => w.id); // topological order
 * program.termination.maxIterations;
 * ```
 */
export interface LoopProgram {
  format: typeof LOOP_PROGRAM_FORMAT;
  /** `1.1` when the spec has a `composition` block. */
  lssVersion: '1.0' | '1.1';
  name: string;
  version: string;
  objective: string;
  source: { file: string | undefined };
  inputs: readonly InputField[];
  inputExamples: readonly Readonly<Record<string, unknown>>[];
  memory: MemoryPlan;
  /** In topological order (ties keep declaration order). */
  workers: readonly WorkerProgram[];
  /** In evaluation order. */
  evaluators: readonly EvaluatorProgram[];
  evaluation: EvaluationPlan;
  feedback: readonly FeedbackRoute[];
  optimization: OptimizationPlan;
  termination: TerminationPlan;
  metrics: readonly MetricProgram[];
  primaryMetric: string;
  safety: SafetyPlan;
  cost: CostPlan;
  composition: CompositionPlan | undefined;
  /** `x_` keys, the `extensions` object and any other top-level keys, kept as written. */
  extensions: Readonly<Record<string, unknown>>;
}
