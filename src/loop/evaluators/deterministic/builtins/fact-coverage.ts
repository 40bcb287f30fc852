// evaluators.fact_coverage: the judged output states the task's reference facts.
import { z } from 'zod';
import type { ReferenceFact, TaskSource } from '../../../tasks/loop-task.js';
import { createVerdict } from '../create-verdict.js';
import { defineDeterministicEvaluator } from '../define-deterministic-evaluator.js';
import { MissingTaskMaterialError } from '../deterministic-evaluator-errors.js';
import { findCitations } from '../support/find-citations.js';
import { judgedText } from '../support/judged-output.js';
import { createPhraseMatcher } from '../support/normalize-text.js';

const NAME = 'evaluators.fact_coverage';

/**
 * `evaluators.fact_coverage`: a reference fact is covered when every one of its keyword groups has a phrase in the
 * judged output (case-insensitive) and, with `require_citation`, one of its supporting sources is cited. The score is
 * the weighted share of facts covered (weights default to 1); it passes at `pass_threshold` (default 1). Failure
 * code `missing_fact`; the hints state the missing facts, heaviest first.
 *
 * @throws {MissingTaskMaterialError} when the task has no reference facts.
 * @example
 * ```ts
 * await factCoverage.evaluate(context); // { score: 0.75, failureCodes: ['missing_fact'], remediationHints: ['Cover: …'] }
 * ```
 */
export const factCoverage = defineDeterministicEvaluator({
  name: NAME,
  description:
    "The weighted share of the task's reference facts the output states (all keyword groups match; optionally cited).",
  parameters: z.object({
    pass_threshold: z
      .number()
      .min(0)
      .max(1)
      .default(1)
      .describe('The weighted share of facts needed to pass.'),
    require_citation: z
      .boolean()
      .default(false)
      .describe('A fact counts only when one of its supporting sources is cited.'),
  }),
  evaluate: ({ outputs, task }, { pass_threshold, require_citation }) => {
    const facts = task.material.referenceFacts;
    if (facts.length === 0) {
      throw new MissingTaskMaterialError(
        NAME,
        task.id,
        'it has no reference facts; add `reference_facts` to the task.',
      );
    }
    const text = judgedText(outputs);
    const cited = new Set(citedSourceIds(text, task.material.sources));
    const contains = createPhraseMatcher(text);
    let total = 0;
    let covered = 0;
    const missing: ReferenceFact[] = [];
    for (const fact of facts) {
      const weight = fact.weight ?? 1;
      total += weight;
      const stated = fact.keywords.every((group) => group.some(contains));
      const supported = !require_citation || fact.sourceIds.some((id) => cited.has(id));
      if (stated && supported) covered += weight;
      else missing.push(fact);
    }
    missing.sort((a, b) => (b.weight ?? 1) - (a.weight ?? 1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const score = total === 0 ? 1 : covered / total;
    return createVerdict({
      score,
      passed: score >= pass_threshold,
      failureCodes: missing.length > 0 ? ['missing_fact'] : [],
      remediationHints: missing.map((fact) =>
        require_citation && fact.sourceIds.length > 0
          ? `Cover, citing ${fact.sourceIds.join(' or ')}: ${fact.statement}`
          : `Cover: ${fact.statement}`,
      ),
      summary: `${facts.length - missing.length} of ${facts.length} reference facts covered.`,
      details: {
        covered: facts.length - missing.length,
        facts: facts.length,
        missing: missing.map((fact) => fact.id),
      },
    });
  },
});

function citedSourceIds(text: string, sources: readonly TaskSource[]): string[] {
  return findCitations(text, sources).flatMap((citation) =>
    citation.sourceId === undefined ? [] : [citation.sourceId],
  );
}
