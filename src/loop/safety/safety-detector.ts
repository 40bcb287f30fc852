// The contract of a safety detector: one per LSS safety constraint type.
import type { SafetyConstraintProgram } from '../../lss/compile/loop-program.js';
import type { SafetyScope, SafetyConstraintType } from '../../lss/loop-spec.js';

/** A tool call under check (scope `pre_worker`: before the tool runs). */
export interface ToolCallUnderCheck {
  name: string;
  arguments: Readonly<Record<string, unknown>>;
}

/** What is being checked, at which scope, for which constraint. */
export interface SafetyCheck {
  constraint: SafetyConstraintProgram;
  scope: SafetyScope;
  /** The worker concerned (the one about to run, that ran, or whose output is judged or written to memory). */
  workerId: string | undefined;
  /**
   * The text under check: the prompt (`pre_worker`), the output (`post_worker`, `pre_output`, `pre_evaluator`), or
   * the value written (`pre_memory_write`, as JSON text when not a string).
   */
  text: string | undefined;
  /** A tool call the worker wants to make (`pre_worker`). */
  toolCall: ToolCallUnderCheck | undefined;
  /** A memory write (`pre_memory_write`). */
  memoryWrite: { key: string; value: unknown } | undefined;
  /** The tools the worker's spec allows (`tools`). */
  allowedTools: readonly string[];
  /** Facts of the run the detectors may need: run id, iteration, seconds since the run started, the task's inputs. */
  run: {
    runId: string;
    iteration: number;
    elapsedSeconds: number;
    inputs: Readonly<Record<string, unknown>>;
  };
  /** Calls made so far in this run (for `rate_limit`): timestamps in run seconds, by worker and by tool. */
  callLog: {
    worker: Readonly<Record<string, readonly number[]>>;
    tool: Readonly<Record<string, readonly number[]>>;
  };
}

/** A span of the text under check that a finding is about (what `strip` removes). */
export interface FindingSpan {
  start: number;
  end: number;
  /** What was found there: `aws_key`, `email`, `ignore_instructions`, … */
  label: string;
}

/** Something a detector found. No findings: the check passed. */
export interface SafetyFinding {
  /** The constraint type that found it. */
  type: SafetyConstraintType;
  /** What was found, in plain words (never repeating a secret). */
  message: string;
  /** For scored detectors (`injection_detect`): the risk on [0, 1] compared with `max_risk_score`. */
  riskScore?: number | undefined;
  /** Where, in `SafetyCheck.text`, when it is about text. */
  spans: readonly FindingSpan[];
}

/**
 * A detector for one constraint type. It only finds; the engine applies the constraint's action (`halt`,
 * `quarantine`, `strip`, `warn`, `escalate_human`). A detector that cannot decide throws: the engine then applies
 * the constraint's `on_error`.
 *
 * @example
 * ```ts
 * const findings = detectors.get('secret_scan')!.inspect(check);
 * if (findings.length > 0) applyAction(check.constraint.action, findings);
 * ```
 */
export interface SafetyDetector {
  type: SafetyConstraintType;
  /** The scopes where the detector means something (others are reported by the engine as a spec warning). */
  scopes: readonly SafetyScope[];
  inspect(check: SafetyCheck): readonly SafetyFinding[];
}
