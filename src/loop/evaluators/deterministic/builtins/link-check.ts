// evaluators.link_check: every link of the judged output is a well-formed URL of a task source or allowed domain.
import { z } from 'zod';
import { createVerdict } from '../create-verdict.js';
import { defineDeterministicEvaluator } from '../define-deterministic-evaluator.js';
import { checkCitedUrl } from '../support/check-cited-url.js';
import { findLinks } from '../support/find-links.js';
import { judgedText } from '../support/judged-output.js';
import { urlKey } from '../support/normalize-url.js';

/**
 * `evaluators.link_check`: checks the links of the judged output offline, never over the network. A link must be a
 * well-formed `http(s)` URL (else `malformed_link`) and point to a task source or a host in `allowed_domains`
 * (else `unknown_link`; when the task has no source URLs and no domains are listed, any well-formed URL is
 * accepted). The score is the share of distinct links that pass; no links scores 1.
 *
 * @example
 * ```ts
 * await linkCheck.evaluate({ …context, parameters: { allowed_domains: ['doi.org'] } }); // { score: 1, passed: true, … }
 * ```
 */
export const linkCheck = defineDeterministicEvaluator({
  name: 'evaluators.link_check',
  description:
    'Links are well-formed URLs of task sources or allowed domains (checked offline, without fetching anything).',
  parameters: z.object({
    allowed_domains: z
      .array(z.string().min(1))
      .default([])
      .describe('Hosts links may point to besides task sources (subdomains included).'),
  }),
  evaluate: ({ outputs, task }, { allowed_domains }) => {
    const byKey = new Map<string, string>();
    for (const link of findLinks(judgedText(outputs))) {
      const key = urlKey(link.url) ?? link.url;
      if (!byKey.has(key)) byKey.set(key, link.url);
    }
    const links = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, url]) => url);
    const malformed: string[] = [];
    const unknown: string[] = [];
    for (const url of links) {
      const status = checkCitedUrl(url, task, allowed_domains);
      if (status === 'malformed') malformed.push(url);
      if (status === 'unknown') unknown.push(url);
    }
    const bad = malformed.length + unknown.length;
    const hints: string[] = [];
    if (malformed.length > 0)
      hints.push(`Fix malformed links (write full https:// URLs): ${malformed.join(', ')}.`);
    if (unknown.length > 0) {
      const where =
        allowed_domains.length > 0
          ? `the task's sources or ${allowed_domains.join(', ')}`
          : "the task's sources";
      hints.push(`Link only to ${where}; not: ${unknown.join(', ')}.`);
    }
    return createVerdict({
      score: links.length === 0 ? 1 : (links.length - bad) / links.length,
      failureCodes: [
        ...(malformed.length > 0 ? ['malformed_link'] : []),
        ...(unknown.length > 0 ? ['unknown_link'] : []),
      ],
      remediationHints: hints,
      summary:
        links.length === 0
          ? 'No links to check.'
          : `${links.length - bad} of ${links.length} links check out.`,
      details: { links: links.length, malformed, unknown },
    });
  },
});
