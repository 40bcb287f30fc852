// One child of a composition run to its end, and what the composition keeps of it.
import type { Env } from '../../core/env.js';
import type { LoopRun } from '../engine/loop-run.js';
import type { LoopEvent, TerminationReason } from '../events/loop-event.js';
import type { LoopInfo } from '../gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../gym/loop-spaces.js';

/** A loop environment as a composition drives it (a `LoopEnv`, or a `CompositionEnv` for a child composition). */
export type ChildEnv = Env<LoopObservation, LoopAction, LoopInfo>;

/** What a composition keeps of a child's episode. */
export interface ChildResult {
  id: string;
  /** Why the child's episode ended. */
  reason: TerminationReason | undefined;
  /** Whether it ended in success. */
  passed: boolean;
  primary: number | null;
  metrics: Readonly<Record<string, number | null>>;
  /** Each worker's final output. */
  outputs: Readonly<Record<string, string>>;
  /** The child's answer: its last worker's final output. */
  answer: string;
  iterations: number;
  costUsd: number;
  tokens: number;
  /** Seconds on the child's own clock when it ended. */
  finishedAt: number;
  /** The child's events, each tagged with the child (see {@link tagEvent}). */
  events: readonly LoopEvent[];
}

/** The reasons that end a whole composition when a child ends with them (the child's answer cannot be trusted). */
export const HARD_FAILURES: ReadonlySet<TerminationReason> = new Set<TerminationReason>([
  'safety_violation',
  'worker_failed',
  'human_rejected',
  'escalated',
]);

/**
 * A child's event, tagged with the child: a copy whose `episodeId` is `<composition episode id>/<tag>` (the child's
 * id, plus `#<outer iteration>` for the inner loops of a nested composition).
 *
 * @example
 * ```ts
 * tagEvent(event, 'swarm/comp-001/0', 'evidence').episodeId; // 'swarm/comp-001/0/evidence'
 * ```
 */
export function tagEvent(event: LoopEvent, compositionEpisodeId: string, tag: string): LoopEvent {
  return { ...event, episodeId: `${compositionEpisodeId}/${tag}` };
}

/**
 * Runs a child's whole episode on one task: reset with its seed, then `step(null)` (the child's own models act)
 * until it ends.
 *
 * @example
 * ```ts
 * const result = await runChildEpisode(env, { id: 'evidence', taskId: 'comp-001', seed: 7, tag: (e) => e });
 * result.passed;
 * ```
 */
export async function runChildEpisode(
  env: ChildEnv,
  options: { id: string; taskId: string; seed: number; tag: (event: LoopEvent) => LoopEvent },
): Promise<ChildResult> {
  const events: LoopEvent[] = [];
  const reset = await env.reset({ seed: options.seed, options: { taskId: options.taskId } });
  events.push(...reset.info.events.map(options.tag));
  let observation = reset.observation;
  let info: LoopInfo = reset.info;
  let done = false;
  while (!done) {
    const step = await env.step(null);
    events.push(...step.info.events.map(options.tag));
    observation = step.observation;
    info = step.info;
    done = step.terminated || step.truncated;
  }
  const workers = Object.keys(observation.outputs);
  return {
    id: options.id,
    reason: info.terminationReason,
    passed: info.terminationReason === 'success',
    primary: info.primary,
    metrics: info.metrics,
    outputs: observation.outputs,
    answer: observation.outputs[workers.at(-1) ?? ''] ?? '',
    iterations: info.iteration,
    costUsd: info.costUsd,
    tokens: info.tokens,
    finishedAt: events.at(-1)?.time ?? 0,
    events,
  };
}

/**
 * Replaces input values of an episode in progress, for the loops whose inputs come from other loops as they run (the
 * outer loop of a nested composition, a composition's own loop once its children are done). The episode reads its
 * inputs afresh whenever a worker's prompt is built, so the next iteration sees the new values.
 *
 * @example
 * ```ts
 * setEpisodeInputs(run, { summary: 'The latest inner answer' });
 * ```
 */
export function setEpisodeInputs(run: LoopRun, values: Readonly<Record<string, unknown>>): void {
  // A new object rather than a change in place: the `episode-start` event keeps the values the episode began with.
  const state = run.episode as { inputs: Readonly<Record<string, unknown>> };
  state.inputs = { ...state.inputs, ...values };
}
