// evaluators.word_count_min: the judged output is at least `min_words` words long.
import { z } from 'zod';
import { createVerdict } from '../create-verdict.js';
import { defineDeterministicEvaluator } from '../define-deterministic-evaluator.js';
import { countWords } from '../support/count-words.js';
import { judgedText } from '../support/judged-output.js';

/**
 * `evaluators.word_count_min`: passes when the judged output has at least `min_words` words (default 50). Below it
 * the score is `words / min_words`, with failure code `too_short`.
 *
 * @example
 * ```ts
 * await wordCountMin.evaluate({ …context, parameters: { min_words: 800 } }); // { score: 0.5, failureCodes: ['too_short'], … }
 * ```
 */
export const wordCountMin = defineDeterministicEvaluator({
  name: 'evaluators.word_count_min',
  description: 'The output has at least `min_words` words; the score is words / min_words below it.',
  parameters: z.object({
    min_words: z.number().int().positive().default(50).describe('The fewest words allowed.'),
  }),
  evaluate: ({ outputs }, { min_words }) => {
    const words = countWords(judgedText(outputs));
    if (words >= min_words) {
      return createVerdict({
        score: 1,
        summary: `${words} words, at least the ${min_words} required.`,
        details: { words, min_words },
      });
    }
    const missing = min_words - words;
    return createVerdict({
      score: words / min_words,
      failureCodes: ['too_short'],
      remediationHints: [
        `Add at least ${missing} words: the output has ${words} words and needs ${min_words}.`,
      ],
      summary: `${words} words, ${missing} short of the ${min_words} required.`,
      details: { words, min_words },
    });
  },
});
