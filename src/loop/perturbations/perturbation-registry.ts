// The perturbations LoopGym knows, by name, and how a request becomes a checked perturbation.
import { InvalidArgumentError } from '../../core/errors.js';
import { closestMatches } from '../../registry/closest-matches.js';
import { apiLatency } from './api-latency.js';
import { branchTimeout } from './branch-timeout.js';
import { budgetMinusOne } from './budget-minus-one.js';
import { contextTruncation } from './context-truncation.js';
import { corruptedToolResult } from './corrupted-tool-result.js';
import { hitlReject } from './hitl-reject.js';
import { missingSource } from './missing-source.js';
import { modelDowngrade } from './model-downgrade.js';
import type { PerturbationDefinition, PerturbationRequest } from './perturbation.js';
import { staleSource } from './stale-source.js';
import { toolAllowlist, toolDenylist } from './tool-list-perturbations.js';

/**
 * The built-in perturbations by name.
 *
 * @example
 * ```ts
 * Object.keys(BUILTIN_PERTURBATIONS); // ['budget_minus_one', 'api_latency', …]
 * ```
 */
export const BUILTIN_PERTURBATIONS: Readonly<Record<string, PerturbationDefinition<object>>> = Object.freeze(
  Object.fromEntries(
    (
      [
        budgetMinusOne,
        apiLatency,
        modelDowngrade,
        contextTruncation,
        hitlReject,
        missingSource,
        staleSource,
        corruptedToolResult,
        branchTimeout,
        toolDenylist,
        toolAllowlist,
      ] as PerturbationDefinition<object>[]
    ).map((definition) => [definition.name, definition]),
  ),
);

/** A perturbation ready to apply: its definition and its checked parameters (defaults filled in). */
export interface ResolvedPerturbation {
  definition: PerturbationDefinition<object>;
  parameters: Readonly<Record<string, unknown>>;
}

/**
 * Checks a perturbation request: the name must be known, the parameters must fit its schema.
 *
 * @throws {InvalidArgumentError} naming the unknown perturbation (with the closest known one) or the bad parameter.
 * @example
 * ```ts
 * resolvePerturbation({ name: 'api_latency', seconds: 5 }).parameters; // { seconds: 5, jitter: 0.5, callers: 'all' }
 * ```
 */
export function resolvePerturbation(request: PerturbationRequest): ResolvedPerturbation {
  const { name, ...given } = typeof request === 'string' ? { name: request } : request;
  const definition = BUILTIN_PERTURBATIONS[name];
  if (definition === undefined) {
    const known = Object.keys(BUILTIN_PERTURBATIONS);
    const close = closestMatches(name, known, 1)[0];
    throw new InvalidArgumentError(
      `No perturbation named \`${name}\`.` +
        (close === undefined ? '' : ` Did you mean \`${close}\`?`) +
        ` Known perturbations: ${known.join(', ')}.`,
    );
  }
  const parsed = definition.parameters.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.length === 0 ? '' : `\`${issue.path.join('.')}\`: `}${issue.message}`,
    );
    throw new InvalidArgumentError(
      `Bad parameters for the perturbation \`${name}\`: ${problems.join('; ')}. See docs/perturbations.md for its parameters.`,
    );
  }
  return { definition, parameters: parsed.data as Readonly<Record<string, unknown>> };
}
