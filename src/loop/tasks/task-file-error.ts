// The error a tasks file or a task material file raises when it cannot be read or does not fit its format.
import { LoopGymError } from '../../core/errors.js';

/** One problem of a task file: where it is (a JSON path such as `$.tasks[1].input`) and what is wrong. */
export interface TaskFileIssue {
  /** The JSON path of the offending value; `$` for the whole file. */
  path: string;
  message: string;
}

/**
 * A tasks file (`tasks.json`) or a material file (`materials/<task-id>.json`) could not be read, is not JSON, or does
 * not fit its format. The message names the file and the JSON path of every problem.
 *
 * @example
 * ```ts
 * try {
 *   await loadTaskSet('envs/code-repair-v1');
 * } catch (error) {
 *   if (error instanceof TaskFileError) console.log(error.file, error.issues[0]?.path); // '…/cr-001.json' '$.candidates[0].quality'
 * }
 * ```
 */
export class TaskFileError extends LoopGymError {
  /** The file at fault (absolute when the caller gave an absolute path). */
  readonly file: string;
  readonly issues: readonly TaskFileIssue[];

  constructor(file: string, issues: readonly TaskFileIssue[], options: { cause?: unknown } = {}) {
    super(describeIssues(file, issues), { ...options, code: 'task-file' });
    this.file = file;
    this.issues = issues;
  }
}

function describeIssues(file: string, issues: readonly TaskFileIssue[]): string {
  if (issues.length === 1) {
    const [issue] = issues as [TaskFileIssue];
    return `${file} at ${issue.path}: ${issue.message}`;
  }
  const lines = issues.map((issue) => `  - ${issue.path}: ${issue.message}`);
  return `${file} has ${issues.length} problems:\n${lines.join('\n')}`;
}

/**
 * The JSON path of a list of keys and indexes: `['tasks', 1, 'input']` → `$.tasks[1].input`; keys that are not
 * identifiers are quoted (`$["task id"]`).
 *
 * @example
 * ```ts
 * jsonPath(['candidates', 0, 'quality']); // '$.candidates[0].quality'
 * ```
 */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}
