// evaluators.schema_validate: the judged output is JSON that fits a JSON Schema (2020-12).
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { z } from 'zod';
import { createVerdict } from '../create-verdict.js';
import { defineDeterministicEvaluator } from '../define-deterministic-evaluator.js';
import { MissingTaskMaterialError } from '../deterministic-evaluator-errors.js';
import { judgedOutput } from '../support/judged-output.js';
import { readJsonOutput } from '../support/read-json-output.js';

const NAME = 'evaluators.schema_validate';
const compiled = new Map<string, ValidateFunction>();

/**
 * The validator of a JSON Schema (2020-12), compiled once per distinct schema. `format` keywords are not checked
 * (no format vocabulary is bundled); unknown keywords are allowed.
 *
 * @throws when the schema itself is invalid.
 * @example
 * ```ts
 * compileJsonSchema({ type: 'object', required: ['steps'] })({ steps: [] }); // true
 * ```
 */
export function compileJsonSchema(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (validate === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    validate = ajv.compile(schema);
    if (compiled.size >= 100) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, validate);
  }
  return validate;
}

const jsonSchema = z.record(z.string(), z.unknown()).superRefine((schema, context) => {
  try {
    compileJsonSchema(schema);
  } catch (error) {
    context.addIssue({ code: 'custom', message: `not a valid JSON Schema: ${(error as Error).message}` });
  }
});

/**
 * `evaluators.schema_validate`: the judged output must be JSON (its parsed value, its text, or a fenced JSON block;
 * else `invalid_json`) that fits the JSON Schema given as `schema` or read from `schema_path` (relative to the task
 * root); else `schema_mismatch` with a hint per problem. Without a schema only well-formedness is checked. The score
 * is 1 or 0.
 *
 * @example
 * ```ts
 * await schemaValidate.evaluate({ …context, parameters: { schema: { type: 'object', required: ['steps'] } } });
 * ```
 */
export const schemaValidate = defineDeterministicEvaluator({
  name: NAME,
  description:
    'The output is JSON that fits the JSON Schema in `schema` (or `schema_path`); without one, well-formed JSON.',
  parameters: z
    .object({
      schema: jsonSchema.optional().describe('A JSON Schema (2020-12) the output must fit.'),
      schema_path: z.string().min(1).optional().describe('A JSON Schema file, relative to the task root.'),
    })
    .refine((parameters) => parameters.schema === undefined || parameters.schema_path === undefined, {
      message: 'give `schema` or `schema_path`, not both',
      path: ['schema_path'],
    }),
  evaluate: async ({ outputs, task }, { schema, schema_path }) => {
    const reading = readJsonOutput(judgedOutput(outputs));
    if (!reading.ok) {
      return createVerdict({
        score: 0,
        failureCodes: ['invalid_json'],
        remediationHints: [`Return one valid JSON document and nothing else: ${reading.problem}.`],
        summary: 'The output is not valid JSON.',
      });
    }
    const schemaObject =
      schema_path === undefined ? schema : await readSchemaFile(schema_path, task.id, task.root);
    if (schemaObject === undefined) {
      return createVerdict({ score: 1, summary: 'Valid JSON (no schema to check it against).' });
    }
    const validate = compileJsonSchema(schemaObject);
    if (validate(reading.value)) return createVerdict({ score: 1, summary: 'The JSON fits its schema.' });
    const problems = describeSchemaErrors(validate.errors ?? []);
    return createVerdict({
      score: 0,
      failureCodes: ['schema_mismatch'],
      remediationHints: problems.map((problem) => `Fix ${problem}.`),
      summary: `The JSON breaks its schema in ${problems.length} place${problems.length === 1 ? '' : 's'}.`,
      details: { problems },
    });
  },
});

/** ajv errors as sorted, de-duplicated sentences: "`/steps/0`: must have required property 'owner'". */
function describeSchemaErrors(errors: readonly ErrorObject[]): string[] {
  const sentences = errors.map((error) => {
    const where = error.instancePath === '' ? 'the document' : `\`${error.instancePath}\``;
    const allowed = error.keyword === 'enum' ? ` (${JSON.stringify(error.params['allowedValues'])})` : '';
    const extra =
      error.keyword === 'additionalProperties' ? ` (\`${String(error.params['additionalProperty'])}\`)` : '';
    return `${where}: ${error.message ?? error.keyword}${allowed}${extra}`;
  });
  return [...new Set(sentences)].sort();
}

async function readSchemaFile(
  schemaPath: string,
  taskId: string,
  root: string | undefined,
): Promise<Record<string, unknown>> {
  if (root === undefined && !isAbsolute(schemaPath)) {
    throw new MissingTaskMaterialError(
      NAME,
      taskId,
      `\`schema_path\` ${schemaPath} is relative but the task has no root directory; give an absolute path or load the task from files.`,
    );
  }
  const file = resolve(root ?? '/', schemaPath);
  const schema = JSON.parse(await readFile(file, 'utf8')) as unknown;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new MissingTaskMaterialError(NAME, taskId, `${file} does not hold a JSON Schema object.`);
  }
  return schema as Record<string, unknown>;
}
