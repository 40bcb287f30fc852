// evaluators.citation_count_min: the judged output cites at least `min_citations` distinct sources.
import { z } from 'zod';
import { createVerdict } from '../create-verdict.js';
import { defineDeterministicEvaluator } from '../define-deterministic-evaluator.js';
import { distinctCitations, findCitations } from '../support/find-citations.js';
import { judgedText } from '../support/judged-output.js';

/**
 * `evaluators.citation_count_min`: counts the distinct citations of the judged output (markdown links, bare URLs,
 * `[S1]`-style ids of task sources; a source cited by id and by URL counts once) and passes with at least
 * `min_citations` (default 3) and no citation of an unknown source. The score is `min(1, cited / min_citations)`,
 * scaled by the share of citations that are not of unknown sources. Failure codes: `missing_citation`,
 * `unknown_source`.
 *
 * @example
 * ```ts
 * await citationCountMin.evaluate({ …context, parameters: { min_citations: 2 } }); // { score: 0.5, failureCodes: ['missing_citation'], … }
 * ```
 */
export const citationCountMin = defineDeterministicEvaluator({
  name: 'evaluators.citation_count_min',
  description:
    'At least `min_citations` distinct sources are cited (links, URLs, [S1] ids of task sources); citations of unknown source ids fail.',
  parameters: z.object({
    min_citations: z.number().int().min(0).default(3).describe('The fewest distinct citations allowed.'),
  }),
  evaluate: ({ outputs, task }, { min_citations }) => {
    const sources = task.material.sources;
    const citations = distinctCitations(findCitations(judgedText(outputs), sources));
    const counted = citations.filter((citation) => citation.kind === 'source' || citation.kind === 'url');
    const unknown = citations.filter((citation) => citation.kind === 'unknown_source');
    const enough = min_citations === 0 ? 1 : Math.min(1, counted.length / min_citations);
    const clean =
      counted.length + unknown.length === 0 ? 1 : counted.length / (counted.length + unknown.length);
    const failureCodes: string[] = [];
    const hints: string[] = [];
    if (counted.length < min_citations) {
      failureCodes.push('missing_citation');
      const cited = new Set(counted.map((citation) => citation.sourceId));
      const uncited = sources
        .filter((source) => !cited.has(source.id) && source.stale !== true)
        .map((source) => source.id)
        .sort();
      const suggestion =
        uncited.length > 0 ? ` Sources not cited yet: ${uncited.slice(0, 8).join(', ')}.` : '';
      hints.push(
        `Cite at least ${min_citations - counted.length} more distinct sources (${counted.length} of ${min_citations}).${suggestion}`,
      );
    }
    if (unknown.length > 0) {
      failureCodes.push('unknown_source');
      const known = sources.map((source) => source.id).sort();
      hints.push(
        `Remove or correct citations of sources that do not exist: ${unknown.map((citation) => `[${citation.text}]`).join(', ')}` +
          (known.length > 0 ? ` (known sources: ${known.slice(0, 12).join(', ')}).` : '.'),
      );
    }
    return createVerdict({
      score: enough * clean,
      failureCodes,
      remediationHints: hints,
      summary:
        `${counted.length} distinct citations (at least ${min_citations} wanted)` +
        (unknown.length > 0 ? `, ${unknown.length} of unknown sources.` : '.'),
      details: {
        citations: counted.length,
        min_citations,
        cited: counted.map((citation) => citation.key),
        unknown_sources: unknown.map((citation) => citation.text),
      },
    });
  },
});
