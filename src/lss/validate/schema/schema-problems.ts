// The official LSS schemas' verdict on a document, as problems a person can act on.
import type { ErrorObject } from 'ajv';
import { fromJsonPointer, formatPath, type PathSegment } from '../../spec-problem.js';
import { describeValue } from '../describe-value.js';
import { didYouMean } from '../did-you-mean.js';
import { asRecord, asString, field } from '../rules/document-access.js';
import type { RuleProblem } from '../rules/spec-rule.js';
import { EVALUATOR_DEFINITIONS, lssSchemaValidators } from './lss-schemas.js';

/** Which schema a document was checked against: LSS 1.0, or 1.0 plus the 1.1 composition extension. */
export type LssVersion = '1.0' | '1.1';

/**
 * The LSS version a document is checked against: `1.1` when it has a `composition` block, `1.0` otherwise.
 *
 * @example
 * ```ts
 * lssVersionOf({ composition: { type: 'parallel' } }); // '1.1'
 * ```
 */
export function lssVersionOf(document: unknown): LssVersion {
  return field(document, 'composition') === undefined ? '1.0' : '1.1';
}

/**
 * Checks a document against the official JSON Schemas (LSS 1.0, plus the 1.1 composition extension when the document
 * has `composition`) and turns ajv's errors into plain problems: one per thing wrong, located by path, with the
 * allowed values or the closest key as the fix. An evaluator is checked against the definition of its own `type`
 * (instead of reporting that it matches none of the three), and the noise of `if`/`then` and `oneOf` is dropped.
 *
 * @example
 * ```ts
 * schemaProblems({ loop_name: 'Bad Name' });
 * // [{ rule: 'schema', path: ['loop_name'], message: '`loop_name` must match …' }, { … is missing `version` }, …]
 * ```
 */
export function schemaProblems(document: unknown): RuleProblem[] {
  const validators = lssSchemaValidators();
  const problems: RuleProblem[] = [];
  if (!validators.lss10(document)) {
    for (const error of validators.lss10.errors ?? []) {
      if (isEvaluatorChoiceNoise(error)) continue;
      problems.push(...problemsOfError(error, []));
    }
  }
  // Each evaluator against its own type's definition (the schema's `oneOf` only says "matches none").
  const evaluators = field(document, 'evaluators');
  if (Array.isArray(evaluators)) {
    evaluators.forEach((evaluator, index) => {
      problems.push(...evaluatorProblems(evaluator, ['evaluators', index]));
    });
  }
  if (lssVersionOf(document) === '1.1' && !validators.lss11(document)) {
    for (const error of validators.lss11.errors ?? []) problems.push(...problemsOfError(error, []));
  }
  return dropDuplicates(problems);
}

function evaluatorProblems(evaluator: unknown, path: PathSegment[]): RuleProblem[] {
  const validators = lssSchemaValidators();
  const record = asRecord(evaluator);
  if (record === undefined) {
    return [
      {
        severity: 'error',
        rule: 'schema',
        message: `\`${formatPath(path)}\` must be a mapping; it is ${describeValue(evaluator)}.`,
        path,
        fix: 'Declare the evaluator as `- { id: …, type: deterministic | llm_rubric | human, runs_after: [...] , … }`.',
      },
    ];
  }
  const type = asString(record.type);
  const validate =
    type !== undefined && Object.hasOwn(EVALUATOR_DEFINITIONS, type)
      ? validators.evaluatorOfType[type as keyof typeof EVALUATOR_DEFINITIONS]
      : validators.evaluatorBase;
  if (validate(evaluator)) return [];
  return (validate.errors ?? []).flatMap((error) => problemsOfError(error, path));
}

/**
 * Errors that another problem says better: everything inside an evaluator (each evaluator is checked against its
 * own type's definition below) and the branches of `termination_conditions`' `anyOf` (one problem says what is needed).
 */
function isEvaluatorChoiceNoise(error: ErrorObject): boolean {
  return (
    /^\/evaluators\/\d+(\/|$)/.test(error.instancePath) ||
    (error.instancePath === '/termination_conditions' && error.schemaPath.startsWith('#/anyOf/'))
  );
}

const KEYWORDS_WITHOUT_OWN_MESSAGE = new Set(['if', 'allOf', 'then', 'else', '$ref']);

