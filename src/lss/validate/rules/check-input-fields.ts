// Rule `input-schema`: the fields of `inputs.schema` are usable: patterns compile, ranges are not empty, defaults and
// examples fit their fields.
import { checkInputValue, compilePattern } from '../check-input-value.js';
import { validateInputValues } from '../validate-input-values.js';
import { asList, asNumber, asRecord, asString, field } from './document-access.js';
import type { RuleProblem } from './spec-rule.js';

/**
 * For each field of `inputs.schema`: `pattern` is a valid regular expression, `min_length` ≤ `max_length`,
 * `minimum` ≤ `maximum`, and `default` is a valid value of the field (errors). Each of `inputs.examples` is a valid
 * set of input values (warnings: an example that the loop would refuse misleads its readers).
 *
 * @example
 * ```ts
 * checkInputFields({ inputs: { schema: { depth: { type: 'enum', values: ['quick'], default: 'deep' } } } });
 * // [{ path: ['inputs', 'schema', 'depth', 'default'], message: 'The default of `depth` …' }]
 * ```
 */
export function checkInputFields(document: unknown): RuleProblem[] {
  const schema = asRecord(field(document, 'inputs', 'schema'));
  if (schema === undefined) return [];
  const problems: RuleProblem[] = [];
  for (const [name, definition] of Object.entries(schema)) {
    const spec = asRecord(definition);
    if (spec === undefined) continue;
    const base = ['inputs', 'schema', name];
    const pattern = asString(spec.pattern);
    if (pattern !== undefined && compilePattern(pattern) === undefined) {
      problems.push({
        severity: 'error',
        rule: 'input-schema',
        message: `The \`pattern\` of the input \`${name}\` is not a valid regular expression: \`${pattern}\`.`,
        path: [...base, 'pattern'],
        fix: compilesWithoutUnicode(pattern)
          ? 'Patterns are read in Unicode mode, as JSON Schema reads them, where escaping a character that needs no escape (such as `\\-` outside brackets) is an error: remove that backslash.'
          : 'Write an ECMAScript regular expression (as JSON Schema does), e.g. `^[a-z]{2}(-[A-Z]{2})?$`.',
      });
    }
    for (const [low, high] of [
      ['min_length', 'max_length'],
      ['minimum', 'maximum'],
    ] as const) {
      const lowValue = asNumber(spec[low]);
      const highValue = asNumber(spec[high]);
      if (lowValue !== undefined && highValue !== undefined && lowValue > highValue) {
        problems.push({
          severity: 'error',
          rule: 'input-schema',
          message: `The input \`${name}\` has \`${low}\` ${lowValue} above \`${high}\` ${highValue}: no value can fit.`,
          path: [...base, low],
          fix: `Make \`${low}\` at most \`${high}\`.`,
        });
      }
    }
    if (Object.hasOwn(spec, 'default')) {
      for (const problem of checkInputValue(spec, spec.default, [name])) {
        problems.push({
          severity: 'error',
          rule: 'input-schema',
          message: `The default of \`${name}\` does not fit its field: ${lowerFirst(problem.message)}`,
          path: [...base, 'default'],
          fix: problem.fix ?? 'Change the default, or the field, so that they agree.',
        });
      }
    }
  }
  asList(field(document, 'inputs', 'examples')).forEach((example, index) => {
    if (asRecord(example) === undefined) return;
    for (const problem of validateInputValues(schema, example).problems) {
      problems.push({
        severity: 'warning',
        rule: 'input-schema',
        message: `Example ${index + 1} would be refused: ${lowerFirst(problem.message)}`,
        path: ['inputs', 'examples', index, ...problem.path.slice(0, 1)],
        fix: problem.fix,
      });
    }
  });
  return problems;
}

/** Whether the pattern compiles as a legacy (non-Unicode) regular expression, as other regex engines may accept it. */
function compilesWithoutUnicode(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function lowerFirst(text: string): string {
  return text.startsWith('The ') ? `the ${text.slice(4)}` : text;
}
