// The official `ln/record-v1` JSON Schema, compiled once with ajv in the draft it declares (2020-12).
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { InvalidArgumentError } from '../core/errors.js';
import { DEFAULT_LOOPNET_CORPUS } from './default-corpus.js';
import type { LoopNetRecord } from './loopnet-record.js';

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

// RFC 3339 `date-time` (JSON Schema's `format: date-time`): a full date, `T` (any case), a time with optional
// fraction, and `Z` or an offset. The calendar day and time ranges are checked after the match.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

/**
 * Whether a string is an RFC 3339 date-time, as JSON Schema's `format: "date-time"` requires (leap seconds are
 * accepted as `:60`).
 *
 * @example
 * ```ts
 * isDateTime('2026-01-01T00:00:00Z'); // true
 * isDateTime('2026-02-30T00:00:00Z'); // false
 * ```
 */
export function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (match === null) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  const offsetHour = match[7] === undefined ? 0 : Number(match[7]);
  const offsetMinute = match[8] === undefined ? 0 : Number(match[8]);
  return (
    days !== undefined &&
    day >= 1 &&
    day <= days &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 &&
    offsetHour <= 23 &&
    offsetMinute <= 59
  );
}

let compiled: ValidateFunction<LoopNetRecord> | undefined;

/**
 * The compiled validator of the official record schema (read from the shipped `data/loopnet/schema/` on first
 * use). `allErrors` so that a bad record lists every problem; `strict: false` because the official schema is used as
 * published (its `then` branches use `required` without `properties`, which ajv's strict mode refuses).
 *
 * @throws {InvalidArgumentError} when the schema file declares a draft other than 2020-12.
 * @example
 * ```ts
 * const validate = loopNetRecordValidator();
 * validate(JSON.parse(line)); // true or false, with validate.errors
 * ```
 */
export function loopNetRecordValidator(): ValidateFunction<LoopNetRecord> {
  if (compiled !== undefined) return compiled;
  const schema = JSON.parse(readFileSync(DEFAULT_LOOPNET_CORPUS.schema, 'utf8')) as Record<string, unknown>;
  if (schema['$schema'] !== DRAFT_2020_12) {
    throw new InvalidArgumentError(
      `The LoopNet record schema declares ${JSON.stringify(schema['$schema'])}; LoopGym reads it as JSON Schema ` +
        `2020-12 (${DRAFT_2020_12}). Restore data/loopnet/schema/loopnet-record-v1.json from the package.`,
    );
  }
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  compiled = ajv.compile<LoopNetRecord>(schema);
  return compiled;
}

/**
 * An ajv error as one line: where (a JSON pointer) and what, with the allowed values of an enum or const and the
 * name of an unexpected property.
 *
 * @example
 * ```ts
 * formatSchemaError(error); // '/trajectory/0/goal_score: must be <= 1'
 * ```
 */
export function formatSchemaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(record)' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  let detail = error.message ?? error.keyword;
  if (error.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
    detail += `: ${(params['allowedValues'] as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
  } else if (error.keyword === 'const') {
    detail += ` ${JSON.stringify(params['allowedValue'])}`;
  } else if (error.keyword === 'additionalProperties') {
    detail += ` (\`${String(params['additionalProperty'])}\`)`;
  }
  return `${where}: ${detail}`;
}

/**
 * Checks a value against the official `ln/record-v1` schema.
 *
 * @returns the record when valid, else the list of problems (one line each).
 * @example
 * ```ts
 * const result = validateLoopNetRecord(JSON.parse(line));
 * if (!result.valid) console.log(result.issues);
 * ```
 */
export function validateLoopNetRecord(
  value: unknown,
): { valid: true; record: LoopNetRecord } | { valid: false; issues: string[] } {
  const validate = loopNetRecordValidator();
  if (validate(value)) return { valid: true, record: value };
  // `if`/`then` failures repeat what their `required` errors already say.
  const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'if');
  return { valid: false, issues: errors.map(formatSchemaError) };
}
