// Reading a JSON file against a zod schema, with errors that name the file, the JSON path and the fix.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { jsonPath, TaskFileError, type TaskFileIssue } from './task-file-error.js';

/** At most this many problems are listed in one error. */
const MAX_ISSUES = 20;

/**
 * Reads `file` as UTF-8 JSON and checks it against `schema`.
 *
 * @throws {TaskFileError} when the file cannot be read, is not JSON (with line and column), or does not fit the schema
 * (one issue per problem, each with its JSON path).
 * @example
 * ```ts
 * const tasks = await readJsonFile('envs/code-repair-v1/tasks.json', tasksFileSchema);
 * ```
 */
export function readJsonFile<Schema extends z.ZodType>(
  file: string,
  schema: Schema,
): Promise<z.output<Schema>> {
  try {
    return Promise.resolve(readJsonFileSync(file, schema));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * {@link readJsonFile}, synchronously.
 *
 * @example
 * ```ts
 * const tasks = readJsonFileSync('envs/code-repair-v1/tasks.json', tasksFileSchema);
 * ```
 */
export function readJsonFileSync<Schema extends z.ZodType>(file: string, schema: Schema): z.output<Schema> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as { code?: unknown }).code === 'ENOENT' ? 'The file does not exist' : String(error);
    throw new TaskFileError(file, [{ path: '$', message: `${reason}. Check the path.` }], { cause: error });
  }
  return parseJsonText(file, text, schema);
}

/**
 * Parses `text` (the content of `file`) as JSON and checks it against `schema`; errors name `file`.
 *
 * @example
 * ```ts
 * parseJsonText('tasks.json', '{"tasks": []}', tasksFileSchema); // { tasks: [] }
 * ```
 */
export function parseJsonText<Schema extends z.ZodType>(
  file: string,
  text: string,
  schema: Schema,
): z.output<Schema> {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw new TaskFileError(file, [{ path: '$', message: describeSyntaxError(text, error) }], {
      cause: error,
    });
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new TaskFileError(file, toTaskFileIssues(result.error.issues));
}

/** Turns zod issues into task file issues: one per problem, with a JSON path and a message that says how to fix it. */
export function toTaskFileIssues(issues: readonly z.core.$ZodIssue[]): TaskFileIssue[] {
  const converted = issues.slice(0, MAX_ISSUES).map((issue): TaskFileIssue => {
    if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) {
      return { path: jsonPath([...issue.path, issue.keys[0]!]), message: issue.message };
    }
    if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
      const key = issue.path[issue.path.length - 1];
      const name = typeof key === 'string' ? `\`${key}\`` : 'a value';
      const expected = issue.expected === 'record' ? 'object' : issue.expected;
      return { path: jsonPath(issue.path), message: `Missing ${name}: add it (expected ${expected}).` };
    }
    return { path: jsonPath(issue.path), message: issue.message };
  });
  if (issues.length > MAX_ISSUES) {
    converted.push({ path: '$', message: `…and ${issues.length - MAX_ISSUES} more problems.` });
  }
  return converted;
}

function describeSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return `Not valid JSON: ${message}.`;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  const reason = message.replace(/\s*(in JSON )?at position \d+.*$/, '');
  return `Not valid JSON at line ${line}, column ${column}: ${reason}. Check for a missing comma, quote or bracket there.`;
}