function problemsOfError(error: ErrorObject, base: readonly PathSegment[]): RuleProblem[] {
  if (KEYWORDS_WITHOUT_OWN_MESSAGE.has(error.keyword)) return [];
  const path = [...base, ...fromJsonPointer(error.instancePath)];
  const where = path.length === 0 ? 'The document' : `\`${formatPath(path)}\``;
  const params = error.params as Record<string, unknown>;
  const parentSchema = asRecord(error.parentSchema);
  const problem = (message: string, fix?: string, at: PathSegment[] = path, anchor?: 'key'): RuleProblem => ({
    severity: 'error',
    rule: 'schema',
    message,
    path: at,
    fix,
    ...(anchor === undefined ? {} : { anchor }),
  });
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return [
        problem(
          `${where} is missing the required field \`${missing}\`.`,
          `Add \`${missing}:\`${REQUIRED_HINTS[missing] ?? ''}.`,
          path,
          'key',
        ),
      ];
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys(asRecord(parentSchema?.properties) ?? {});
      const suggestion = didYouMean(extra, allowed);
      return [
        problem(
          `${where} has an unknown field \`${extra}\`.`,
          suggestion ??
            (allowed.length === 0 ? 'Remove it.' : `Remove it; the fields here are ${listOf(allowed)}.`),
          [...path, extra],
          'key',
        ),
      ];
    }
    case 'enum': {
      const allowed = (Array.isArray(params.allowedValues) ? params.allowedValues : []) as unknown[];
      const text = typeof error.data === 'string' ? error.data : undefined;
      const suggestion = text === undefined ? undefined : didYouMean(text, allowed.map(String));
      return [
        problem(
          `${where} is ${describeValue(error.data)}, which is not an allowed value.`,
          suggestion ?? `Use one of ${listOf(allowed.map(String))}.`,
        ),
      ];
    }
    case 'const':
      return [
        problem(
          `${where} must be \`${String(params.allowedValue)}\`; it is ${describeValue(error.data)}.`,
          `Write \`${String(params.allowedValue)}\`.`,
        ),
      ];
    case 'type':
      return [problem(`${where} must be ${typeWords(params.type)}; it is ${describeValue(error.data)}.`)];
    case 'pattern':
      return [patternProblem(where, path, String(params.pattern), error.data, problem)];
    case 'minItems':
      return [
        problem(
          `${where} must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}.`,
          params.limit === 1 ? 'Add an item, or remove the field if it is optional.' : undefined,
        ),
      ];
    case 'maxItems':
      return [problem(`${where} may have at most ${String(params.limit)} items.`)];
    case 'minLength':
      return [
        problem(
          params.limit === 1
            ? `${where} must not be empty.`
            : `${where} must be at least ${String(params.limit)} characters long.`,
        ),
      ];
    case 'maxLength':
      return [problem(`${where} must be at most ${String(params.limit)} characters long.`)];
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return [
        problem(
          `${where} is ${describeValue(error.data)}; it must be ${String(params.comparison)} ${String(params.limit)}.`,
        ),
      ];
    case 'uniqueItems':
      return [
        problem(
          `${where} lists the same item twice (items ${String(params.j)} and ${String(params.i)}).`,
          'Remove the repeated item.',
        ),
      ];
    case 'oneOf':
    case 'anyOf':
      return [choiceProblem(where, path, error, problem)];
    default:
      return [problem(`${where} ${error.message ?? 'does not match the schema'}.`)];
  }
}

type MakeProblem = (message: string, fix?: string, at?: PathSegment[], anchor?: 'key') => RuleProblem;

function choiceProblem(
  where: string,
  path: PathSegment[],
  error: ErrorObject,
  problem: MakeProblem,
): RuleProblem {
  if (path.at(-2) === 'runs_after') {
    return problem(
      `${where} must be a worker id or \`*\` (every worker); it is ${describeValue(error.data)}.`,
    );
  }
  if (path.at(-2) === 'applies_to') {
    return problem(`${where} must be a worker id or \`*\`; it is ${describeValue(error.data)}.`);
  }
  if (path.length === 1 && path[0] === 'termination_conditions') {
    return problem(
      '`termination_conditions` must declare at least one non-empty list among `success`, `failure` and `stall`.',
      'Add e.g. `failure: [{ type: max_iterations, threshold: 10, action: halt }]`.',
    );
  }
  return problem(`${where} does not match any of the forms the schema allows.`);
}

const ID_PATTERN = '^[a-z][a-z0-9_-]*$';

function patternProblem(
  where: string,
  path: PathSegment[],
  pattern: string,
  value: unknown,
  problem: MakeProblem,
): RuleProblem {
  if (pattern === ID_PATTERN || pattern.startsWith('^[a-z]')) {
    const slug = typeof value === 'string' ? slugify(value) : '';
    return problem(
      `${where} is ${describeValue(value)}; names here use lowercase letters, digits, \`_\` and \`-\`, starting with a letter.`,
      slug === '' ? undefined : `Write \`${slug}\`.`,
    );
  }
  if (path.at(-1) === 'version' && path.length === 1) {
    return problem(
      `\`version\` is ${describeValue(value)}; it must be a semantic version such as \`1.0.0\`.`,
      typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)
        ? `Write \`${value.includes('.') ? `${value}.0` : `${value}.0.0`}\` (quoted numbers like 1.0 are read as numbers).`
        : 'Write it as `MAJOR.MINOR.PATCH`, e.g. `1.0.0`.',
    );
  }
  return problem(`${where} is ${describeValue(value)}, which does not match the pattern \`${pattern}\`.`);
}

function slugify(text: string): string {
  const slug = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '');
  return slug.slice(0, 64);
}

const REQUIRED_HINTS: Record<string, string> = {
  loop_name: ' (lowercase, e.g. `research_loop`)',
  version: ' (e.g. `"1.0.0"`)',
  max_iterations: ' (a positive integer)',
  threshold: ' (a number)',
};

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: '`null`',
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? (type as unknown[]) : String(type).split(',');
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

function listOf(values: readonly string[]): string {
  const quoted = values.map((value) => `\`${value}\``);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)!}`;
}

function dropDuplicates(problems: RuleProblem[]): RuleProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${JSON.stringify(problem.path)}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
