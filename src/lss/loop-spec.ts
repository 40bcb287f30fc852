// The shape of an LSS 1.0 document (plus the LSS 1.1 `composition` block), as the official JSON Schemas define it.
// Field names stay as written in YAML (snake_case): these types describe documents, not LoopGym's own objects.

/** Types an input field can declare. */
export type InputFieldType = 'string' | 'number' | 'boolean' | 'enum' | 'array' | 'object';

/** One field of `inputs.schema`. */
export interface InputFieldSpec {
  type: InputFieldType;
  description: string;
  required?: boolean;
  max_length?: number;
  min_length?: number;
  pattern?: string;
  /** Allowed values of an `enum` field. */
  values?: (string | number | boolean)[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  /** Item type of an `array` field. */
  items?: InputFieldType;
}

export interface InputsSpec {
  schema: Record<string, InputFieldSpec>;
  examples?: Record<string, unknown>[];
}

export interface MemorySpec {
  type: 'ephemeral' | 'session' | 'persistent';
  backend?: 'redis' | 'postgres' | 'vector' | 'composite' | null;
  retention?: { unit: 'iteration' | 'hour' | 'day'; value: number };
  write_policy?: { allowed_writers?: string[]; schema?: string; max_entries?: number };
  /** Worker id → the memory keys it may read. */
  read_policy?: Record<string, string[]>;
  redaction?: Record<string, unknown>;
}

export interface ModelSpec {
  provider: string;
  name: string;
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
}

export interface WorkerSpec {
  id: string;
  role: string;
  model: ModelSpec;
  depends_on?: string[];
  /** `inputs.X`, `memory.X` or `workers.Y`. */
  inputs: { from: string }[];
  outputs: { name: string; format: 'text' | 'json' | 'markdown' | 'code' | 'binary'; schema_ref?: string };
  tools?: string[];
  timeout_seconds?: number;
  retries?: number;
  cost_budget_usd?: number;
}

export interface RubricDimensionSpec {
  name: string;
  weight: number;
  scale: [number, number];
  criteria: string;
}

export type EvaluatorAggregation = 'min' | 'weighted_avg' | 'veto';

interface EvaluatorBaseSpec {
  id: string;
  /** Worker ids, or `*` for all. */
  runs_after: string[];
  aggregation?: EvaluatorAggregation;
}

export interface DeterministicEvaluatorSpec extends EvaluatorBaseSpec {
  type: 'deterministic';
  /** e.g. `evaluators.test_pass_rate`. */
  implementation: string;
}

export interface LlmRubricEvaluatorSpec extends EvaluatorBaseSpec {
  type: 'llm_rubric';
  rubric: { dimensions: RubricDimensionSpec[]; pass_threshold: number };
  model: ModelSpec;
}

export interface HumanEvaluatorSpec extends EvaluatorBaseSpec {
  type: 'human';
  timeout_seconds: number;
  queue?: string;
  instructions?: string;
}

export type EvaluatorSpec = DeterministicEvaluatorSpec | LlmRubricEvaluatorSpec | HumanEvaluatorSpec;

export type FeedbackField =
  'failure_codes' | 'dimension_scores' | 'remediation_hints' | 'passed' | 'score' | 'raw_output' | 'summary';

export type OptimizationType =
  'prompt_refinement' | 'parameter_search' | 'memory_update' | 'structural' | 'manual';

export interface FeedbackChannelSpec {
  id: string;
  /** `evaluators.X` or `workers.X`. */
  source: string;
  /** `workers.X`, `optimization_strategy` or `optimization_strategy.<type>`. */
  destination: string;
  format: 'structured' | 'template' | 'human_queue';
  /** The template a `template` channel renders its feedback with. */
  template_ref?: string;
  fields?: FeedbackField[];
  max_tokens?: number;
  /** A condition such as `score < pass_threshold`. */
  when?: string;
}

export interface OptimizationStrategySpec {
  type: OptimizationType;
  max_steps: number;
  config?: {
    refinement_target?: string;
    secondary_targets?: string[];
    preserve_sections?: string[];
    human_gate_on?: Record<string, unknown>;
    search_space?: Record<string, unknown>;
    [key: string]: unknown;
  };
  rollback?: { on_metric_drop?: number; on_safety_failure?: boolean };
}

export type ComparisonOperator = 'gte' | 'lte' | 'eq' | 'gt' | 'lt';
export type TerminationAction = 'halt' | 'escalate_human' | 'retry_iteration';
export type FailureType =
  'safety_violation' | 'max_iterations' | 'evaluator_error' | 'cost_exceeded' | 'human_rejected' | 'timeout';

export interface TerminationConditionsSpec {
  success?: { metric: string; operator: ComparisonOperator; value: number; consecutive?: number }[];
  failure?: { type: FailureType; action?: TerminationAction; value?: number; consecutive?: number }[];
  stall?: { metric: string; window_iterations: number; min_improvement: number; action: TerminationAction }[];
}

export type MetricUnit = 'ratio' | 'count' | 'usd' | 'seconds' | 'tokens' | 'percent';

export interface MetricSpec {
  name: string;
  primary?: boolean;
  definition: string;
  /** `evaluators.X`, `workers.X` or `telemetry.<signal>`. */
  source: string;
  unit: MetricUnit;
  target?: number;
  regression_threshold?: number;
}

export type SafetyScope = 'pre_worker' | 'post_worker' | 'pre_output' | 'pre_memory_write' | 'pre_evaluator';
export type SafetyAction = 'halt' | 'quarantine' | 'escalate_human' | 'warn' | 'strip';
export type SafetyConstraintType =
  | 'injection_detect'
  | 'secret_scan'
  | 'pii_detect'
  | 'egress_monitor'
  | 'tool_allowlist'
  | 'schema_enforce'
  | 'human_gate'
  | 'tenant_isolation'
  | 'output_bounds'
  | 'rate_limit';

export interface SafetyConstraintSpec {
  id: string;
  type: SafetyConstraintType;
  scope: SafetyScope;
  /** The rule the constraint enforces, in words or as a reference (e.g. a policy id). */
  rule?: string;
  /** Worker ids, or `*` for all. */
  applies_to?: string[];
  action: SafetyAction;
  severity?: string;
  on_error?: 'halt' | 'warn' | 'quarantine';
  config?: Record<string, unknown>;
}

export interface CostLimitsSpec {
  per_iteration_usd: number;
  cumulative_usd: number;
  token_soft_cap?: number;
  on_approach?: { threshold_percent: number; action: 'warn' | 'throttle' | 'halt' };
  on_exceed: { action: 'halt' | 'warn' | 'throttle' };
  price_table_ref?: string;
}

export interface CompositionSpec {
  type: 'sequential' | 'parallel' | 'nested';
  children: {
    id: string;
    ref: string;
    role?: 'stage' | 'branch' | 'outer' | 'inner';
    [key: string]: unknown;
  }[];
  adapters?: { from: string; to: string; transform?: string; [key: string]: unknown }[];
  merge?: {
    strategy?: 'synthesize' | 'vote' | 'first_pass' | 'all_pass';
    min_branches_pass?: number;
    preserve_dissent?: boolean;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/**
 * An LSS document: the thirteen required fields of LSS 1.0, the optional `extensions`, the LSS 1.1 `composition`
 * block, and any `x_` or other extra keys.
 *
 * @example
 * ```ts
 * const spec = parsed.value as LoopSpec; // once validateSpec() found no errors
 * spec.workers.map((w) => w.id);
 * ```
 */
export interface LoopSpec {
  loop_name: string;
  version: string;
  objective: string;
  inputs: InputsSpec;
  memory: MemorySpec;
  workers: WorkerSpec[];
  evaluators: EvaluatorSpec[];
  feedback_channels: FeedbackChannelSpec[];
  optimization_strategy: OptimizationStrategySpec;
  termination_conditions: TerminationConditionsSpec;
  metrics: MetricSpec[];
  safety_constraints: SafetyConstraintSpec[];
  cost_limits: CostLimitsSpec;
  extensions?: Record<string, unknown>;
  composition?: CompositionSpec;
  [key: string]: unknown;
}
