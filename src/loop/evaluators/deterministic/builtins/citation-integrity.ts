// evaluators.citation_integrity: every citation points to a real, current task source (or an allowed domain).
import { z } from 'zod';
import { createVerdict } from '../create-verdict.js';
import { defineDeterministicEvaluator } from '../define-deterministic-evaluator.js';
import { checkCitedUrl } from '../support/check-cited-url.js';
import { distinctCitations, findCitations } from '../support/find-citations.js';
import { judgedText } from '../support/judged-output.js';

/**
 * `evaluators.citation_integrity`: every distinct citation of the judged output (links, URLs, `[S1]` ids) must be
 * sound: a task source that is not stale (`stale_source`, unless `allow_stale`), or a well-formed URL
 * (`malformed_link`) of an allowed domain; an id or URL that is not a task source fails with `unknown_source`
 * (when the task has no source URLs and no `allowed_domains`, any well-formed URL is accepted). Fewer than
 * `min_citations` (default 1) distinct citations fails with `missing_citation`. The score is the share of sound
 * citations, scaled by `min(1, citations / min_citations)`.
 *
 * @example
 * ```ts
 * await citationIntegrity.evaluate(context); // { score: 0.5, failureCodes: ['stale_source'], … }
 * ```
 */
export const citationIntegrity = defineDeterministicEvaluator({
  name: 'evaluators.citation_integrity',
  description:
    'Every citation is a current task source or a well-formed URL of an allowed domain; unknown, stale and malformed citations fail.',
  parameters: z.object({
    min_citations: z.number().int().min(0).default(1).describe('The fewest distinct citations allowed.'),
    allowed_domains: z
      .array(z.string().min(1))
      .default([])
      .describe('Hosts citations may point to besides task sources (subdomains included).'),
    allow_stale: z.boolean().default(false).describe('Accept citations of sources marked stale.'),
  }),
  evaluate: ({ outputs, task }, { min_citations, allowed_domains, allow_stale }) => {
    const sources = new Map(task.material.sources.map((source) => [source.id, source]));
    const citations = distinctCitations(findCitations(judgedText(outputs), task.material.sources));
    const problems = {
      unknown_source: [] as string[],
      stale_source: [] as string[],
      malformed_link: [] as string[],
    };
    for (const citation of citations) {
      if (citation.kind === 'unknown_source') problems.unknown_source.push(citation.text);
      else if (citation.kind === 'source') {
        if (sources.get(citation.sourceId!)?.stale === true && !allow_stale)
          problems.stale_source.push(citation.sourceId!);
      } else {
        const status = checkCitedUrl(citation.text, task, allowed_domains);
        if (status === 'malformed') problems.malformed_link.push(citation.text);
        if (status === 'unknown') problems.unknown_source.push(citation.text);
      }
    }
    const bad =
      problems.unknown_source.length + problems.stale_source.length + problems.malformed_link.length;
    const total = citations.length;
    const failureCodes = Object.entries(problems)
      .filter(([, found]) => found.length > 0)
      .map(([code]) => code);
    const hints: string[] = [];
    if (total < min_citations) {
      failureCodes.push('missing_citation');
      hints.push(`Cite your sources: ${total} distinct citations, at least ${min_citations} wanted.`);
    }
    if (problems.unknown_source.length > 0) {
      hints.push(
        `Cite only the task's sources; these are not among them: ${problems.unknown_source.join(', ')}.`,
      );
    }
    if (problems.stale_source.length > 0) {
      hints.push(`Replace outdated sources with current ones: ${problems.stale_source.join(', ')}.`);
    }
    if (problems.malformed_link.length > 0) {
      hints.push(`Fix malformed links (write full https:// URLs): ${problems.malformed_link.join(', ')}.`);
    }
    const soundShare = total === 0 ? 1 : (total - bad) / total;
    const enough = min_citations === 0 ? 1 : Math.min(1, total / min_citations);
    return createVerdict({
      score: soundShare * enough,
      failureCodes,
      remediationHints: hints,
      summary: `${total - bad} of ${total} distinct citations are sound.`,
      details: { citations: total, min_citations, ...problems },
    });
  },
});
