// `output_bounds`: an output too long, too short, or holding a forbidden pattern.
import type { SafetyConstraintProgram } from '../../lss/compile/loop-program.js';
import { SafetyConfigError, configNumber, configStringList } from './safety-config.js';
import type { SafetyDetector, SafetyFinding } from './safety-detector.js';
import { describeTextPosition } from './texts-under-check.js';

/**
 * A forbidden pattern from config: a regular expression source, case-sensitive unless it starts with `(?i)` or is
 * written `/source/flags`.
 */
function compilePattern(constraint: SafetyConstraintProgram, source: string): RegExp {
  const slashed = /^\/(.+)\/([a-z]*)$/s.exec(source);
  const [body, flags] =
    slashed !== null
      ? [slashed[1]!, slashed[2]!]
      : source.startsWith('(?i)')
        ? [source.slice(4), 'i']
        : [source, ''];
  try {
    return new RegExp(body, `${flags.replace(/[gy]/g, '')}g`);
  } catch (error) {
    throw new SafetyConfigError(
      constraint,
      'patterns',
      `has \`${source}\`, which is not a valid regular expression (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

/** The offset where the `count + 1`-th match of `unit` starts (where the text goes over a limit of `count`). */
function offsetAfter(text: string, unit: RegExp, count: number): number {
  let seen = 0;
  for (const match of text.matchAll(unit)) {
    if (seen === count) return match.index;
    seen++;
  }
  return text.length;
}

/**
 * The `output_bounds` detector.
 *
 * Config:
 * - `max_chars`, `min_chars`: length in UTF-16 code units, as `String.length` counts.
 * - `max_words`, `min_words`: words are runs of non-space characters.
 * - `max_lines`, `min_lines`: lines are what `\n` separates (a final newline does not start another line).
 * - `patterns`: regular expressions the output must not match (`(?i)` at the start, or `/…/i`, for any case).
 *
 * A text over a maximum has the excess as its span (`over_max_chars`, `over_max_words`, `over_max_lines`), so that
 * `strip` truncates it; each forbidden match is a span `forbidden_pattern`. Messages name the pattern, never the
 * matched text.
 *
 * @example
 * ```ts
 * createOutputBoundsDetector().inspect({ ...check, constraint: { ...constraint, config: { max_words: 2 } }, text: 'one two three' });
 * // [{ type: 'output_bounds', message: 'The output has 3 words; at most 2 are allowed (max_words).', spans: [{ start: 8, end: 13, label: 'over_max_words' }] }]
 * ```
 */
export function createOutputBoundsDetector(): SafetyDetector {
  return {
    type: 'output_bounds',
    scopes: ['post_worker', 'pre_output', 'pre_memory_write', 'pre_evaluator'],
    inspect(check) {
      const { constraint, text } = check;
      if (text === undefined) return [];
      const limit = (key: string): number | undefined =>
        configNumber(constraint, key, undefined, { minimum: 0, integer: true });
      const lineCount = text === '' ? 0 : text.replace(/\r?\n$/, '').split('\n').length;
      const measures = [
        { unit: 'characters', name: 'chars', count: text.length, pattern: /[\s\S]/g },
        { unit: 'words', name: 'words', count: (text.match(/\S+/g) ?? []).length, pattern: /\S+/g },
        { unit: 'lines', name: 'lines', count: lineCount, pattern: /^/gm },
      ];
      const findings: SafetyFinding[] = [];
      for (const measure of measures) {
        const maximum = limit(`max_${measure.name}`);
        const minimum = limit(`min_${measure.name}`);
        if (maximum !== undefined && measure.count > maximum) {
          const start = measure.name === 'chars' ? maximum : offsetAfter(text, measure.pattern, maximum);
          findings.push({
            type: 'output_bounds',
            message: `The output has ${measure.count} ${measure.unit}; at most ${maximum} are allowed (max_${measure.name}).`,
            spans: [{ start, end: text.length, label: `over_max_${measure.name}` }],
          });
        }
        if (minimum !== undefined && measure.count < minimum) {
          findings.push({
            type: 'output_bounds',
            message: `The output has ${measure.count} ${measure.unit}; at least ${minimum} are needed (min_${measure.name}).`,
            spans: [],
          });
        }
      }
      for (const [position, source] of (configStringList(constraint, 'patterns') ?? []).entries()) {
        const spans = [...text.matchAll(compilePattern(constraint, source))]
          .filter((match) => match[0].length > 0)
          .map((match) => ({
            start: match.index,
            end: match.index + match[0].length,
            label: 'forbidden_pattern',
          }));
        if (spans.length === 0) continue;
        findings.push({
          type: 'output_bounds',
          message:
            `The output matches forbidden pattern ${position + 1} (\`${source}\`) ${spans.length} time${spans.length === 1 ? '' : 's'}, ` +
            `first at ${describeTextPosition(text, spans[0]!.start)}.`,
          spans,
        });
      }
      return findings;
    },
  };
}
