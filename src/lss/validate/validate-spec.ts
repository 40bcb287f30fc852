// Validation of one LSS document: the official schemas, then every semantic rule, all problems at once.
import lss10Schema from '../schema/lss-1.0.schema.json' with { type: 'json' };
import { parseSpecText, type ParsedSpec, type ParseSpecOptions } from '../parse/parse-spec.js';
import type { SpecProblem } from '../spec-problem.js';
import { didYouMean } from './did-you-mean.js';
import { asRecord } from './rules/document-access.js';
import type { RuleProblem } from './rules/spec-rule.js';
import { SPEC_RULES } from './rules/spec-rules.js';
import { lssVersionOf, schemaProblems, type LssVersion } from './schema/schema-problems.js';

/** Options of the validators. */
export interface ValidateSpecOptions {
  /** Treat warnings as errors (`loopgym validate --strict`). Default `false`. */
  strict?: boolean | undefined;
}

/** The verdict on one document. */
export interface SpecValidation {
  /** `true` when no problem is an error (with `strict`, when there is no problem at all). */
  valid: boolean;
  /** The schema version the document was checked against. */
  lssVersion: LssVersion;
  /** Every problem, errors and warnings, in document order when positions are known. */
  problems: SpecProblem[];
}

const TOP_LEVEL_FIELDS = [...Object.keys(lss10Schema.properties), 'composition'];

/**
 * Validates an LSS document (already read into plain data) against the official schemas and LoopGym's semantic
 * rules. Never throws, whatever the document: the outcome is valid, or a list of problems with paths (no positions;
 * use {@link validateSpecText} or {@link validateParsedSpec} for file, line and column).
 *
 * @example
 * ```ts
 * const { valid, problems } = validateSpec({ loop_name: 'demo' });
 * valid; // false
 * problems[0]?.message; // 'The document is missing the required field `version`.'
 * ```
 */
export function validateSpec(document: unknown, options: ValidateSpecOptions = {}): SpecValidation {
  const found = collectProblems(document);
  const problems = found.map((problem) => toSpecProblem(problem, options));
  return verdict(lssVersionOf(document), problems);
}

/**
 * Validates a parsed document and places every problem at its file, line and column (the key of an unknown or
 * missing field, the value otherwise). Syntax problems from the parser come first; a document that could not be read
 * is not checked further.
 *
 * @example
 * ```ts
 * const result = validateParsedSpec(parseSpecText(text, { file: 'loop.yaml' }));
 * result.problems.map(formatProblem);
 * ```
 */
export function validateParsedSpec(parsed: ParsedSpec, options: ValidateSpecOptions = {}): SpecValidation {
  const syntax = parsed.problems.map((problem) => strictly(problem, options));
  if (parsed.value === undefined || syntax.some((problem) => problem.severity === 'error')) {
    return verdict(lssVersionOf(parsed.value), syntax);
  }
  const located = collectProblems(parsed.value).map((problem) => {
    const position =
      problem.anchor === 'key'
        ? parsed.sourceMap.locateKey(problem.path)
        : parsed.sourceMap.locate(problem.path);
    return {
      ...toSpecProblem(problem, options),
      file: parsed.file,
      line: position?.line,
      column: position?.column,
    };
  });
  return verdict(lssVersionOf(parsed.value), [...syntax, ...sortByPosition(located)]);
}

/**
 * Parses and validates LSS text (YAML or JSON).
 *
 * @example
 * ```ts
 * const { valid, problems } = validateSpecText(readFileSync('loop.yaml', 'utf8'), { file: 'loop.yaml' });
 * ```
 */
export function validateSpecText(
  text: string,
  options: ParseSpecOptions & ValidateSpecOptions = {},
): SpecValidation {
  return validateParsedSpec(parseSpecText(text, options), options);
}

function collectProblems(document: unknown): RuleProblem[] {
  const found: RuleProblem[] = [...schemaProblems(document), ...unknownTopLevelFields(document)];
  if (asRecord(document) === undefined) return found;
  for (const { name, check } of SPEC_RULES) {
    try {
      found.push(...check(document));
    } catch (error) {
      // A rule that crashes is a bug in LoopGym, not in the spec: say so instead of hiding the other problems.
      found.push({
        severity: 'error',
        rule: name,
        message: `LoopGym's \`${name}\` rule failed on this document (${error instanceof Error ? error.message : String(error)}); please report it.`,
        path: [],
      });
    }
  }
  return found;
}

/** Top-level keys LSS does not define are allowed by the schema but usually typos: a warning, with the fix. */
function unknownTopLevelFields(document: unknown): RuleProblem[] {
  const record = asRecord(document);
  if (record === undefined) return [];
  return Object.keys(record)
    .filter((key) => !TOP_LEVEL_FIELDS.includes(key) && !key.startsWith('x_'))
    .map((key) => ({
      severity: 'warning' as const,
      rule: 'unknown-field',
      message: `\`${key}\` is not an LSS field; LoopGym ignores it.`,
      path: [key],
      fix:
        didYouMean(key, TOP_LEVEL_FIELDS) ??
        `Rename it \`x_${key}\` or move it under \`extensions\` to mark it as an extension.`,
      anchor: 'key' as const,
    }));
}

function toSpecProblem(problem: RuleProblem, options: ValidateSpecOptions): SpecProblem {
  const { anchor: _anchor, ...rest } = problem;
  return strictly({ ...rest, path: [...problem.path] }, options);
}

function strictly(problem: SpecProblem, options: ValidateSpecOptions): SpecProblem {
  return options.strict === true && problem.severity === 'warning'
    ? { ...problem, severity: 'error' }
    : problem;
}

/**
 * Problems in document order (by line, then column; problems without a position keep their place first).
 *
 * @example
 * ```ts
 * sortByPosition(problems).map(formatProblem);
 * ```
 */
export function sortByPosition(problems: readonly SpecProblem[]): SpecProblem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort(
      (a, b) =>
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        (a.problem.column ?? 0) - (b.problem.column ?? 0) ||
        a.order - b.order,
    )
    .map(({ problem }) => problem);
}

function verdict(lssVersion: LssVersion, problems: SpecProblem[]): SpecValidation {
  return { valid: !problems.some((problem) => problem.severity === 'error'), lssVersion, problems };
}
