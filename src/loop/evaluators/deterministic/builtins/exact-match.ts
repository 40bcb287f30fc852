// evaluators.exact_match: the judged output is exactly the expected answer.
import { z } from 'zod';
import { createVerdict } from '../create-verdict.js';
import { defineDeterministicEvaluator } from '../define-deterministic-evaluator.js';
import { judgedText } from '../support/judged-output.js';
import { collapseWhitespace } from '../support/normalize-text.js';

/**
 * `evaluators.exact_match`: scores 1 when the judged output equals `expected` (or one of a list of accepted
 * answers), else 0 with failure code `mismatch`. `normalize_whitespace` (default true) trims and collapses runs of
 * whitespace first; `ignore_case` (default false) compares lower-cased. Hints never reveal the expected answer.
 *
 * @example
 * ```ts
 * await exactMatch.evaluate({ …context, parameters: { expected: '42', ignore_case: true } });
 * ```
 */
export const exactMatch = defineDeterministicEvaluator({
  name: 'evaluators.exact_match',
  description: 'The output equals `expected` (or one of a list), optionally ignoring spacing and case.',
  parameters: z.object({
    expected: z
      .union([z.string(), z.array(z.string()).min(1)])
      .transform((value) => (typeof value === 'string' ? [value] : value))
      .describe('The expected answer, or a list of accepted answers.'),
    normalize_whitespace: z
      .boolean()
      .default(true)
      .describe('Trim and collapse whitespace before comparing.'),
    ignore_case: z.boolean().default(false).describe('Compare without regard to case.'),
  }),
  evaluate: ({ outputs }, { expected, normalize_whitespace, ignore_case }) => {
    const normalize = (text: string): string => {
      const spaced = normalize_whitespace ? collapseWhitespace(text) : text;
      return ignore_case ? spaced.normalize('NFKC').toLowerCase() : spaced;
    };
    const answer = normalize(judgedText(outputs));
    const matched = expected.some((candidate) => normalize(candidate) === answer);
    const how = [normalize_whitespace ? 'ignoring spacing' : '', ignore_case ? 'ignoring case' : '']
      .filter((part) => part !== '')
      .join(' and ');
    return createVerdict({
      score: matched ? 1 : 0,
      failureCodes: matched ? [] : ['mismatch'],
      remediationHints: matched
        ? []
        : [
            `The answer is not the expected one${how === '' ? '' : ` (compared ${how})`}; give only the answer, nothing around it.`,
          ],
      summary: matched
        ? 'The output is the expected answer.'
        : 'The output differs from the expected answer.',
      details: { answer_length: answer.length },
    });
  },
});
