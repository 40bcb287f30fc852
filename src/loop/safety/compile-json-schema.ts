// JSON Schema validation for detectors: one ajv instance, validators cached by schema object, errors in words.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

let ajv: Ajv2020 | undefined;
const cache = new WeakMap<object, ValidateFunction>();

/**
 * A validator of the schema (compiled once per schema object). Schemas are read as JSON Schema 2020-12, with
 * `strict: false` so that schemas written for other drafts or with extra keywords (`x-…`, `example`) still compile,
 * `addUsedSchema: false` so that two schemas with the same `$id` do not clash, and formats not checked (no format
 * plugin is bundled). Throws ajv's error when the schema itself is invalid.
 *
 * @example
 * ```ts
 * const validate = compileJsonSchema({ type: 'object', required: ['title'] });
 * validate({}); // false
 * describeSchemaErrors(validate.errors); // ['(root) must have required property \'title\'']
 * ```
 */
export function compileJsonSchema(schema: object | boolean): ValidateFunction {
  ajv ??= new Ajv2020({ allErrors: true, strict: false, validateFormats: false, addUsedSchema: false });
  if (typeof schema === 'boolean') return ajv.compile(schema);
  const cached = cache.get(schema);
  if (cached !== undefined) return cached;
  const validate = ajv.compile(schema);
  cache.set(schema, validate);
  return validate;
}

/**
 * Ajv errors as short sentences: the path in the value (`/items/0/title`, `(root)`) and what is wrong. At most
 * `limit` of them, then `… and N more`.
 *
 * @example
 * ```ts
 * describeSchemaErrors([{ instancePath: '/age', message: 'must be number', … }]); // ['/age must be number']
 * ```
 */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined, limit = 5): string[] {
  const list = (errors ?? []).map((error) => {
    const where = error.instancePath === '' ? '(root)' : error.instancePath;
    const extra =
      error.keyword === 'additionalProperties'
        ? ` (\`${String((error.params as { additionalProperty?: unknown }).additionalProperty)}\`)`
        : error.keyword === 'enum'
          ? ` (${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)})`
          : '';
    return `${where} ${error.message ?? 'is invalid'}${extra}`;
  });
  return list.length > limit ? [...list.slice(0, limit), `… and ${list.length - limit} more`] : list;
}
