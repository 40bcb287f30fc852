// The input values of a run, checked against `inputs.schema` before any worker starts.
import type { SpecProblem } from '../spec-problem.js';
import { checkInputValue, DECIMAL_NUMBER } from './check-input-value.js';
import { describeValue } from './describe-value.js';
import { didYouMean } from './did-you-mean.js';
import { asRecord, asString } from './rules/document-access.js';

/** Options of {@link validateInputValues}. */
export interface ValidateInputValuesOptions {
  /**
   * Read string values the way a command line writes them: a decimal number (`"3"`, `"-0.5"`, `"1e3"`; not hex
   * or `Infinity`) for a number field, `"true"`/`"false"` for a boolean, a JSON list or comma-separated items
   * (optionally in brackets, each read as the item type) for an array, a JSON object for an object, and the text of
   * an enum value (`"2"` for `2`). A string that cannot be read stays a string, and is reported. Default `false`.
   */
  coerce?: boolean;
}

/** The outcome of {@link validateInputValues}. */
export interface ValidateInputValuesResult {
  /** `true` when there is no problem. */
  valid: boolean;
  /** The values with the defaults of missing fields filled in (and strings converted when `coerce` is on). */
  values: Record<string, unknown>;
  /** Every problem, with `path` naming the field (and the item of a list). */
  problems: SpecProblem[];
}

/**
 * Checks the input values of one run against `inputs.schema`: required fields are present, every value has its
 * field's type (and enum value, length, pattern, range, item type), and no value names an undeclared field. Missing
 * fields with a `default` get a copy of it. `inputsSchema` is `spec.inputs.schema` (read defensively). Never throws.
 *
 * @example
 * ```ts
 * const { valid, values, problems } = validateInputValues(spec.inputs.schema, { query: 'solid-state batteries' });
 * if (!valid) throw new Error(problems.map(formatProblem).join('\n'));
 * values.depth; // 'standard' (the default)
 * ```
 */
export function validateInputValues(
  inputsSchema: unknown,
  values: unknown,
  options: ValidateInputValuesOptions = {},
): ValidateInputValuesResult {
  const fields = asRecord(inputsSchema) ?? {};
  const given = asRecord(values);
  const problems: SpecProblem[] = [];
  const result: Record<string, unknown> = {};
  const names = Object.keys(fields);
  if (given === undefined && values !== undefined) {
    problems.push({
      severity: 'error',
      rule: 'input',
      message: `Input values must be a mapping of field names to values; got ${describeValue(values)}.`,
      path: [],
      fix:
        names.length === 0
          ? 'Pass an empty mapping: `{}`.'
          : `Pass a mapping such as \`{ ${names[0]!}: … }\`.`,
    });
  }
  for (const name of Object.keys(given ?? {})) {
    if (Object.hasOwn(fields, name)) continue;
    problems.push({
      severity: 'error',
      rule: 'input',
      message: `\`${name}\` is not an input of this loop (it declares ${names.length === 0 ? 'none' : names.map((n) => `\`${n}\``).join(', ')}).`,
      path: [name],
      fix: didYouMean(name, names) ?? 'Remove it, or declare it in `inputs.schema`.',
    });
  }
  for (const name of names) {
    const field = fields[name];
    const provided = given !== undefined && Object.hasOwn(given, name) && given[name] !== undefined;
    if (!provided) {
      const fieldRecord = asRecord(field);
      if (fieldRecord !== undefined && Object.hasOwn(fieldRecord, 'default')) {
        setOwn(result, name, structuredCloneSafe(fieldRecord.default));
      } else if (fieldRecord?.required === true) {
        const type = asString(fieldRecord.type);
        const description = asString(fieldRecord.description);
        problems.push({
          severity: 'error',
          rule: 'input',
          message: `The input \`${name}\` is required${description === undefined ? '' : ` (${description})`}.`,
          path: [name],
          fix: `Pass a value for \`${name}\`${type === undefined ? '' : ` (${type})`}.`,
        });
      }
      continue;
    }
    const value = options.coerce === true ? coerce(field, given[name]) : given[name];
    setOwn(result, name, value);
    problems.push(...checkInputValue(field, value, [name]));
  }
  return { valid: problems.length === 0, values: result, problems };
}

function coerce(field: unknown, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const type = asString(asRecord(field)?.type);
  const text = value.trim();
  switch (type) {
    case 'number':
      return DECIMAL_NUMBER.test(text) ? Number(text) : value;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : value;
    case 'array': {
      const parsed = parseJson(text);
      if (Array.isArray(parsed)) return parsed;
      // `a, b` or `[a, b]`: items of the item type (with the field's `values` for enum items).
      const itemField = { type: asRecord(field)?.items, values: asRecord(field)?.values };
      const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1).trim() : text;
      return inner === '' ? [] : inner.split(',').map((item) => coerce(itemField, item.trim()));
    }
    case 'object': {
      const parsed = parseJson(text);
      return asRecord(parsed) === undefined ? value : parsed;
    }
    case 'enum': {
      const values = asRecord(field)?.values;
      if (!Array.isArray(values) || values.includes(value)) return value;
      return (values as unknown[]).find((candidate) => String(candidate) === text) ?? value;
    }
    default:
      return value;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `record[name] = value` as an own property, even for `__proto__` (which plain assignment would treat as the prototype). */
function setOwn(record: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
}

function structuredCloneSafe(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}
