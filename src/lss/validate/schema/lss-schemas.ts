// The official LSS JSON Schemas, compiled once with ajv in JSON Schema 2020-12 mode.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import lss10Schema from '../../schema/lss-1.0.schema.json' with { type: 'json' };
import lss11Schema from '../../schema/lss-1.1-composition.schema.json' with { type: 'json' };

/** The `$id` of the LSS 1.0 schema. */
export const LSS_1_0_SCHEMA_ID = lss10Schema.$id;

/** The evaluator types and the schema definition of each. */
export const EVALUATOR_DEFINITIONS = {
  deterministic: 'DeterministicEvaluator',
  llm_rubric: 'LlmRubricEvaluator',
  human: 'HumanEvaluator',
} as const;

/** Compiled validators of the LSS schemas. */
export interface LssSchemaValidators {
  /** The whole document against LSS 1.0. */
  lss10: ValidateFunction;
  /** The `composition` block against the LSS 1.1 extension. */
  lss11: ValidateFunction;
  /** One evaluator against the definition of its `type`. */
  evaluatorOfType: Record<keyof typeof EVALUATOR_DEFINITIONS, ValidateFunction>;
  /** One evaluator against the fields every type shares (for an evaluator whose `type` is missing or wrong). */
  evaluatorBase: ValidateFunction;
  /** The `properties` of a definition of the LSS 1.0 schema (for the keys an object may have). */
  definition(name: string): Record<string, unknown> | undefined;
}

let validators: LssSchemaValidators | undefined;

/**
 * The compiled validators (compiled on first use). `allErrors` so that every problem is found at once, `verbose`
 * so that each error carries its schema and data, `strict: false` because the official schemas are used as
 * published (they use `required` inside `then` without repeating `properties`, which ajv's strict mode refuses).
 *
 * @example
 * ```ts
 * const { lss10 } = lssSchemaValidators();
 * lss10(document); // false
 * lss10.errors; // ajv's errors
 * ```
 */
export function lssSchemaValidators(): LssSchemaValidators {
  if (validators !== undefined) return validators;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
  ajv.addSchema(lss10Schema);
  const reference = (name: string): ValidateFunction =>
    ajv.compile({ $ref: `${LSS_1_0_SCHEMA_ID}#/$defs/${name}` });
  const definitions = lss10Schema.$defs as Record<string, Record<string, unknown>>;
  validators = {
    lss10: ajv.getSchema(LSS_1_0_SCHEMA_ID)!,
    lss11: ajv.compile(lss11Schema),
    evaluatorOfType: {
      deterministic: reference(EVALUATOR_DEFINITIONS.deterministic),
      llm_rubric: reference(EVALUATOR_DEFINITIONS.llm_rubric),
      human: reference(EVALUATOR_DEFINITIONS.human),
    },
    evaluatorBase: reference('EvaluatorBase'),
    definition: (name) => (Object.hasOwn(definitions, name) ? definitions[name] : undefined),
  };
  return validators;
}
