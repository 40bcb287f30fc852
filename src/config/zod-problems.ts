// Turns zod issues into problems that point at the line of a config file and say how to fix it.
import type { z } from 'zod';
import type { SourceMap } from '../lss/parse/source-map.js';
import { formatPath, type PathSegment, type SpecProblem } from '../lss/spec-problem.js';
import { didYouMean } from '../lss/validate/did-you-mean.js';

/** Where the issues come from: the document, its positions, and the schema (for the keys it knows). */
export interface ZodProblemContext {
  file: string;
  sourceMap: SourceMap;
  /** The whole document as read. */
  document: unknown;
  /** The schema of the value at `prefix`. */
  schema: z.ZodType;
  /** Where in the document the validated value is (for schemas checked on a part, e.g. hyperparameters). */
  prefix?: readonly PathSegment[];
}

/**
 * One problem per zod issue (one per unknown key), each with the file, line and column of the value (or of the key,
 * for unknown keys), a message in plain words and, where there is one, a fix (`Did you mean …?`, the allowed values).
 *
 * @example
 * ```ts
 * const result = runConfigSchema.safeParse(value);
 * if (!result.success) problems.push(...zodProblems(result.error.issues, { file, sourceMap, document: value, schema: runConfigSchema }));
 * ```
 */
export function zodProblems(issues: readonly z.core.$ZodIssue[], context: ZodProblemContext): SpecProblem[] {
  const prefix = context.prefix ?? [];
  const problems: SpecProblem[] = [];
  for (const issue of issues) {
    const local = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    const path = [...prefix, ...local];
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(context.schema, local);
      for (const key of issue.keys) {
        const keyPath = [...path, key];
        problems.push(
          problemAt(context, keyPath, `Unknown key \`${key}\`.`, unknownKeyFix(key, known), true),
        );
      }
      continue;
    }
    const value = valueAt(context.document, path);
    // A missing key is pointed at through its parent's key (`training:`), where it has to be added.
    const missing = issue.code === 'invalid_type' && value === undefined && path.length > 0;
    const at = missing ? path.slice(0, -1) : path;
    const problem = problemAt(context, at, messageOf(issue, value, path), fixOf(issue, value, path), missing);
    problems.push({ ...problem, path });
  }
  return problems;
}

/** A problem at a path of the document, with its position. */
export function problemAt(
  context: Pick<ZodProblemContext, 'file' | 'sourceMap'>,
  path: readonly PathSegment[],
  message: string,
  fix?: string,
  atKey = false,
): SpecProblem {
  const location = atKey ? context.sourceMap.locateKey(path) : context.sourceMap.locate(path);
  return {
    severity: 'error',
    rule: 'run-config',
    message,
    path,
    file: context.file,
    line: location?.line,
    column: location?.column,
    fix,
  };
}

function messageOf(issue: z.core.$ZodIssue, value: unknown, path: readonly PathSegment[]): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `\`${formatPath(path)}\` is missing.`;
      return `Expected ${article(issue.expected)}, got ${describe(value)}.`;
    case 'invalid_value':
      if (issue.values.length === 1)
        return `Expected ${JSON.stringify(issue.values[0])}, got ${describe(value)}.`;
      return `Expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${describe(value)}.`;
    case 'too_small':
      return `${capitalize(describe(value))} is too small: it must be ${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}.`;
    case 'too_big':
      return `${capitalize(describe(value))} is too large: it must be ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}.`;
    case 'invalid_union':
      return `${capitalize(describe(value))} is not allowed here (${unionExpectations(issue)}).`;
    default:
      return `${issue.message.replace(/\.$/, '')}; got ${describe(value)}.`;
  }
}

function fixOf(issue: z.core.$ZodIssue, value: unknown, path: readonly PathSegment[]): string | undefined {
  if (issue.code === 'invalid_type' && value === undefined) {
    const key = path[path.length - 1];
    const parent = path.slice(0, -1);
    return `Add \`${String(key)}:\` (${article(issue.expected)})${parent.length === 0 ? '' : ` under \`${formatPath(parent)}\``}.`;
  }
  if (issue.code === 'invalid_value' && typeof value === 'string') {
    const candidates = issue.values.filter((v): v is string => typeof v === 'string');
    return didYouMean(value, candidates);
  }
  if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof value === 'string') {
    return 'Write the number without quotes.';
  }
  return undefined;
}

function unknownKeyFix(key: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return 'Remove it.';
  const guess = didYouMean(key, known);
  return `${guess === undefined ? 'Remove it' : guess.replace(/\?$/, '')}${guess === undefined ? '' : ' (or remove it)'}; the keys here are ${known.map((k) => `\`${k}\``).join(', ')}.`;
}

function unionExpectations(issue: z.core.$ZodIssue & { code: 'invalid_union' }): string {
  const expected = new Set<string>();
  for (const branch of issue.errors) {
    for (const inner of branch) {
      if (inner.code === 'invalid_type') expected.add(article(inner.expected));
      else if (inner.path.length === 0) expected.add(inner.message);
    }
  }
  return expected.size === 0 ? issue.message : `expected ${[...expected].join(' or ')}`;
}

/** The keys an object schema at `path` knows (through optional, default and nullable wrappers). */
export function keysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: unknown = schema;
  const unwrap = (node: unknown): unknown => {
    let inner = node as { _zod?: { def?: { type?: string; innerType?: unknown } } } | undefined;
    while (
      inner?._zod?.def?.innerType !== undefined &&
      ['optional', 'default', 'nullable', 'prefault'].includes(inner._zod.def.type ?? '')
    ) {
      inner = inner._zod.def.innerType as typeof inner;
    }
    return inner;
  };
  for (const segment of path) {
    const shape = (unwrap(current) as { shape?: Record<string, unknown> } | undefined)?.shape;
    if (shape === undefined || typeof segment !== 'string') return [];
    current = shape[segment];
  }
  const shape = (unwrap(current) as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape === undefined ? [] : Object.keys(shape);
}

/** The value at a path of a plain document (`undefined` when absent). */
export function valueAt(document: unknown, path: readonly PathSegment[]): unknown {
  let current = document;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value === 'number' ? 'the number' : 'the boolean'} ${String(value)}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

function article(expected: string): string {
  const words: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'a text',
    boolean: 'true or false',
    object: 'a mapping',
    array: 'a list',
    record: 'a mapping',
  };
  return words[expected] ?? expected;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
