// Reward functions with weights over a trajectory; weight-0 functions are metrics.
import type { Trajectory } from './trajectory.js';

/** One reward function or metric of a rubric. */
export interface RubricFunction<State = unknown, Task = unknown> {
  name: string;
  /** Its weight in the reward; 0 makes it a metric that is reported but not added. Default 1. */
  weight?: number | undefined;
  fn: (trajectory: Trajectory, state: State, task: Task) => number | Promise<number>;
}

/** What a rubric gives for one trajectory. */
export interface RubricScore {
  /** The weighted sum of the functions with a weight other than 0. */
  reward: number;
  /** Every function's value by name (weight-0 metrics included). */
  metrics: Record<string, number>;
}

/** A set of weighted reward functions. */
export interface Rubric<State = unknown, Task = unknown> {
  readonly functions: readonly RubricFunction<State, Task>[];
  score(trajectory: Trajectory, state?: State, task?: Task): Promise<RubricScore>;
}

/**
 * A reward function threw or returned something other than a finite number: the score is an error, never a silent 0.
 *
 * @example
 * ```ts
 * try { await rubric([...]).score(trajectory); } catch (error) { if (error instanceof RubricError) console.log(error.functionName); }
 * ```
 */
export class RubricError extends Error {
  override readonly name = 'RubricError';
  readonly functionName: string;
  constructor(functionName: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.functionName = functionName;
  }
}

/**
 * The default reward function: the sum of the step rewards (the trajectory's return).
 *
 * @example
 * ```ts
 * rubric([sumOfRewards]);
 * ```
 */
export const sumOfRewards: RubricFunction = {
  name: 'return',
  weight: 1,
  fn: (trajectory) => trajectory.rewards.reduce((sum, reward) => sum + reward, 0),
};

/**
 * A rubric: each function receives the trajectory, the state and the task; the reward is the weighted sum of those
 * with a weight other than 0, and every value is reported in `metrics`. Without functions, the reward is the sum of
 * the step rewards. A function that throws or returns a non-finite number makes `score` reject with a
 * {@link RubricError} naming it.
 *
 * @example
 * ```ts
 * const scoring = rubric([
 *   { name: 'solved', weight: 1, fn: (t) => (t.status === 'terminated' && t.return > 0 ? 1 : 0) },
 *   { name: 'steps', weight: 0, fn: (t) => t.environmentSteps },
 * ]);
 * const { reward, metrics } = await scoring.score(trajectory);
 * ```
 */
export function rubric<State = unknown, Task = unknown>(
  functions: readonly RubricFunction<State, Task>[] = [],
): Rubric<State, Task> {
  const names = new Set<string>();
  for (const entry of functions) {
    if (names.has(entry.name))
      throw new RangeError(`Two rubric functions are named \`${entry.name}\`; give each its own name.`);
    names.add(entry.name);
    const weight = entry.weight ?? 1;
    if (!Number.isFinite(weight))
      throw new RangeError(`The weight of \`${entry.name}\` must be a finite number, not ${weight}.`);
  }
  const list: readonly RubricFunction<State, Task>[] = functions.length === 0 ? [sumOfRewards] : functions;
  return {
    functions: list,
    async score(trajectory, state, task) {
      const metrics: Record<string, number> = {};
      let reward = 0;
      for (const entry of list) {
        let value: number;
        try {
          value = await entry.fn(trajectory, state as State, task as Task);
        } catch (cause) {
          const message = cause instanceof Error ? cause.message : String(cause);
          throw new RubricError(entry.name, `The reward function \`${entry.name}\` threw: ${message}`, {
            cause,
          });
        }
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          throw new RubricError(
            entry.name,
            `The reward function \`${entry.name}\` returned ${String(value)}; it must return a finite number.`,
          );
        }
        metrics[entry.name] = value;
        reward += (entry.weight ?? 1) * value;
      }
      return { reward, metrics };
    },
  };
}
