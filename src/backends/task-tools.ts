// Tools that belong to a task: the environment gives its workers those tools for that task's episodes.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InvalidArgumentError } from '../core/errors.js';
import type { LoopProgram } from '../lss/compile/loop-program.js';
import type { EpisodeSetup, PreparedEpisode } from '../loop/gym/loop-env.js';
import type { LoopTask } from '../loop/tasks/loop-task.js';
import { ToolRegistry, type LoopTool } from '../loop/tool-registry.js';

/** The tools of one task: the tools themselves, and which workers may call which (in the order they reach for them). */
export interface TaskTools {
  tools: readonly LoopTool[];
  /** Tool names by worker id, added to the worker's own `tools` (first listed, first offered). */
  byWorker: Readonly<Record<string, readonly string[]>>;
}

/**
 * The `prepareEpisode` of an environment whose tasks bring tools: for each episode, the task's workers get its
 * tools (before the spec's own) and the services a registry that holds them (over the services' own tools).
 * Tasks without tools run unchanged. Programs and registries are built once per task.
 *
 * @example
 * ```ts
 * makeLoopEnv({ spec, tasks, prepareEpisode: prepareTaskTools((task) => toolsOf(task)) });
 * ```
 */
export function prepareTaskTools(
  toolsFor: (task: LoopTask) => TaskTools | undefined,
): (setup: EpisodeSetup) => PreparedEpisode {
  const prepared = new WeakMap<LoopTask, WeakMap<LoopProgram, PreparedEpisode>>();
  return (setup) => {
    let byProgram = prepared.get(setup.task);
    if (byProgram === undefined) {
      byProgram = new WeakMap();
      prepared.set(setup.task, byProgram);
    }
    let episode = byProgram.get(setup.program);
    if (episode === undefined) {
      episode = prepare(setup, toolsFor(setup.task));
      byProgram.set(setup.program, episode);
    }
    return episode.program === undefined ? {} : { ...episode, services: withTools(setup, episode) };
  };
}

const registries = new WeakMap<PreparedEpisode, ToolRegistry>();

function prepare(setup: EpisodeSetup, taskTools: TaskTools | undefined): PreparedEpisode {
  if (taskTools === undefined) return {};
  for (const workerId of Object.keys(taskTools.byWorker)) {
    if (!setup.program.workers.some((worker) => worker.id === workerId)) {
      throw new InvalidArgumentError(
        `Task \`${setup.task.id}\` gives tools to worker \`${workerId}\`, which \`${setup.program.name}\` does not have. ` +
          `Its workers: ${setup.program.workers.map((worker) => worker.id).join(', ')}.`,
      );
    }
  }
  const program: LoopProgram = {
    ...setup.program,
    workers: setup.program.workers.map((worker) => {
      const added = taskTools.byWorker[worker.id] ?? [];
      if (added.length === 0) return worker;
      return { ...worker, tools: [...added, ...worker.tools.filter((tool) => !added.includes(tool))] };
    }),
  };
  const episode: PreparedEpisode = { program };
  registries.set(episode, new ToolRegistry(taskTools.tools));
  return episode;
}

// The task's tools first; the services' own tools answer the other names.
function withTools(setup: EpisodeSetup, episode: PreparedEpisode): EpisodeSetup['services'] {
  const own = registries.get(episode)!;
  const base = setup.services.tools;
  const merged = new ToolRegistry(own.names().map((name) => namedTool(own, name)));
  for (const name of base.names()) if (!merged.has(name)) merged.register(namedTool(base, name));
  return { ...setup.services, tools: merged };
}

function namedTool(registry: ToolRegistry, name: string): LoopTool {
  return {
    definition: registry.definitionsFor([name])[0]!,
    run: (argumentsObject, context) => registry.call(name, argumentsObject, context),
  };
}

const toolFileSchema = z.strictObject({
  format: z.literal('loopgym.task-tools/v1'),
  tasks: z.record(
    z.string(),
    z.strictObject({
      workers: z.record(z.string(), z.array(z.string().min(1))),
      tools: z.array(
        z.strictObject({
          name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/),
          description: z.string().min(1),
          result: z.string(),
        }),
      ),
    }),
  ),
});

/**
 * Reads a task tools file (`loopgym.task-tools/v1`): by task id, the workers' tools, each simulated by the text it
 * returns (`result`, whatever the arguments). The answer is for {@link prepareTaskTools}.
 *
 * @example
 * ```ts
 * const toolsOf = loadTaskToolsSync('data/loopbench/safety-constrained-v1/tools.json');
 * prepareTaskTools((task) => toolsOf.get(task.id));
 * ```
 */
export function loadTaskToolsSync(path: string): ReadonlyMap<string, TaskTools> {
  const parsed = toolFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  if (!parsed.success) {
    throw new InvalidArgumentError(
      `The task tools file ${path} is not valid: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`)
        .join('; ')}.`,
    );
  }
  const byTask = new Map<string, TaskTools>();
  for (const [taskId, entry] of Object.entries(parsed.data.tasks)) {
    const names = new Set(entry.tools.map((tool) => tool.name));
    for (const [workerId, tools] of Object.entries(entry.workers)) {
      const unknown = tools.filter((name) => !names.has(name));
      if (unknown.length > 0) {
        throw new InvalidArgumentError(
          `The task tools file ${path} gives worker \`${workerId}\` of task \`${taskId}\` tools it does not define: ${unknown.join(', ')}. Define them in \`tasks.${taskId}.tools\`.`,
        );
      }
    }
    byTask.set(taskId, {
      byWorker: entry.workers,
      tools: entry.tools.map((tool) => ({
        definition: {
          name: tool.name,
          description: tool.description,
          parameters: {
            type: 'object',
            properties: { query: { type: 'string', description: 'What to look for or act on.' } },
          },
        },
        run: () => tool.result,
      })),
    });
  }
  return byTask;
}
