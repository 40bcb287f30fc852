// Loads LoopBench's 19 tasks and 4 suites from their YAML (shipped in data/loopbench-tasks), checked with zod.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { zodProblems } from '../config/zod-problems.js';
import { parseSpecText } from '../lss/parse/parse-spec.js';
import type { SpecProblem } from '../lss/spec-problem.js';
import { LoopBenchDataError } from './loopbench-data-error.js';
import {
  loopBenchSuiteIndexSchema,
  loopBenchTaskIndexSchema,
  loopBenchTaskSchema,
  type LoopBenchSuiteData,
  type LoopBenchTaskData,
} from './loopbench-task-schema.js';

/** A loaded LoopBench task: its data and the file it came from. */
export interface LoopBenchTask extends LoopBenchTaskData {
  /** The task file (absolute). */
  file: string;
}

/** The whole benchmark: its version, its tasks in registry order, and its suites. */
export interface LoopBench {
  /** The registry's version (`0.2.0`), written as `loopbench_version` in submissions. */
  version: string;
  /** The benchmark id (`loopbench-1.0`). */
  id: string;
  tasks: readonly LoopBenchTask[];
  suites: readonly LoopBenchSuiteData[];
  /** The directory the data came from. */
  directory: string;
}

/**
 * The `data/loopbench-tasks` directory shipped with LoopGym (tasks, suites, the submission schema, the leaderboard
 * and the example submission specs, byte for byte from the LoopBench repository).
 *
 * @example
 * ```ts
 * join(loopBenchDataDirectory(), 'submit', 'schema.json');
 * ```
 */
export function loopBenchDataDirectory(): string {
  // Two levels below the package root both in src/loopbench/ and in dist/loopbench/.
  return fileURLToPath(new URL('../../data/loopbench-tasks/', import.meta.url));
}

/**
 * Reads `tasks/index.yaml`, every task file it lists and `tasks/suites/index.yaml`, checks each against its schema
 * and checks that every suite names known tasks. Every problem carries the file, line and column.
 *
 * @param directory default {@link loopBenchDataDirectory}; the directory holding `tasks/`.
 * @throws {LoopBenchDataError} when a file is not valid YAML, does not fit its schema, or names an unknown task.
 * @example
 * ```ts
 * const bench = loadLoopBench();
 * bench.tasks.length; // 19
 * bench.suites.map((suite) => suite.id); // ['suite-repair', 'suite-agent', 'suite-knowledge', 'suite-rigor']
 * ```
 */
export function loadLoopBench(directory: string = loopBenchDataDirectory()): LoopBench {
  const tasksDirectory = join(directory, 'tasks');
  const indexFile = join(tasksDirectory, 'index.yaml');
  const index = readChecked(indexFile, loopBenchTaskIndexSchema);
  const tasks: LoopBenchTask[] = index.tasks.map((entry, position) => {
    const file = resolve(tasksDirectory, entry.path);
    const task = readChecked(file, loopBenchTaskSchema);
    if (task.id !== entry.id) {
      throw new LoopBenchDataError(file, [
        problemIn(
          file,
          ['id'],
          `The task file says id \`${task.id}\`, the registry (${indexFile}, tasks[${position}]) says \`${entry.id}\`.`,
          'Make both the same.',
        ),
      ]);
    }
    return { ...task, file };
  });
  const suitesFile = join(tasksDirectory, 'suites', 'index.yaml');
  const suites = readChecked(suitesFile, loopBenchSuiteIndexSchema).suites;
  const known = new Set(tasks.map((task) => task.id));
  const unknown: SpecProblem[] = [];
  suites.forEach((suite, suiteIndex) =>
    suite.task_ids.forEach((id, taskIndex) => {
      if (!known.has(id))
        unknown.push(
          problemIn(
            suitesFile,
            ['suites', suiteIndex, 'task_ids', taskIndex],
            `Suite \`${suite.id}\` names task \`${id}\`, which is not in ${indexFile}.`,
            'Add the task to the registry or remove it from the suite.',
          ),
        );
    }),
  );
  if (unknown.length > 0) throw new LoopBenchDataError(suitesFile, unknown);
  return { version: index.version, id: index.suite, tasks, suites, directory: dirname(tasksDirectory) };
}

function readChecked<Schema extends z.ZodType>(file: string, schema: Schema): z.infer<Schema> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LoopBenchDataError(file, [
      problemIn(
        file,
        [],
        `Cannot read the file: ${(error as Error).message}.`,
        'Check the path; LoopGym ships these files in data/loopbench-tasks.',
      ),
    ]);
  }
  const parsed = parseSpecText(text, { file, format: 'yaml' });
  const errors = parsed.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new LoopBenchDataError(file, errors);
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    throw new LoopBenchDataError(
      file,
      zodProblems(result.error.issues, { file, sourceMap: parsed.sourceMap, document: parsed.value, schema }),
    );
  }
  return result.data;
}

function problemIn(file: string, path: SpecProblem['path'], message: string, fix: string): SpecProblem {
  return { severity: 'error', rule: 'loopbench', message, path, file, fix };
}
