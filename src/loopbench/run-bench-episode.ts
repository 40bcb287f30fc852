// One LoopBench run: an episode of the task's environment stepped until the loop ends or the task's budget is spent.
import { InvalidArgumentError } from '../core/errors.js';
import type { EpisodeEndEvent, LoopEvent } from '../loop/events/loop-event.js';
import type { LoopEnv } from '../loop/gym/loop-env.js';

/** The task budget a bench run is held to (checked after each iteration). */
export interface BenchRunBudget {
  /** `iteration_budget` (one fewer under `budget_minus_one`). */
  iterations: number;
  /** `cost_cap_usd`. */
  costUsd: number;
  /** `wall_clock_minutes`, on the episode's clock. */
  minutes: number;
}

/**
 * Runs one episode of `taskId` with `seed` (the loop's own models acting) and returns its events. The loop's own
 * termination rules apply; the budget stops a run the loop would let go on: `max_iterations`, `cost_exceeded` or
 * `timeout`, ended by an `episode-end` event the bench adds (`stoppedBy` says which).
 *
 * @example
 * ```ts
 * const { events, stoppedBy } = await runBenchEpisode(env, { iterations: 6, costUsd: 0.5, minutes: 10 }, 'cr-001', 0);
 * ```
 */
export async function runBenchEpisode(
  env: LoopEnv,
  budget: BenchRunBudget,
  taskId: string,
  seed: number,
): Promise<{ events: LoopEvent[]; stoppedBy: string | undefined }> {
  const events: LoopEvent[] = [];
  const { info } = await env.reset({ seed, options: { taskId } });
  events.push(...info.events);
  let iterations = 0;
  for (;;) {
    const step = await env.step(null);
    events.push(...step.info.events);
    iterations += 1;
    if (step.terminated || step.truncated) return { events, stoppedBy: undefined };
    const stoppedBy = budgetReached(events, iterations, budget);
    if (stoppedBy !== undefined) {
      events.push(syntheticEnd(events, iterations, stoppedBy));
      return { events, stoppedBy };
    }
  }
}

/** The task budget a run has used up, if any (checked after each iteration). */
function budgetReached(
  events: readonly LoopEvent[],
  iterations: number,
  budget: BenchRunBudget,
): string | undefined {
  if (iterations >= budget.iterations) return 'max_iterations';
  const cost = events.findLast((event) => event.type === 'cost');
  if (cost?.type === 'cost' && cost.cumulativeUsd >= budget.costUsd) return 'cost_exceeded';
  if ((events.at(-1)?.time ?? 0) >= budget.minutes * 60) return 'timeout';
  return undefined;
}

function syntheticEnd(events: readonly LoopEvent[], iterations: number, reason: string): EpisodeEndEvent {
  const last = events.at(-1);
  if (last === undefined) throw new InvalidArgumentError('An episode without events cannot be ended.');
  const cost = events.findLast((event) => event.type === 'cost');
  return {
    type: 'episode-end',
    episodeId: last.episodeId,
    seq: last.seq + 1,
    time: last.time,
    iterations,
    reason: reason as EpisodeEndEvent['reason'],
    outcome: 'truncated',
    primary: null,
    costUsd: cost?.type === 'cost' ? cost.cumulativeUsd : 0,
    tokens: cost?.type === 'cost' ? cost.tokens : 0,
  };
}
