// evaluators.regex_match: the judged output matches (or avoids) regular expressions.
import { z } from 'zod';
import { createVerdict } from '../create-verdict.js';
import { defineDeterministicEvaluator } from '../define-deterministic-evaluator.js';
import { judgedText } from '../support/judged-output.js';

const patternList = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .transform((value) => (typeof value === 'string' ? [value] : value));

/**
 * `evaluators.regex_match`: tests the judged output against `pattern` (one JavaScript regular expression or a
 * list) with `flags` (`i`, `m`, `s`, `u`, `v`; `g` and `y` are ignored). `mode` `all` (default) wants every pattern
 * to match, `any` at least one, `none` no pattern. The score is the share of patterns that behave as wanted (`any`:
 * 1 or 0). Failure codes: `pattern_missing`, `forbidden_pattern`.
 *
 * @example
 * ```ts
 * await regexMatch.evaluate({ …context, parameters: { pattern: '^## Summary', flags: 'm' } });
 * ```
 */
export const regexMatch = defineDeterministicEvaluator({
  name: 'evaluators.regex_match',
  description:
    'The output matches the regular expression(s) in `pattern` (mode all, any) or none of them (mode none).',
  parameters: z
    .object({
      pattern: patternList.describe('A regular expression, or a list of them.'),
      flags: z
        .string()
        .regex(/^[dgimsuvy]*$/u, 'use only the flags d, g, i, m, s, u, v, y')
        .default('')
        .describe('Regular expression flags.'),
      mode: z.enum(['all', 'any', 'none']).default('all').describe('Which patterns must match.'),
    })
    .superRefine((parameters, context) => {
      for (const [index, pattern] of parameters.pattern.entries()) {
        try {
          new RegExp(pattern, usableFlags(parameters.flags));
        } catch (error) {
          context.addIssue({
            code: 'custom',
            path: parameters.pattern.length === 1 ? ['pattern'] : ['pattern', index],
            message: `not a valid regular expression: ${(error as Error).message}`,
          });
        }
      }
    }),
  evaluate: ({ outputs }, { pattern, flags, mode }) => {
    const text = judgedText(outputs);
    const matching = pattern.filter((source) => new RegExp(source, usableFlags(flags)).test(text));
    const missing = pattern.filter((source) => !matching.includes(source));
    const show = (sources: readonly string[]): string =>
      sources.map((source) => `/${source}/${flags}`).join(', ');
    if (mode === 'none') {
      return createVerdict({
        score: (pattern.length - matching.length) / pattern.length,
        failureCodes: matching.length > 0 ? ['forbidden_pattern'] : [],
        remediationHints: matching.length > 0 ? [`Remove what matches ${show(matching)}.`] : [],
        summary: `${matching.length} of ${pattern.length} forbidden patterns match.`,
        details: { matching, mode },
      });
    }
    const score = mode === 'all' ? matching.length / pattern.length : matching.length > 0 ? 1 : 0;
    return createVerdict({
      score,
      failureCodes: score < 1 ? ['pattern_missing'] : [],
      remediationHints:
        score < 1
          ? [`The output must match ${mode === 'all' ? 'every one' : 'at least one'} of: ${show(missing)}.`]
          : [],
      summary: `${matching.length} of ${pattern.length} patterns match (mode ${mode}).`,
      details: { matching, mode },
    });
  },
});

function usableFlags(flags: string): string {
  return [...new Set(flags.replace(/[gy]/gu, ''))].join('');
}
