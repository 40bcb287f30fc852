// The variables a feedback channel's `when` condition may read, and what the loop engine puts in them.

/** The type of a condition variable's value. */
export type ConditionVariableType = 'number' | 'boolean' | 'string';

/** A variable a `when` condition may read. `name` ends with `.*` for a family (`dimension_scores.*`). */
export interface ConditionVariable {
  name: string;
  type: ConditionVariableType;
  /** Whose value it is: the channel's source (evaluator or worker) in this iteration, or the loop so far. */
  scope: 'source' | 'loop';
  description: string;
}

/**
 * Every variable a feedback channel's `when` condition may read. The engine fills them after the evaluators of an
 * iteration ran, before feedback is routed; `source` variables describe the channel's own `source`.
 *
 * @example
 * ```ts
 * CONDITION_VARIABLES.map((v) => v.name); // ['score', 'passed', 'pass_threshold', …, 'metrics.*']
 * ```
 */
export const CONDITION_VARIABLES: readonly Readonly<ConditionVariable>[] = Object.freeze(
  (
    [
      {
        name: 'score',
        type: 'number',
        scope: 'source',
        description: "The source evaluator's score in this iteration, on [0, 1] (a rubric's weighted score).",
      },
      {
        name: 'passed',
        type: 'boolean',
        scope: 'source',
        description: 'Whether the source evaluator passed the output in this iteration.',
      },
      {
        name: 'pass_threshold',
        type: 'number',
        scope: 'source',
        description:
          "The source evaluator's pass threshold: a rubric's `pass_threshold`, 1 for deterministic and human evaluators.",
      },
      {
        name: 'failure_count',
        type: 'number',
        scope: 'source',
        description: 'How many failure codes the source reported in this iteration (0 when it passed).',
      },
      {
        name: 'dimension_scores.*',
        type: 'number',
        scope: 'source',
        description:
          "The score of one dimension of the source's rubric, on [0, 1], e.g. `dimension_scores.coverage`.",
      },
      {
        name: 'iteration',
        type: 'number',
        scope: 'loop',
        description: 'The number of the iteration that just ran, from 1.',
      },
      {
        name: 'max_iterations',
        type: 'number',
        scope: 'loop',
        description: "The loop's resolved iteration bound (`termination.maxIterations`).",
      },
      {
        name: 'consecutive_failures',
        type: 'number',
        scope: 'loop',
        description: 'How many iterations in a row, up to this one, did not pass (0 when this one passed).',
      },
      {
        name: 'cost_usd',
        type: 'number',
        scope: 'loop',
        description: 'The money spent by the run so far, in US dollars.',
      },
      {
        name: 'tokens',
        type: 'number',
        scope: 'loop',
        description: 'The tokens used by the run so far.',
      },
      {
        name: 'metrics.*',
        type: 'number',
        scope: 'loop',
        description: 'The latest value of a declared metric, e.g. `metrics.primary_quality`.',
      },
    ] satisfies ConditionVariable[]
  ).map((variable) => Object.freeze(variable)),
);

/** Names a condition may use as written (the families `dimension_scores.*`, `metrics.*` excluded). */
export const CONDITION_VARIABLE_NAMES: readonly string[] = Object.freeze(
  CONDITION_VARIABLES.filter((v) => !v.name.endsWith('.*')).map((v) => v.name),
);

/** Prefixes of the variable families, with the dot: `dimension_scores.`, `metrics.`. */
export const CONDITION_VARIABLE_FAMILIES: readonly string[] = Object.freeze(
  CONDITION_VARIABLES.filter((v) => v.name.endsWith('.*')).map((v) => v.name.slice(0, -1)),
);
