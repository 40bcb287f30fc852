// Runs loop episodes over tasks and seeds and turns each into a LoopNet record (what `loopgym capture` writes).
import '../../backends/default-loop-environments.js';
import { InvalidArgumentError } from '../../core/errors.js';
import type { Env } from '../../core/env.js';
import type { ModelOverrides } from '../../backends/live/live-backend.js';
import type { LoopInfo } from '../../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../../loop/gym/loop-spaces.js';
import { make } from '../../registry/make.js';
import type { LoopNetRecord } from '../loopnet-record.js';
import { collectLoopEpisode, programOf } from './loop-episode-input.js';
import { toLoopNetRecord, type LoopNetExportOptions } from './to-loopnet-record.js';

/**
 * What {@link captureLoopNetRecords} runs.
 *
 * @example
 * ```ts
 * const options: CaptureOptions = { target: 'loopbench/code-repair-v1', taskIds: ['cr-001'], seeds: [0, 1, 2] };
 * ```
 */
export interface CaptureOptions {
  /** A registered loop environment (`loopbench/code-repair-v1`) or an LSS spec file (`loop.yaml`). */
  target: string;
  /** Run only these tasks (default: every task of the environment). */
  taskIds?: readonly string[] | undefined;
  /** A tasks.json giving the tasks (default: the environment's own, or the spec's examples). */
  tasksFile?: string | undefined;
  /** Each task runs once per seed (default `[0]`). */
  seeds?: readonly number[] | undefined;
  /** `sim` (default) or `live`. */
  backend?: 'sim' | 'live' | undefined;
  /** Models replacing the spec's. */
  models?: ModelOverrides | undefined;
  /** How records are written (split, source, contributor, …). */
  record?: LoopNetExportOptions | undefined;
  /** Called after each episode with the record, its position (1-based) and the number of episodes. */
  onRecord?: ((record: LoopNetRecord, done: number, total: number) => void) | undefined;
}

/** One captured episode. */
export interface CapturedEpisode {
  taskId: string;
  seed: number;
  record: LoopNetRecord;
}

/**
 * Runs every (task, seed) episode of a loop with its own models acting and returns one validated LoopNet record per
 * episode, tasks in order, each over the seeds. Episodes run one after another, so the records come in that order.
 *
 * @throws {InvalidArgumentError} when the target is not a loop or a task id is unknown (with the closest ones).
 * @example
 * ```ts
 * const episodes = await captureLoopNetRecords({ target: 'loopbench/code-repair-v1', seeds: [0, 1] });
 * episodes.map((episode) => episode.record.outcome);
 * ```
 */
export async function captureLoopNetRecords(options: CaptureOptions): Promise<CapturedEpisode[]> {
  const env = makeTarget(options);
  try {
    const available = (env.unwrapped as { tasks?: readonly { id: string }[] }).tasks ?? [];
    const taskIds = options.taskIds ?? available.map((task) => task.id);
    for (const id of taskIds) {
      if (!available.some((task) => task.id === id)) {
        throw new InvalidArgumentError(
          `No task \`${id}\` in ${options.target}; its tasks are ${available.map((task) => task.id).join(', ')}.`,
        );
      }
    }
    const seeds = options.seeds ?? [0];
    const total = taskIds.length * seeds.length;
    const captured: CapturedEpisode[] = [];
    for (const taskId of taskIds) {
      for (const seed of seeds) {
        const input = await collectLoopEpisode(env, { seed, options: { taskId } });
        const record = toLoopNetRecord({ ...input, envId: input.envId ?? options.target }, options.record);
        captured.push({ taskId, seed, record });
        options.onRecord?.(record, captured.length, total);
      }
    }
    return captured;
  } finally {
    await env.close();
  }
}

function makeTarget(options: CaptureOptions): Env<LoopObservation, LoopAction, LoopInfo> {
  const common = {
    backend: options.backend ?? 'sim',
    ...(options.models === undefined ? {} : { models: options.models }),
    ...(options.tasksFile === undefined ? {} : { tasks: options.tasksFile }),
  };
  if (/\.(ya?ml|json)$/i.test(options.target))
    return make<LoopObservation, LoopAction, LoopInfo>({ spec: options.target, ...common });
  if (!/^(loopbench|sim)\//.test(options.target)) {
    // Another namespace: a loop only if what it makes has a program (a loop registered by the user).
    const probe = make(options.target);
    const isLoop = (probe.unwrapped as { program?: unknown }).program !== undefined;
    void probe.close();
    if (!isLoop) {
      throw new InvalidArgumentError(
        `${options.target} is not a loop environment; capture runs loops (loopbench/…, sim/mock-llm-v1 or an LSS spec file).`,
      );
    }
  }
  const env = make<LoopObservation, LoopAction, LoopInfo>(options.target, common);
  programOf(env);
  return env;
}
