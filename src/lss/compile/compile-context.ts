// Shared state of one compilation: the spec, where its nodes are, the problems found, and lookups between parts.
import type { SourceMap } from '../parse/source-map.js';
import type { LoopSpec } from '../loop-spec.js';
import type { PathSegment, SourceLocation, SpecProblem } from '../spec-problem.js';
import type { ModelBinding } from './loop-program.js';

/** The state the compile steps share. */
export interface CompileContext {
  readonly spec: LoopSpec;
  readonly file: string | undefined;
  readonly problems: SpecProblem[];
  /** Where the node at `path` is written, when the spec came from a file. */
  locate(path: readonly PathSegment[]): SourceLocation | undefined;
  /** Reports an error at `path` (with its line and column when a source map is known); `rule` defaults to `reference`. */
  report(path: readonly PathSegment[], message: string, fix?: string, rule?: string): void;
}

/**
 * A context collecting problems for `spec`; positions come from `sourceMap` when given.
 *
 * @example
 * ```ts
 * const context = createCompileContext(spec, { file: 'loop.yaml' });
 * context.report(['workers', 0, 'depends_on', 0], 'Unknown worker `x`.');
 * ```
 */
export function createCompileContext(
  spec: LoopSpec,
  options: { file?: string | undefined; sourceMap?: SourceMap | undefined },
): CompileContext {
  const problems: SpecProblem[] = [];
  return {
    spec,
    file: options.file,
    problems,
    locate: (path) => options.sourceMap?.locate(path),
    report(path, message, fix, rule = 'reference') {
      const location = options.sourceMap?.locate(path);
      problems.push({
        severity: 'error',
        rule,
        message,
        path: [...path],
        file: options.file,
        line: location?.line,
        column: location?.column,
        fix,
      });
    },
  };
}

/**
 * A model as LoopGym binds it, with its id `provider:name`.
 *
 * @example
 * ```ts
 * toModelBinding({ provider: 'openai', name: 'gpt-4.1-mini', temperature: 0 }).id; // 'openai:gpt-4.1-mini'
 * ```
 */
export function toModelBinding(model: {
  provider: string;
  name: string;
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
}): ModelBinding {
  return {
    provider: model.provider,
    name: model.name,
    id: `${model.provider}:${model.name}`,
    temperature: model.temperature,
    maxTokens: model.max_tokens,
    topP: model.top_p,
  };
}

/**
 * Splits a reference such as `workers.writer` or `inputs.repo.url` into its root and the segments after it.
 *
 * @example
 * ```ts
 * splitReference('inputs.repo.url'); // { root: 'inputs', segments: ['repo', 'url'] }
 * ```
 */
export function splitReference(reference: string): { root: string; segments: string[] } {
  const [root = '', ...segments] = reference.split('.');
  return { root, segments };
}

/**
 * A plain-data copy of a value written in the spec (objects keep their key order), so freezing the program never
 * freezes the caller's spec.
 *
 * @example
 * ```ts
 * copyValue({ a: [1, { b: 2 }] }); // a new object, equal to the old one
 * ```
 */
export function copyValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => copyValue(item)) as T;
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = copyValue(item);
    return copy as T;
  }
  return value;
}

/**
 * The entries of `record` whose keys are not in `known`, copied (the "other keys, kept as written" of a program).
 *
 * @example
 * ```ts
 * otherKeys({ id: 'a', lens: 'x' }, ['id']); // { lens: 'x' }
 * ```
 */
export function otherKeys(record: object, known: readonly string[]): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!known.includes(key)) rest[key] = copyValue(value);
  }
  return rest;
}

/**
 * Freezes a value and everything reachable from it.
 *
 * @example
 * ```ts
 * const program = deepFreeze({ workers: [{ id: 'a' }] });
 * Object.isFrozen(program.workers[0]); // true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/**
 * A string-valued key the LSS schema allows but the document types do not list (e.g. a safety constraint's `rule`).
 *
 * @example
 * ```ts
 * optionalString({ rule: 'No production writes' }, 'rule'); // 'No production writes'
 * ```
 */
export function optionalString(record: object, key: string): string | undefined {
  const value: unknown = (record as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}
