// evaluators.word_count_max: the judged output is at most `max_words` words long.
import { z } from 'zod';
import { createVerdict } from '../create-verdict.js';
import { defineDeterministicEvaluator } from '../define-deterministic-evaluator.js';
import { countWords } from '../support/count-words.js';
import { judgedText } from '../support/judged-output.js';

/**
 * `evaluators.word_count_max`: passes when the judged output has at most `max_words` words (default 100). Over the
 * limit the score is `max_words / words` (twice too long scores 0.5), with failure code `too_long`.
 *
 * @example
 * ```ts
 * await wordCountMax.evaluate({ …context, parameters: { max_words: 150 } }); // { score: 1, passed: true, … }
 * ```
 */
export const wordCountMax = defineDeterministicEvaluator({
  name: 'evaluators.word_count_max',
  description: 'The output has at most `max_words` words; the score falls as max_words / words beyond it.',
  parameters: z.object({
    max_words: z.number().int().positive().default(100).describe('The most words allowed.'),
  }),
  evaluate: ({ outputs }, { max_words }) => {
    const words = countWords(judgedText(outputs));
    if (words <= max_words) {
      return createVerdict({
        score: 1,
        summary: `${words} words, within the limit of ${max_words}.`,
        details: { words, max_words },
      });
    }
    const excess = words - max_words;
    return createVerdict({
      score: max_words / words,
      failureCodes: ['too_long'],
      remediationHints: [
        `Cut at least ${excess} words: the output has ${words} words and may have ${max_words}.`,
      ],
      summary: `${words} words, ${excess} over the limit of ${max_words}.`,
      details: { words, max_words },
    });
  },
});
