// A list parameter that also accepts one string (`tools: shell`, `--perturb tool_denylist:tools=shell`).
import { z } from 'zod';

/**
 * A zod schema of a list of non-empty strings that also takes a single string (a list of one).
 *
 * @example
 * ```ts
 * stringList().parse('shell'); // ['shell']
 * ```
 */
export function stringList(): z.ZodType<string[]> {
  return z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.string().min(1)));
}
