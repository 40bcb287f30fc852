// The registry holding every built-in deterministic evaluator.
import { approvalRequired } from './builtins/approval-required.js';
import { citationCountMin } from './builtins/citation-count-min.js';
import { citationIntegrity } from './builtins/citation-integrity.js';
import { containsAll } from './builtins/contains-all.js';
import { exactMatch } from './builtins/exact-match.js';
import { factCoverage } from './builtins/fact-coverage.js';
import { linkCheck } from './builtins/link-check.js';
import { regexMatch } from './builtins/regex-match.js';
import { schemaValidate } from './builtins/schema-validate.js';
import { securityVetoCheck } from './builtins/security-veto-check.js';
import { testPassRate } from './builtins/test-pass-rate.js';
import { testSuitePass } from './builtins/test-suite-pass.js';
import { toolDenylistCheck } from './builtins/tool-denylist-check.js';
import { wordCountMax } from './builtins/word-count-max.js';
import { wordCountMin } from './builtins/word-count-min.js';
import type { DeterministicEvaluator } from './deterministic-evaluator.js';
import { DeterministicEvaluatorRegistry } from './deterministic-evaluator-registry.js';

/**
 * Every built-in deterministic evaluator, sorted by name.
 *
 * @example
 * ```ts
 * BUILTIN_DETERMINISTIC_EVALUATORS.map((evaluator) => evaluator.name); // ['evaluators.approval_required', …]
 * ```
 */
export const BUILTIN_DETERMINISTIC_EVALUATORS: readonly DeterministicEvaluator[] = [
  approvalRequired,
  citationCountMin,
  citationIntegrity,
  containsAll,
  exactMatch,
  factCoverage,
  linkCheck,
  regexMatch,
  schemaValidate,
  securityVetoCheck,
  testPassRate,
  testSuitePass,
  toolDenylistCheck,
  wordCountMax,
  wordCountMin,
];

/**
 * A new registry holding every built-in deterministic evaluator (a fresh one each call, so registering your own
 * changes no other registry).
 *
 * @example
 * ```ts
 * const registry = createDefaultEvaluatorRegistry();
 * registry.register(houseStyle);
 * registry.get('evaluators.test_pass_rate');
 * ```
 */
export function createDefaultEvaluatorRegistry(): DeterministicEvaluatorRegistry {
  const registry = new DeterministicEvaluatorRegistry();
  for (const evaluator of BUILTIN_DETERMINISTIC_EVALUATORS) registry.register(evaluator);
  return registry;
}
