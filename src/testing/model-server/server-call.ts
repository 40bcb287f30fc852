// What the model server makes of a request, whichever API it came through.
import type { z } from 'zod';
import type { GenerateOptions } from '../../models/language-model.js';

/** Which tool the caller wants: any or none (`auto`), at least one (`required`), or a named one. */
export type ServerToolChoice = 'auto' | 'required' | { name: string };

/**
 * One model call as the server understands it. The tool choice travels to the model in
 * `options.purpose.context.toolChoice` (purpose kind `other`, id `model-server`), the only place the model interface
 * leaves for it.
 */
export interface ServerCall {
  modelName: string;
  options: GenerateOptions;
  stream: boolean;
}

/** A request the server refuses with 400: what is wrong, and the field (dotted path) when there is one. */
export interface BadRequest {
  message: string;
  param: string | null;
}

/**
 * The purpose attached to every call the server makes, carrying the tool choice.
 *
 * @example
 * ```ts
 * serverPurpose('required'); // { kind: 'other', id: 'model-server', context: { toolChoice: 'required' } }
 * ```
 */
export function serverPurpose(toolChoice: ServerToolChoice): NonNullable<GenerateOptions['purpose']> {
  return { kind: 'other', id: 'model-server', context: { toolChoice } };
}

/**
 * The tool choice a server call carries (`auto` when none).
 *
 * @example
 * ```ts
 * toolChoiceOf({ messages: [], purpose: serverPurpose({ name: 'search' }) }); // { name: 'search' }
 * ```
 */
export function toolChoiceOf(options: GenerateOptions): ServerToolChoice {
  const choice = options.purpose?.context?.toolChoice;
  if (choice === 'required') return 'required';
  if (
    typeof choice === 'object' &&
    choice !== null &&
    typeof (choice as { name?: unknown }).name === 'string'
  ) {
    return { name: (choice as { name: string }).name };
  }
  return 'auto';
}

/**
 * A zod error as one readable sentence per problem, each naming the field.
 *
 * @example
 * ```ts
 * badRequestFromZod(error); // { message: 'messages.0.role: Invalid input …', param: 'messages.0.role' }
 * ```
 */
export function badRequestFromZod(error: z.ZodError): BadRequest {
  const issues = error.issues.map((issue) => explain(issue, []));
  const problems = issues.map(({ path, message }) => (path === '' ? message : `${path}: ${message}`));
  const first = issues[0]?.path;
  return {
    message: `Invalid request body. ${problems.join('; ')}.`,
    param: first === undefined || first === '' ? null : first,
  };
}

/**
 * One issue with its full path. A union's issue ("Invalid input") is replaced by the issue of the alternative that
 * got furthest into the value, which is the one that says what is actually wrong.
 */
function explain(issue: z.core.$ZodIssue, base: readonly PropertyKey[]): { path: string; message: string } {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const deepest = issue.errors
      .map((alternative) => alternative[0])
      .filter((candidate) => candidate !== undefined)
      .reduce<z.core.$ZodIssue | undefined>(
        (best, candidate) =>
          best === undefined || candidate.path.length > best.path.length ? candidate : best,
        undefined,
      );
    if (deepest !== undefined && deepest.path.length > 0) return explain(deepest, path);
  }
  return { path: path.map(String).join('.'), message: issue.message };
}

/**
 * Parses a tool call's JSON arguments into an object, or says why it cannot.
 *
 * @example
 * ```ts
 * parseToolArguments('{"city":"Paris"}'); // { city: 'Paris' }
 * ```
 */
export function parseToolArguments(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text === '' ? '{}' : text);
  } catch {
    return `tool call arguments are not valid JSON: ${text.slice(0, 80)}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'tool call arguments must be a JSON object';
  }
  return value as Record<string, unknown>;
}
