// Building safety checks in tests: a constraint and a check with every field filled, overridable.
import type { SafetyConstraintProgram } from '../../../lss/compile/loop-program.js';
import type { SafetyConstraintType, SafetyScope } from '../../../lss/loop-spec.js';
import type { SafetyCheck } from '../safety-detector.js';

/** A compiled constraint of the given type and config (scope `post_worker`, action `halt` unless given). */
export function makeConstraint(
  type: SafetyConstraintType,
  config: Record<string, unknown> = {},
  overrides: Partial<SafetyConstraintProgram> = {},
): SafetyConstraintProgram {
  return {
    id: `${type.replace(/_/g, '-')}-guard`,
    type,
    scope: 'post_worker',
    rule: undefined,
    appliesTo: ['writer'],
    action: 'halt',
    severity: 'S1',
    onError: 'halt',
    config,
    ...overrides,
  };
}

/** A check of a constraint of the given type and config, on `text`, for worker `writer` of run `run-1`. */
export function makeCheck(
  type: SafetyConstraintType,
  config: Record<string, unknown> = {},
  overrides: Partial<SafetyCheck> = {},
): SafetyCheck {
  const scope: SafetyScope = overrides.scope ?? 'post_worker';
  return {
    constraint: makeConstraint(type, config, { scope }),
    scope,
    workerId: 'writer',
    text: undefined,
    toolCall: undefined,
    memoryWrite: undefined,
    allowedTools: [],
    run: { runId: 'run-1', iteration: 0, elapsedSeconds: 0, inputs: {} },
    callLog: { worker: {}, tool: {} },
    ...overrides,
  };
}
