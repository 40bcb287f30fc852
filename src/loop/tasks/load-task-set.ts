// Loading the tasks of a loop from a tasks file and the material files beside it.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { emptyTaskMaterial, type LoopTask, type TaskMaterial } from './loop-task.js';
import { readJsonFileSync } from './read-json-file.js';
import { TaskFileError } from './task-file-error.js';
import { taskMaterialFileSchema, toTaskMaterial } from './task-material-schema.js';
import { tasksFileSchema, type TasksFile } from './tasks-file-schema.js';

/** The tasks of one tasks file. */
export interface LoopTaskSet {
  /** The file's `task_family` (`LB-CR-1`), when it has one. */
  family: string | undefined;
  /** In file order. */
  tasks: LoopTask[];
}

/** The folder beside `tasks.json` that holds one `<task-id>.json` material file per task. */
const MATERIALS_FOLDER = 'materials';

/**
 * Loads the task set of an environment directory: its `tasks.json` joined with `materials/<task-id>.json` where
 * present (a task without a material file gets empty material). Every task's `root` is the absolute directory.
 *
 * @throws {TaskFileError} when a file is missing, is not JSON or does not fit its format (the message names the file
 * and the JSON path), when a material file names another task or no task, or when a repository it names is missing.
 * @example
 * ```ts
 * const { family, tasks } = await loadTaskSet(loopbenchDataDirectory('code-repair-v1'));
 * family; // 'LB-CR-1'
 * tasks[0]?.material.repository?.path; // 'fixtures/calc-v1'
 * ```
 */
export function loadTaskSet(directory: string): Promise<LoopTaskSet> {
  return loadTasksFile(join(directory, 'tasks.json'));
}

/**
 * {@link loadTaskSet}, synchronously (for `make()`, which builds environments synchronously).
 *
 * @example
 * ```ts
 * const { tasks } = loadTaskSetSync(loopbenchDataDirectory('code-repair-v1'));
 * ```
 */
export function loadTaskSetSync(directory: string): LoopTaskSet {
  return loadTasksFileSync(join(directory, 'tasks.json'));
}

/**
 * Loads a tasks file (the LoopBench `tasks.json` format: `{ task_family?, tasks: [{ id, difficulty?, perturbation?,
 * input }] }`). Material files are optional: `materials/<task-id>.json` beside the file is joined when it exists.
 * A task's `perturbation` (other than `none`) comes first in its material's `perturbations`.
 *
 * @throws {TaskFileError} as {@link loadTaskSet} does.
 * @example
 * ```ts
 * const { tasks } = await loadTasksFile('my-tasks/tasks.json');
 * tasks.map((task) => task.id); // ['t-1', 't-2']
 * ```
 */
export function loadTasksFile(file: string): Promise<LoopTaskSet> {
  try {
    return Promise.resolve(loadTasksFileSync(file));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * {@link loadTasksFile}, synchronously.
 *
 * @example
 * ```ts
 * const { tasks } = loadTasksFileSync('my-tasks/tasks.json');
 * ```
 */
export function loadTasksFileSync(file: string): LoopTaskSet {
  const path = resolve(file);
  const root = dirname(path);
  const tasksFile = readJsonFileSync(path, tasksFileSchema);
  rejectUnknownMaterialFiles(root, tasksFile);
  const family = tasksFile.task_family;
  const tasks: LoopTask[] = [];
  // One file after the other, so that the first problem reported is always the same one.
  for (const entry of tasksFile.tasks) {
    const material = loadMaterial(root, entry.id);
    const perturbations = [entry.perturbation, ...material.perturbations].filter(
      (name, index, all): name is string =>
        name !== undefined && name !== 'none' && all.indexOf(name) === index,
    );
    tasks.push({
      id: entry.id,
      family,
      difficulty: entry.difficulty,
      inputs: entry.input,
      material: { ...material, perturbations },
      root,
    });
  }
  return { family, tasks };
}

function loadMaterial(root: string, taskId: string): TaskMaterial {
  const file = join(root, MATERIALS_FOLDER, `${taskId}.json`);
  if (!isFile(file)) return emptyTaskMaterial();
  const parsed = readJsonFileSync(file, taskMaterialFileSchema);
  if (parsed.taskId !== taskId) {
    throw new TaskFileError(file, [
      {
        path: '$.taskId',
        message: `Says \`${parsed.taskId}\`, but the file is named after task \`${taskId}\`: make them agree.`,
      },
    ]);
  }
  const repository = parsed.repository;
  if (repository !== undefined) {
    if (!isDirectory(join(root, repository.path))) {
      throw new TaskFileError(file, [
        { path: '$.repository.path', message: `No directory \`${repository.path}\` in ${root}.` },
      ]);
    }
    for (const [index, editable] of repository.editableFiles.entries()) {
      if (!isFile(join(root, repository.path, editable))) {
        throw new TaskFileError(file, [
          {
            path: `$.repository.editableFiles[${index}]`,
            message: `No file \`${editable}\` in the repository ${join(root, repository.path)}.`,
          },
        ]);
      }
    }
  }
  return toTaskMaterial(parsed);
}

/** A material file that matches no task is almost always a misspelt id: say so instead of ignoring it. */
function rejectUnknownMaterialFiles(root: string, tasksFile: TasksFile): void {
  const folder = join(root, MATERIALS_FOLDER);
  if (!isDirectory(folder)) return;
  const ids = new Set(tasksFile.tasks.map((task) => task.id));
  const names = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort();
  for (const name of names) {
    const id = name.slice(0, -'.json'.length);
    if (ids.has(id)) continue;
    throw new TaskFileError(join(folder, name), [
      {
        path: '$',
        message: `No task \`${id}\` in ${join(root, 'tasks.json')} (tasks: ${[...ids].join(', ')}). Rename the file after its task or remove it.`,
      },
    ]);
  }
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
