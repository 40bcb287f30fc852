// What LoopNet export reads: the events of one loop episode and the program that ran, with where they came from.
import type { Env, ResetOptions } from '../../core/env.js';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import type { LoopEvent } from '../../loop/events/loop-event.js';
import type { LoopInfo } from '../../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../../loop/gym/loop-spaces.js';
import type { RunStore } from '../../store/run-store.js';
import type { StoredEpisode } from '../../store/run-records.js';

/**
 * One finished loop episode, as {@link toLoopNetRecord} reads it: every event the engine emitted for the episode (in
 * `seq` order, from `episode-start` to `episode-end`) and the compiled program that ran. Both come from any backend:
 * a live `LoopEnv`'s event stream ({@link collectLoopEpisode}, {@link LoopEventCollector}) or the store's `events`
 * table ({@link loopEpisodeFromStore}).
 *
 * @example
 * ```ts
 * const input: LoopEpisodeInput = { program: env.unwrapped.program, events, envId: 'loopbench/code-repair-v1' };
 * ```
 */
export interface LoopEpisodeInput {
  program: LoopProgram;
  events: readonly LoopEvent[];
  /** The environment id the episode ran in (`loopbench/code-repair-v1`), or the spec file; becomes a tag. */
  envId?: string | undefined;
}

/**
 * Runs one episode of a loop environment with the loop's own models acting (`step(null)`) and returns its events and
 * program, ready for {@link toLoopNetRecord}.
 *
 * @example
 * ```ts
 * const env = make('loopbench/code-repair-v1', { backend: 'sim' });
 * const input = await collectLoopEpisode(env, { seed: 0, options: { taskId: 'cr-001' } });
 * const record = toLoopNetRecord(input);
 * ```
 */
export async function collectLoopEpisode(
  env: Env<LoopObservation, LoopAction, LoopInfo>,
  reset: ResetOptions = {},
): Promise<LoopEpisodeInput> {
  const program = programOf(env);
  const events: LoopEvent[] = [];
  const { info } = await env.reset(reset);
  events.push(...info.events);
  for (;;) {
    const step = await env.step(null);
    events.push(...step.info.events);
    if (step.terminated || step.truncated) break;
  }
  return { program, events, envId: env.spec?.id };
}

/**
 * The compiled program of a loop environment (through its wrappers).
 *
 * @throws {TypeError} when the environment is not a loop environment.
 * @example
 * ```ts
 * programOf(make('loopbench/code-repair-v1')).name; // 'code-repair-loop'
 * ```
 */
export function programOf(env: Env<unknown, unknown, unknown>): LoopProgram {
  const program = (env.unwrapped as { program?: LoopProgram }).program;
  if (program === undefined || typeof program !== 'object' || !Array.isArray(program.workers)) {
    throw new TypeError(`${String(env)} is not a loop environment (it has no compiled program).`);
  }
  return program;
}

/**
 * Gathers a loop environment's event stream (its `onEvent` option) and hands back each episode once its
 * `episode-end` arrives. Events of several episodes may interleave; they are kept apart by `episodeId`.
 *
 * @example
 * ```ts
 * const collector = new LoopEventCollector();
 * const env = make('loopbench/code-repair-v1', { onEvent: collector.listener });
 * // … run episodes …
 * for (const events of collector.takeFinished()) write(toLoopNetRecord({ program, events }));
 * ```
 */
export class LoopEventCollector {
  private readonly open = new Map<string, LoopEvent[]>();
  private finished: LoopEvent[][] = [];

  /** Pass this as `onEvent`. */
  readonly listener = (event: LoopEvent): void => {
    let events = this.open.get(event.episodeId);
    if (event.type === 'episode-start' || events === undefined) {
      events = [];
      this.open.set(event.episodeId, events);
    }
    events.push(event);
    if (event.type === 'episode-end') {
      this.open.delete(event.episodeId);
      this.finished.push(events);
    }
  };

  /** The episodes finished since the last call, in the order they ended. */
  takeFinished(): LoopEvent[][] {
    const taken = this.finished;
    this.finished = [];
    return taken;
  }
}

/**
 * A stored episode as export input: its events from the store's `events` table, with the program it ran.
 *
 * @example
 * ```ts
 * for (const episode of store.episodes(runId)) toLoopNetRecord(loopEpisodeFromStore(store, episode, program, run.envId));
 * ```
 */
export function loopEpisodeFromStore(
  store: RunStore,
  episode: StoredEpisode,
  program: LoopProgram,
  envId?: string,
): LoopEpisodeInput {
  return { program, events: store.events(episode.id), envId };
}
