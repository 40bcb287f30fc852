// Typed definitions of deterministic evaluators: parameters parsed by the evaluator's own zod schema.
import { z } from 'zod';
import type { EvaluatorVerdict } from '../evaluator-verdict.js';
import type { DeterministicEvaluationContext, DeterministicEvaluator } from './deterministic-evaluator.js';
import { EvaluatorParameterError, type EvaluatorParameterIssue } from './deterministic-evaluator-errors.js';
import { describeValue } from '../../../core/errors.js';
import { closestMatches } from '../../../registry/closest-matches.js';

/**
 * The schema of an evaluator's parameters: a zod object whose output is a record.
 *
 * @example
 * ```ts
 * const parameters: EvaluatorParameterSchema = z.object({ max_words: z.number().default(100) });
 * ```
 */
export type EvaluatorParameterSchema = z.ZodType<Record<string, unknown>>;

/**
 * What {@link defineDeterministicEvaluator} takes: an evaluator whose `evaluate` receives typed parameters.
 *
 * @example
 * ```ts
 * const definition: DeterministicEvaluatorDefinition<typeof schema> = { name: 'evaluators.x', description: '…', parameters: schema, evaluate };
 * ```
 */
export interface DeterministicEvaluatorDefinition<Schema extends EvaluatorParameterSchema> {
  name: string;
  description: string;
  parameters: Schema;
  cacheable?: boolean | undefined;
  evaluate(
    context: DeterministicEvaluationContext,
    parameters: z.output<Schema>,
  ): EvaluatorVerdict | Promise<EvaluatorVerdict>;
}

/**
 * A {@link DeterministicEvaluator} whose `evaluate` gets its parameters parsed and typed (defaults applied), so it
 * may be called with parameters straight from a task. Bad parameters throw an {@link EvaluatorParameterError}.
 *
 * @example
 * ```ts
 * const shout = defineDeterministicEvaluator({
 *   name: 'evaluators.shout',
 *   description: 'The output is in capital letters.',
 *   parameters: z.object({ min_ratio: z.number().min(0).max(1).default(1) }),
 *   evaluate: ({ outputs }, { min_ratio }) => createVerdict({ score: …, summary: '…' }),
 * });
 * registry.register(shout);
 * ```
 */
export function defineDeterministicEvaluator<Schema extends EvaluatorParameterSchema>(
  definition: DeterministicEvaluatorDefinition<Schema>,
): DeterministicEvaluator {
  return {
    name: definition.name,
    description: definition.description,
    parameters: definition.parameters,
    cacheable: definition.cacheable ?? true,
    evaluate: (context) => {
      const parameters = parseEvaluatorParameters(definition, context.parameters, context.evaluatorId);
      return definition.evaluate(context, parameters as z.output<Schema>);
    },
  };
}

/**
 * Checks `raw` against the evaluator's parameter schema and returns the parameters with defaults applied. Unknown
 * parameters are refused with a "did you mean" when the schema is a zod object. `undefined` and `null` mean no
 * parameters.
 *
 * @example
 * ```ts
 * parseEvaluatorParameters(wordCountMax, { max_words: 50 }); // { max_words: 50 }
 * parseEvaluatorParameters(wordCountMax, { max_word: 50 }); // throws: `max_word`: unknown parameter. Did you mean `max_words`?
 * ```
 */
export function parseEvaluatorParameters(
  evaluator: Pick<DeterministicEvaluator, 'name' | 'parameters'>,
  raw: unknown,
  evaluatorId?: string,
): Record<string, unknown> {
  const given = raw ?? {};
  const failure = (issues: EvaluatorParameterIssue[], cause?: unknown): EvaluatorParameterError =>
    new EvaluatorParameterError({ evaluatorName: evaluator.name, evaluatorId, issues, cause });
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw failure([
      {
        parameter: '',
        message: `parameters must be a mapping of names to values, got ${Array.isArray(given) ? 'a list' : typeof given}`,
      },
    ]);
  }
  const schema = evaluator.parameters;
  if (schema === undefined) return { ...(given as Record<string, unknown>) };
  if (schema instanceof z.ZodObject) {
    const known = Object.keys(schema.shape);
    const unknown = Object.keys(given).filter((key) => !known.includes(key));
    if (unknown.length > 0) {
      throw failure(
        unknown.sort().map((key) => {
          const suggestions = closestMatches(key, known);
          const list =
            known.length > 0 ? `known: ${known.map((name) => `\`${name}\``).join(', ')}` : 'it takes none';
          return {
            parameter: key,
            message:
              suggestions.length > 0
                ? `unknown parameter. Did you mean \`${suggestions[0]}\`?`
                : `unknown parameter (${list})`,
          };
        }),
      );
    }
  }
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    throw failure(
      parsed.error.issues.map((issue) => {
        const value = valueAt(given, issue.path);
        const got = value === undefined ? '' : ` (got ${describeValue(value)})`;
        return { parameter: issue.path.map(String).join('.'), message: `${issue.message}${got}` };
      }),
      parsed.error,
    );
  }
  return parsed.data;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || typeof key === 'symbol') return undefined;
    node = (node as Record<string, unknown>)[String(key)];
  }
  return node;
}
