// Deterministic evaluators: the contract, the registry, the built-ins and helpers to write your own.
export type { DeterministicEvaluationContext, DeterministicEvaluator } from './deterministic-evaluator.js';
export { DeterministicEvaluatorRegistry, EVALUATOR_NAME_PREFIX } from './deterministic-evaluator-registry.js';
export {
  BUILTIN_DETERMINISTIC_EVALUATORS,
  createDefaultEvaluatorRegistry,
} from './create-default-evaluator-registry.js';
export {
  DeterministicEvaluatorNotFoundError,
  EvaluatorParameterError,
  MissingTaskMaterialError,
  type EvaluatorParameterIssue,
} from './deterministic-evaluator-errors.js';
export {
  defineDeterministicEvaluator,
  parseEvaluatorParameters,
  type DeterministicEvaluatorDefinition,
  type EvaluatorParameterSchema,
} from './define-deterministic-evaluator.js';
export { createVerdict, MAX_REMEDIATION_HINTS, type VerdictParts } from './create-verdict.js';
export { taskEvaluatorParameters } from './task-evaluator-parameters.js';
export {
  approvalRequired,
  DEFAULT_APPROVAL_MARKERS,
  DEFAULT_RISKY_ACTIONS,
} from './builtins/approval-required.js';
export { citationCountMin } from './builtins/citation-count-min.js';
export { citationIntegrity } from './builtins/citation-integrity.js';
export { containsAll } from './builtins/contains-all.js';
export { exactMatch } from './builtins/exact-match.js';
export { factCoverage } from './builtins/fact-coverage.js';
export { linkCheck } from './builtins/link-check.js';
export { regexMatch } from './builtins/regex-match.js';
export { compileJsonSchema, schemaValidate } from './builtins/schema-validate.js';
export { securityVetoCheck } from './builtins/security-veto-check.js';
export { judgeCodeWithTests, testPassRate, testPassRateParameters } from './builtins/test-pass-rate.js';
export { testSuitePass } from './builtins/test-suite-pass.js';
export { DEFAULT_DENIED_TOOLS, toolDenylistCheck } from './builtins/tool-denylist-check.js';
export { wordCountMax } from './builtins/word-count-max.js';
export { wordCountMin } from './builtins/word-count-min.js';
