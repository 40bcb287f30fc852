// The shape of LoopBench's task files, task registry and suite registry (ALS v2), as zod schemas.
import { z } from 'zod';

const unit = z.number().min(0).max(1);
const taskId = z.string().regex(/^LB-[A-Z]+-\d+$/, 'a task id looks like `LB-CR-1`');

/**
 * One `tasks/<ID>/task.yaml`: the environment, the goal, the budget, the evaluation plan (seeds, primary
 * instances), the perturbations, the baselines of speed and cost, and what zeroes safety. Keys this version does not
 * use (`oracle`, `theory_ref`, `anti_gaming`, …) are kept as written.
 *
 * @example
 * ```ts
 * const task = loopBenchTaskSchema.parse(parse(readFileSync('tasks/LB-CR-1/task.yaml', 'utf8')));
 * task.goal.g_target; // 0.8
 * ```
 */
export const loopBenchTaskSchema = z.looseObject({
  id: taskId,
  slug: z.string().min(1),
  name: z.string().min(1),
  version: z.string().min(1),
  status: z.enum(['stable', 'preview', 'deprecated']),
  loopgym_env: z
    .string()
    .regex(/^[a-z0-9-]+\/[a-z0-9-]+-v\d+$/, 'an environment id like `loopbench/code-repair-v1`'),
  pattern_slugs: z.array(z.string()).default([]),
  goal: z.looseObject({
    g_target: unit,
    scalar: z.string().optional(),
    primary_metric: z.string().min(1),
  }),
  budget: z.looseObject({
    iteration_budget: z.number().int().min(1),
    wall_clock_minutes: z.number().positive(),
    cost_cap_usd: z.number().positive(),
  }),
  evaluation: z.looseObject({
    seeds: z.array(z.number().int().min(0)).min(1),
    min_runs_per_instance: z.number().int().min(1).default(1),
    success_at_k: z.number().int().min(1).default(1),
    primary_instances: z.array(z.string().min(1)).min(1),
  }),
  oracle: z.looseObject({ type: z.string(), checks: z.array(z.string()).default([]) }).optional(),
  perturbations: z.array(z.looseObject({ id: z.string().min(1), name: z.string().min(1) })).default([]),
  les_stress: z.array(z.string()).default([]),
  speed_baselines: z.looseObject({
    b_floor_iter_per_s: z.number().nonnegative(),
    b_ceiling_iter_per_s: z.number().positive(),
  }),
  cost_baselines: z.looseObject({
    b_floor_efficiency: z.number().nonnegative(),
    b_ceiling_efficiency: z.number().positive(),
  }),
  safety: z.looseObject({ auto_zero_on: z.array(z.string()).default([]) }).optional(),
  notes: z.string().optional(),
});

/** A LoopBench task as its file says. */
export type LoopBenchTaskData = z.infer<typeof loopBenchTaskSchema>;

/**
 * `tasks/index.yaml`: the registry of tasks and where each file is.
 *
 * @example
 * ```ts
 * loopBenchTaskIndexSchema.parse(parse(text)).tasks.length; // 19
 * ```
 */
export const loopBenchTaskIndexSchema = z.looseObject({
  version: z.string().min(1),
  suite: z.string().min(1),
  tasks: z.array(z.looseObject({ id: taskId, path: z.string().min(1) })).min(1),
});

/**
 * `tasks/suites/index.yaml`: the comparison suites and their tasks.
 *
 * @example
 * ```ts
 * loopBenchSuiteIndexSchema.parse(parse(text)).suites.map((suite) => suite.id);
 * ```
 */
export const loopBenchSuiteIndexSchema = z.looseObject({
  version: z.string().min(1),
  suites: z
    .array(
      z.looseObject({
        id: z.string().regex(/^suite-[a-z]+$/, 'a suite id looks like `suite-repair`'),
        label: z.string().min(1),
        description: z.string().optional(),
        primary_les_stress: z.array(z.string()).default([]),
        task_ids: z.array(taskId).min(1),
      }),
    )
    .min(1),
});

/** A suite as its registry says. */
export type LoopBenchSuiteData = z.infer<typeof loopBenchSuiteIndexSchema>['suites'][number];
