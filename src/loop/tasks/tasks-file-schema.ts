// The JSON format of a LoopBench tasks file (`tasks.json`), as the LoopGym ecosystem publishes it.
import { z } from 'zod';
import { strictObject } from './strict-object.js';

const taskEntrySchema = strictObject({
  id: z
    .string()
    .regex(
      /^[A-Za-z0-9][\w.-]*$/,
      'Use letters, digits, `_`, `-` and `.` only, starting with a letter or digit (the id names `materials/<id>.json`).',
    ),
  difficulty: z.string().min(1).optional(),
  /** The perturbation the task runs under; `none` for none. */
  perturbation: z.string().min(1).optional(),
  /** The values of the loop's `inputs`. */
  input: z.record(z.string(), z.unknown()),
});

/**
 * The schema of a tasks file: `{ "task_family": "LB-CR-1", "tasks": [{ "id": "cr-001", "difficulty": "easy",
 * "perturbation": "none", "input": { … } }] }`. `task_family`, `difficulty` and `perturbation` are optional; task ids
 * must be unique.
 *
 * @example
 * ```ts
 * const file = tasksFileSchema.parse({ tasks: [{ id: 'cr-001', input: { bug_description: '…' } }] });
 * ```
 */
export const tasksFileSchema = strictObject({
  task_family: z.string().min(1).optional(),
  tasks: z.array(taskEntrySchema),
}).superRefine((file, context) => {
  const seen = new Set<string>();
  file.tasks.forEach((task, index) => {
    if (seen.has(task.id)) {
      context.addIssue({
        code: 'custom',
        path: ['tasks', index, 'id'],
        message: `Duplicate task id \`${task.id}\`: every task needs its own id.`,
      });
    }
    seen.add(task.id);
  });
});

/** A tasks file as parsed. */
export type TasksFile = z.output<typeof tasksFileSchema>;
