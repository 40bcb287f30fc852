// Every semantic rule, in the order the validator runs them.
import { checkComposition } from './check-composition.js';
import { checkCostBudgets } from './check-cost-budgets.js';
import { checkDependencyCycles } from './check-dependency-cycles.js';
import { checkFeedbackConditions } from './check-feedback-conditions.js';
import { checkFeedbackReferences } from './check-feedback-references.js';
import { checkInputFields } from './check-input-fields.js';
import { checkMemoryAccess } from './check-memory-access.js';
import { checkMetricReferences } from './check-metric-references.js';
import { checkOptimizationTargets } from './check-optimization-targets.js';
import { checkPrimaryMetric } from './check-primary-metric.js';
import { checkReachability } from './check-reachability.js';
import { checkRubrics } from './check-rubrics.js';
import { checkTerminationBound } from './check-termination-bound.js';
import { checkUniqueIds } from './check-unique-ids.js';
import { checkWorkerLists } from './check-worker-lists.js';
import { checkWorkerReferences } from './check-worker-references.js';
import type { SpecRule } from './spec-rule.js';

/**
 * The semantic rules LoopGym checks beyond the JSON Schemas, each a pure function of the document.
 *
 * @example
 * ```ts
 * const problems = SPEC_RULES.flatMap(({ check }) => check(document));
 * ```
 */
export const SPEC_RULES: readonly { name: string; check: SpecRule }[] = Object.freeze([
  { name: 'unique-id', check: checkUniqueIds },
  { name: 'dag', check: checkDependencyCycles },
  { name: 'worker-references', check: checkWorkerReferences },
  { name: 'reachability', check: checkReachability },
  { name: 'memory-access', check: checkMemoryAccess },
  { name: 'worker-lists', check: checkWorkerLists },
  { name: 'feedback-references', check: checkFeedbackReferences },
  { name: 'metric-references', check: checkMetricReferences },
  { name: 'optimization-targets', check: checkOptimizationTargets },
  { name: 'primary-metric', check: checkPrimaryMetric },
  { name: 'termination-bound', check: checkTerminationBound },
  { name: 'budget', check: checkCostBudgets },
  { name: 'rubric', check: checkRubrics },
  { name: 'input-schema', check: checkInputFields },
  { name: 'condition', check: checkFeedbackConditions },
  { name: 'composition', check: checkComposition },
]);
