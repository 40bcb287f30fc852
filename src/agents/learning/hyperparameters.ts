import type { z } from 'zod';
import { InvalidArgumentError } from '../../core/errors.js';

/**
 * Fills in a learner's hyperparameter defaults with its zod schema; an unknown name or a bad value throws an
 * {@link InvalidArgumentError} that names the hyperparameter and the algorithm.
 *
 * @example
 * ```ts
 * const settings = parseHyperparameters(qLearningHyperparametersSchema, { gamma: 0.9 }, 'q-learning');
 * ```
 */
export function parseHyperparameters<T>(schema: z.ZodType<T>, input: unknown, algorithm: string): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = issue.path.map(String).join('.');
  throw new InvalidArgumentError(
    `Invalid ${algorithm} hyperparameter${name === '' ? '' : ` ${name}`}: ${issue.message}. ` +
      'See docs/agents.md for each hyperparameter and its default.',
    { cause: result.error },
  );
}

/**
 * A value moved linearly from `start` to `end` over `duration` units (steps or episodes), then held at `end`.
 *
 * @example
 * ```ts
 * linearSchedule(1, 0.05, 1000, 500); // 0.525
 * ```
 */
export function linearSchedule(start: number, end: number, duration: number, elapsed: number): number {
  if (duration <= 0 || elapsed >= duration) return end;
  return start + (end - start) * (elapsed / duration);
}
