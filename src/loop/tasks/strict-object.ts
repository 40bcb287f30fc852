// A zod strict object whose unknown-key errors suggest the closest allowed key and list them all.
import { z } from 'zod';
import { didYouMean } from '../../lss/validate/did-you-mean.js';

/**
 * `z.strictObject(shape)` with a helpful message for unknown keys: "Unknown key `titel`. Did you mean `title`?
 * Allowed keys: id, title, url."
 *
 * @example
 * ```ts
 * const source = strictObject({ id: z.string(), title: z.string() });
 * source.safeParse({ id: 'S1', titel: 'x' }); // error: Unknown key `titel`. Did you mean `title`? …
 * ```
 */
export function strictObject<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
): z.ZodObject<Shape, z.core.$strict> {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const unknown = issue.keys.map((key) => `\`${key}\``).join(', ');
      const suggestion = issue.keys.length === 1 ? didYouMean(issue.keys[0]!, allowed) : undefined;
      return [
        `Unknown key${issue.keys.length === 1 ? '' : 's'} ${unknown}.`,
        suggestion,
        `Allowed keys: ${allowed.join(', ')}.`,
      ]
        .filter((part) => part !== undefined)
        .join(' ');
    },
  });
}
