// Safety constraints: `*` expanded, defaults resolved, indexed by scope and by worker.
import type { SafetyScope } from '../loop-spec.js';
import type { PathSegment } from '../spec-problem.js';
import { closestMatches } from '../../registry/closest-matches.js';
import { copyValue, optionalString, type CompileContext } from './compile-context.js';
import type { WorkerOrdering } from './compile-workers.js';
import type { SafetyConstraintProgram, SafetyPlan } from './loop-program.js';

/** The scopes, in the order a step of the loop meets them. */
export const SAFETY_SCOPES: readonly SafetyScope[] = Object.freeze([
  'pre_worker',
  'post_worker',
  'pre_output',
  'pre_memory_write',
  'pre_evaluator',
] as const);

/** Resolved severity of a constraint that declares none. */
export const DEFAULT_SAFETY_SEVERITY = 'S1';
/** Resolved `on_error` of a constraint that declares none. */
export const DEFAULT_SAFETY_ON_ERROR = 'halt';

/**
 * Worker ids named by a `runs_after` or `applies_to` list, `*` (or an absent list) meaning every worker, in
 * topological order, each once; unknown ids are reported.
 *
 * @example
 * ```ts
 * expandWorkers(context, ordering, ['*'], ['evaluators', 0, 'runs_after']); // every worker id
 * ```
 */
export function expandWorkers(
  context: CompileContext,
  ordering: WorkerOrdering,
  list: readonly string[] | undefined,
  path: readonly PathSegment[],
): string[] {
  if (list === undefined || list.includes('*')) return ordering.workers.map((worker) => worker.spec.id);
  list.forEach((id, position) => {
    if (ordering.orderOf.has(id)) return;
    const suggestion = closestMatches(id, ordering.orderOf.keys(), 1)[0];
    context.report(
      [...path, position],
      `\`${id}\` is not a worker.`,
      suggestion === undefined ? 'Name a declared worker or `*`.' : `Did you mean \`${suggestion}\`?`,
    );
  });
  return [...new Set(list.filter((id) => ordering.orderOf.has(id)))].sort(
    (a, b) => ordering.orderOf.get(a)! - ordering.orderOf.get(b)!,
  );
}

/**
 * The safety plan, and for each worker the constraints that guard it, by scope (scopes in {@link SAFETY_SCOPES}
 * order, constraints in declaration order).
 *
 * @example
 * ```ts
 * const { plan, byWorker } = compileSafety(context, ordering);
 * plan.byScope.post_worker; // ['secret-scan']
 * ```
 */
export function compileSafety(
  context: CompileContext,
  ordering: WorkerOrdering,
): { plan: SafetyPlan; byWorker: Map<string, Partial<Record<SafetyScope, string[]>>> } {
  const constraints: SafetyConstraintProgram[] = context.spec.safety_constraints.map((constraint, index) => ({
    id: constraint.id,
    type: constraint.type,
    scope: constraint.scope,
    rule: optionalString(constraint, 'rule'),
    appliesTo: expandWorkers(context, ordering, constraint.applies_to, [
      'safety_constraints',
      index,
      'applies_to',
    ]),
    action: constraint.action,
    severity: constraint.severity ?? DEFAULT_SAFETY_SEVERITY,
    onError: constraint.on_error ?? DEFAULT_SAFETY_ON_ERROR,
    config: copyValue(constraint.config ?? {}),
  }));
  const byScope = Object.fromEntries(
    SAFETY_SCOPES.map((scope) => [scope, constraints.filter((c) => c.scope === scope).map((c) => c.id)]),
  ) as Record<SafetyScope, string[]>;
  const byWorker = new Map<string, Partial<Record<SafetyScope, string[]>>>();
  for (const { spec: worker } of ordering.workers) {
    const scopes: Partial<Record<SafetyScope, string[]>> = {};
    for (const scope of SAFETY_SCOPES) {
      const ids = constraints
        .filter((c) => c.scope === scope && c.appliesTo.includes(worker.id))
        .map((c) => c.id);
      if (ids.length > 0) scopes[scope] = ids;
    }
    byWorker.set(worker.id, scopes);
  }
  return { plan: { constraints, byScope }, byWorker };
}
