// evaluators.contains_all: the judged output mentions every phrase of a list.
import { z } from 'zod';
import { createVerdict } from '../create-verdict.js';
import { defineDeterministicEvaluator } from '../define-deterministic-evaluator.js';
import { judgedText } from '../support/judged-output.js';
import { containsPhrase } from '../support/normalize-text.js';

/**
 * `evaluators.contains_all`: the score is the share of `phrases` found in the judged output (ignoring case and
 * spacing); it passes at `pass_threshold` (default 1, every phrase). Failure code `missing_phrase`.
 *
 * @example
 * ```ts
 * await containsAll.evaluate({ …context, parameters: { phrases: ['pilot line', '2027'] } }); // { score: 0.5, … }
 * ```
 */
export const containsAll = defineDeterministicEvaluator({
  name: 'evaluators.contains_all',
  description:
    'The output contains every phrase in `phrases` (case-insensitive); the score is the share found.',
  parameters: z.object({
    phrases: z.array(z.string().min(1)).min(1).describe('The phrases the output must contain.'),
    pass_threshold: z.number().min(0).max(1).default(1).describe('The share of phrases needed to pass.'),
  }),
  evaluate: ({ outputs }, { phrases, pass_threshold }) => {
    const text = judgedText(outputs);
    const missing = phrases.filter((phrase) => !containsPhrase(text, phrase));
    const score = (phrases.length - missing.length) / phrases.length;
    return createVerdict({
      score,
      passed: score >= pass_threshold,
      failureCodes: missing.length > 0 ? ['missing_phrase'] : [],
      remediationHints:
        missing.length > 0 ? [`Mention ${missing.map((phrase) => `"${phrase}"`).join(', ')}.`] : [],
      summary: `${phrases.length - missing.length} of ${phrases.length} phrases present.`,
      details: { missing },
    });
  },
});
