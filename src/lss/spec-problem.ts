/** A step of a path into a spec: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** Where a problem is in its file (1-based line and column). */
export interface SourceLocation {
  line: number;
  column: number;
}

/**
 * One thing wrong (or suspicious) in a spec: what, where, and, when there is one, how to fix it.
 *
 * @example
 * ```ts
 * const problem: SpecProblem = {
 *   severity: 'error',
 *   rule: 'reference',
 *   message: 'Feedback channel `to_writer` sends to `workers.writr`, which does not exist.',
 *   path: ['feedback_channels', 0, 'destination'],
 *   file: 'loop.yaml',
 *   line: 42,
 *   column: 18,
 *   fix: 'Did you mean `workers.writer`?',
 * };
 * ```
 */
export interface SpecProblem {
  severity: 'error' | 'warning';
  /** Which rule found it, e.g. `yaml`, `schema`, `dag`, `reference`, `primary-metric`. */
  rule: string;
  /** What is wrong, in plain words. */
  message: string;
  /** Where in the document, as keys and indices from the root. */
  path: readonly PathSegment[];
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  /** How to fix it, when there is an obvious way. */
  fix?: string | undefined;
}

/**
 * `workers[0].depends_on[1]`: a path the way people read it.
 *
 * @example
 * ```ts
 * formatPath(['workers', 0, 'id']); // 'workers[0].id'
 * ```
 */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text === '' ? '(document)' : text;
}

/**
 * `/workers/0/depends_on/1`: a path as a JSON Pointer (RFC 6901).
 *
 * @example
 * ```ts
 * toJsonPointer(['inputs', 'schema', 'a/b']); // '/inputs/schema/a~1b'
 * ```
 */
export function toJsonPointer(path: readonly PathSegment[]): string {
  return path.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * The segments of a JSON Pointer; numeric segments become numbers.
 *
 * @example
 * ```ts
 * fromJsonPointer('/workers/0/id'); // ['workers', 0, 'id']
 * ```
 */
export function fromJsonPointer(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/**
 * `file:line:column: severity [rule] path: message (fix)`, one line per problem.
 *
 * @example
 * ```ts
 * formatProblem(problem); // 'loop.yaml:42:18: error [reference] feedback_channels[0].destination: …'
 * ```
 */
export function formatProblem(problem: SpecProblem): string {
  const where =
    problem.file === undefined
      ? ''
      : problem.line === undefined
        ? `${problem.file}: `
        : `${problem.file}:${problem.line}:${problem.column ?? 1}: `;
  const fix = problem.fix === undefined ? '' : ` ${problem.fix}`;
  return `${where}${problem.severity} [${problem.rule}] ${formatPath(problem.path)}: ${problem.message}${fix}`;
}
