// Whether one value fits one field of `inputs.schema`.
import { formatPath, type PathSegment, type SpecProblem } from '../spec-problem.js';
import { describeValue } from './describe-value.js';
import { didYouMean } from './did-you-mean.js';
import { asNumber, asRecord, asString } from './rules/document-access.js';

/**
 * A number written in decimal, as a person types it: `3`, `-0.5`, `.5`, `1e3`; not `0x10`, `Infinity` or `1_000`.
 *
 * @example
 * ```ts
 * DECIMAL_NUMBER.test('2.5'); // true
 * ```
 */
export const DECIMAL_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  enum: 'one of the listed values',
  array: 'a list',
  object: 'a mapping',
};

/**
 * The problems of `value` as a value of the input field `field` (a field of `inputs.schema`, read defensively):
 * its type, enum values, `min_length`/`max_length` (characters of a string, items of a list), `pattern`,
 * `minimum`/`maximum` and the type (or enum values) of list items. `path` is where the value is, for the problems.
 * Every problem says how to fix it.
 *
 * @example
 * ```ts
 * checkInputValue({ type: 'string', description: 'd', max_length: 3 }, 'abcd', ['query']);
 * // [{ rule: 'input', message: 'The input `query` has 4 characters; it may have at most 3 characters.', … }]
 * ```
 */
export function checkInputValue(field: unknown, value: unknown, path: readonly PathSegment[]): SpecProblem[] {
  const spec = asRecord(field);
  if (spec === undefined) return [];
  const type = asString(spec.type);
  const label = `The input \`${formatPath(path)}\``;
  const problem = (message: string, fix?: string): SpecProblem => ({
    severity: 'error',
    rule: 'input',
    message: `${label} ${message}`,
    path: [...path],
    fix,
  });
  const allowed = Array.isArray(spec.values) ? (spec.values as unknown[]) : undefined;
  switch (type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'array':
    case 'object':
      if (!hasType(value, type))
        return [problem(`must be ${TYPE_WORDS[type]!}; got ${describeValue(value)}.`, typeFix(type, value))];
      break;
    case 'enum':
      if (allowed !== undefined && !allowed.some((candidate) => candidate === value)) {
        const words = allowed.map((candidate) => `\`${String(candidate)}\``).join(', ');
        const fix = typeof value === 'string' ? didYouMean(value, allowed.map(String)) : undefined;
        return [
          problem(`must be one of ${words}; got ${describeValue(value)}.`, fix ?? `Use one of ${words}.`),
        ];
      }
      return [];
    default:
      return [];
  }
  const problems: SpecProblem[] = [];
  const length =
    typeof value === 'string' ? codePointCount(value) : Array.isArray(value) ? value.length : undefined;
  const unit = typeof value === 'string' ? 'character' : 'item';
  const minLength = asNumber(spec.min_length);
  const maxLength = asNumber(spec.max_length);
  if (length !== undefined && minLength !== undefined && length < minLength) {
    problems.push(
      problem(
        `has ${count(length, unit)}; it needs at least ${count(minLength, unit)}.`,
        unit === 'character'
          ? `Lengthen it to at least ${count(minLength, unit)}.`
          : `Give at least ${count(minLength, unit)}.`,
      ),
    );
  }
  if (length !== undefined && maxLength !== undefined && length > maxLength) {
    problems.push(
      problem(
        `has ${count(length, unit)}; it may have at most ${count(maxLength, unit)}.`,
        unit === 'character'
          ? `Shorten it to at most ${count(maxLength, unit)}.`
          : `Give at most ${count(maxLength, unit)}.`,
      ),
    );
  }
  const pattern = asString(spec.pattern);
  if (typeof value === 'string' && pattern !== undefined) {
    const expression = compilePattern(pattern);
    if (expression !== undefined && !expression.test(value)) {
      problems.push(
        problem(
          `\`${value}\` does not match the pattern \`${pattern}\`.`,
          `Write a value that matches \`${pattern}\`.`,
        ),
      );
    }
  }
  if (typeof value === 'number') {
    const minimum = asNumber(spec.minimum);
    const maximum = asNumber(spec.maximum);
    const fix =
      minimum !== undefined && maximum !== undefined
        ? `Use a number from ${minimum} to ${maximum}.`
        : minimum !== undefined
          ? `Use a number of at least ${minimum}.`
          : `Use a number of at most ${String(maximum)}.`;
    if (minimum !== undefined && value < minimum)
      problems.push(problem(`must be at least ${minimum}; got ${value}.`, fix));
    if (maximum !== undefined && value > maximum)
      problems.push(problem(`must be at most ${maximum}; got ${value}.`, fix));
  }
  const itemType = asString(spec.items);
  if (Array.isArray(value) && itemType !== undefined) {
    const itemField = itemType === 'enum' ? { type: 'enum', values: allowed } : { type: itemType };
    value.forEach((item, index) => problems.push(...checkInputValue(itemField, item, [...path, index])));
  }
  return problems;
}

/**
 * The `pattern` of an input field as a regular expression (Unicode mode, matching anywhere unless anchored, as in
 * JSON Schema), or `undefined` when it does not compile.
 *
 * @example
 * ```ts
 * compilePattern('^[a-z]{2}$')?.test('en'); // true
 * ```
 */
export function compilePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

/** `1 item`, `3 items`. */
function count(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** How to write a value of `type` instead of `value`: unquote numbers and booleans, quote numbers for strings. */
function typeFix(type: string, value: unknown): string {
  if (typeof value === 'string') {
    const text = value.trim();
    if (type === 'number' && DECIMAL_NUMBER.test(text))
      return `Write it without quotes: \`${Number(text)}\`.`;
    if (type === 'boolean' && (text === 'true' || text === 'false'))
      return `Write it without quotes: \`${text}\`.`;
  }
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return `Quote it: \`${JSON.stringify(String(value))}\`.`;
  }
  return `Give ${TYPE_WORDS[type]!}.`;
}

/** Characters as JSON Schema counts them for `minLength`/`maxLength`: Unicode code points, not UTF-16 units. */
function codePointCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    count++;
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
  }
  return count;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return asRecord(value) !== undefined;
    default:
      return true;
  }
}
