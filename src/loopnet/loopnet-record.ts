// The typed view of an `ln/record-v1` LoopNet record, field for field as the official record schema defines it.

/**
 * The pattern slugs a record may name (`$defs.PatternSlug`).
 *
 * @example
 * ```ts
 * PATTERN_SLUGS.includes('debate-loop'); // true
 * ```
 */
export const PATTERN_SLUGS = [
  'reflection-loop',
  'critique-loop',
  'planning-loop',
  'verification-loop',
  'research-loop',
  'simulation-loop',
  'debate-loop',
  'exploration-loop',
  'optimization-loop',
  'memory-augmented-loop',
  'human-in-the-loop',
  'safety-constrained-loop',
  'multi-agent-coordination',
  'recursive-improvement-loop',
] as const;

/**
 * The failure taxonomy's slugs F1–F12 (`$defs.FailureModeSlug`), in code order.
 *
 * @example
 * ```ts
 * FAILURE_MODE_SLUGS[6]; // 'fail.oscillation' (F7)
 * ```
 */
export const FAILURE_MODE_SLUGS = [
  'fail.open_loop',
  'fail.self_grade',
  'fail.evaluator_drift',
  'fail.tau_omission',
  'fail.false_pass',
  'fail.false_fail',
  'fail.oscillation',
  'fail.resource_bleed',
  'fail.state_corruption',
  'fail.orchestration_deadlock',
  'fail.meta_instability',
  'fail.safety_bypass',
] as const;

/**
 * Why a recorded loop stopped (`$defs.TerminationReason`).
 *
 * @example
 * ```ts
 * LOOPNET_TERMINATION_REASONS.includes(record.termination_reason); // true
 * ```
 */
export const LOOPNET_TERMINATION_REASONS = [
  'goal_met',
  'budget_exhausted',
  'human_stop',
  'error',
  'stall',
  'safety_violation',
  'timeout',
  'max_iterations',
  'cost_exceeded',
  'evaluator_error',
] as const;

/**
 * A record's outcome.
 *
 * @example
 * ```ts
 * LOOPNET_OUTCOMES; // ['success', 'failure', 'partial']
 * ```
 */
export const LOOPNET_OUTCOMES = ['success', 'failure', 'partial'] as const;

/**
 * The dataset splits.
 *
 * @example
 * ```ts
 * LOOPNET_SPLITS; // ['train', 'val', 'test']
 * ```
 */
export const LOOPNET_SPLITS = ['train', 'val', 'test'] as const;

/**
 * Where a record comes from.
 *
 * @example
 * ```ts
 * LOOPNET_SOURCES[0]; // 'synthetic'
 * ```
 */
export const LOOPNET_SOURCES = ['synthetic', 'case_study', 'production_redacted', 'community'] as const;

/** A pattern slug such as `reflection-loop`. */
export type PatternSlug = (typeof PATTERN_SLUGS)[number];
/** A failure slug such as `fail.oscillation`. */
export type FailureModeSlug = (typeof FAILURE_MODE_SLUGS)[number];
/** A LoopNet termination reason such as `goal_met`. */
export type LoopNetTerminationReason = (typeof LOOPNET_TERMINATION_REASONS)[number];
/** `success`, `failure` or `partial`. */
export type LoopNetOutcome = (typeof LOOPNET_OUTCOMES)[number];
/** `train`, `val` or `test`. */
export type LoopNetSplit = (typeof LOOPNET_SPLITS)[number];
/** `synthetic`, `case_study`, `production_redacted` or `community`. */
export type LoopNetSource = (typeof LOOPNET_SOURCES)[number];

/** The eight LES category scores of a record, each in [0, 1]. */
export interface LoopNetLesCategories {
  effectiveness: number;
  speed: number;
  cost: number;
  robustness: number;
  scalability: number;
  safety: number;
  adaptability: number;
  autonomy: number;
}

/** A recorded LES (`$defs.LesScore`). */
export interface LoopNetLesScore {
  /** The composite on [0, 1]. */
  les_normalized: number;
  /** The composite on 0–100 (`round(les_normalized × 100, 1)`). */
  les_display?: number;
  categories: LoopNetLesCategories;
  /** True when computed with fewer than 8 categories. */
  partial?: boolean;
}

/** One recorded iteration (`$defs.Iteration`): numbers, never outputs. */
export interface LoopNetIteration {
  /** 1-based. */
  iteration: number;
  /** The goal function's value after this iteration, on [0, 1]. */
  goal_score: number;
  cost_usd: number;
  latency_seconds: number;
  tokens?: number;
  primary_quality?: number;
  failure_codes?: FailureModeSlug[];
  safety_events?: number;
  human_intervention?: boolean;
}

/** A record's aggregates (`$defs.Metadata`). */
export interface LoopNetMetadata {
  iteration_count: number;
  cost_total_usd: number;
  goal_target: number;
  goal_final: number;
  worker_count?: number;
  evaluator_count?: number;
  max_iterations_budget?: number;
  regression_count?: number;
  tags?: string[];
}

/**
 * One LoopNet record (`ln/record-v1`). Values of this type come from records that passed the official schema
 * (see `validateLoopNetRecord`), so every required field is present and every enum value is known.
 *
 * @example
 * ```ts
 * for await (const { record } of readLoopNetRecords('records.jsonl')) {
 *   console.log(record.record_id, record.outcome, record.trajectory.length);
 * }
 * ```
 */
export interface LoopNetRecord {
  record_id: string;
  schema_version: 'ln/record-v1';
  spec_pins: { lss: 'lss@1.0.0'; les: 'les@1.0.0' };
  created_at: string;
  source: LoopNetSource;
  split: LoopNetSplit;
  patterns: PatternSlug[];
  loop_name: string;
  objective: string;
  loop_spec?: Record<string, unknown>;
  outcome: LoopNetOutcome;
  termination_reason: LoopNetTerminationReason;
  failure_modes?: FailureModeSlug[];
  failure_mode?: FailureModeSlug;
  trajectory: LoopNetIteration[];
  les_observed: LoopNetLesScore;
  les_predicted?: LoopNetLesScore;
  metadata: LoopNetMetadata;
  redaction?: { level?: 'none' | 'basic' | 'full'; fields_removed?: string[] };
  contributor?: { handle?: string; consent_id?: string };
}
