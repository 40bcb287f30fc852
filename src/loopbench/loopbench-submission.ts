// The LoopBench submission (results 0.2, `submit/schema.json`) as TypeScript types.
import type { LesCategory } from '../les/les-weights.js';

/** One `(task instance, seed)` run (`$defs.RunRecord`). */
export interface BenchRunRecord {
  task_instance_id: string;
  seed: number;
  success: boolean;
  g_final: number;
  g_0: number;
  g_target: number;
  iterations: number;
  cost_usd: number;
  elapsed_s: number;
  termination_reason: string;
  safety_violations: number;
  goal_trace: number[];
}

/** A task's aggregate (`$defs.TaskAggregate`). */
export interface BenchTaskAggregate {
  success_at_k: number;
  les_observed: number;
  les_display: number;
  categories: Record<LesCategory, number>;
  cost_usd_mean: number;
  robustness_seeds: number;
}

/** A task's result (`$defs.TaskResult`). */
export interface BenchTaskResult {
  task_id: string;
  env_id: string;
  runs: BenchRunRecord[];
  aggregate: BenchTaskAggregate;
}

/** A composite score (`$defs.CompositeScore`). */
export interface BenchCompositeScore {
  les_observed: number;
  les_display: number;
  rank_score: number;
}

/** A suite's score (`$defs.SuiteScore`): `tasks` are the tasks it was computed from. */
export interface BenchSuiteScore extends BenchCompositeScore {
  label?: string;
  tasks: string[];
}

/**
 * A LoopBench submission: what `loopgym bench -o submission.json` writes.
 *
 * @example
 * ```ts
 * const submission: BenchSubmission = JSON.parse(readFileSync('submission.json', 'utf8'));
 * submission.composite.les_display; // 84.2
 * ```
 */
export interface BenchSubmission {
  submission_id: string;
  submitter: string;
  loopbench_version: string;
  lss_version: '1.0.0' | '1.1.0';
  les_version: '1.0.0';
  spec_path: string;
  spec_hash: string;
  submitted_at?: string;
  backend?: 'sim' | 'live' | 'replay';
  primary_suite?: string;
  partial?: boolean;
  results: BenchTaskResult[];
  composite: BenchCompositeScore;
  suite_scores?: Record<string, BenchSuiteScore>;
  grand_composite?: BenchCompositeScore;
}
