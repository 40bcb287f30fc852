import { InvalidArgumentError } from '../core/errors.js';
import { isSyncEnv, type Env, type Info, type ResetResult, type StepResult } from '../core/env.js';
import type { Agent } from '../agents/agent.js';

/** One finished episode. */
export interface EpisodeSummary {
  /** 0-based episode number within the run. */
  index: number;
  /** The seed the episode was reset with. */
  seed: number | undefined;
  /** Sum of the step rewards. */
  return: number;
  /** Steps taken. */
  length: number;
  terminated: boolean;
  truncated: boolean;
  /** Wall-clock time of the episode in milliseconds (a measurement, not part of the replayable outcome). */
  durationMs: number;
}

/** Statistics over the episodes of a run. */
export interface RunSummary {
  episodes: EpisodeSummary[];
  meanReturn: number;
  stdReturn: number;
  minReturn: number;
  maxReturn: number;
  meanLength: number;
  totalSteps: number;
  /** Steps per second over the whole run, agent time included. */
  stepsPerSecond: number;
}

/** What a step callback receives. */
export interface StepEvent<Obs, Act, I> {
  episode: number;
  step: number;
  action: Act;
  result: StepResult<Obs, I>;
}

/** Options of {@link runEpisodes}. */
export interface RunEpisodesOptions<Obs, Act, I> {
  episodes: number;
  /** Episode i is reset with seed `seed + i`; without a seed, episodes are unseeded. */
  seed?: number | undefined;
  /** Stops an episode after this many steps (on top of the environment's own limit). */
  maxSteps?: number | undefined;
  onReset?: ((episode: number, result: ResetResult<Obs, I>) => void) | undefined;
  onStep?: ((event: StepEvent<Obs, Act, I>) => void) | undefined;
  onEpisode?: ((summary: EpisodeSummary) => void) | undefined;
  /** Aborts between steps; the episodes finished so far are returned. */
  signal?: AbortSignal | undefined;
}

/**
 * Runs an agent in an environment for a number of episodes and summarises the returns. Synchronous environments
 * with synchronous agents are stepped without Promises.
 *
 * @example
 * ```ts
 * const env = make('CartPole-v1');
 * const summary = await runEpisodes(env, new RandomAgent(env.actionSpace, { seed: 0 }), { episodes: 10, seed: 0 });
 * console.log(summary.meanReturn);
 * ```
 */
export async function runEpisodes<Obs, Act, I = Info>(
  env: Env<Obs, Act, I>,
  agent: Agent<Obs, Act, I>,
  options: RunEpisodesOptions<Obs, Act, I>,
): Promise<RunSummary> {
  if (!Number.isSafeInteger(options.episodes) || options.episodes < 0) {
    throw new InvalidArgumentError(`episodes must be a non-negative integer, got ${options.episodes}.`);
  }
  const maxSteps = options.maxSteps ?? Infinity;
  const syncEnv = isSyncEnv(env) ? env : undefined;
  const episodes: EpisodeSummary[] = [];
  const started = performance.now();
  for (let index = 0; index < options.episodes; index++) {
    if (isAborted(options.signal)) break;
    const seed = options.seed === undefined ? undefined : options.seed + index;
    const episodeStart = performance.now();
    agent.reset?.(seed);
    const reset = syncEnv !== undefined ? syncEnv.resetSync({ seed }) : await env.reset({ seed });
    options.onReset?.(index, reset);
    let observation = reset.observation;
    let info = reset.info;
    let total = 0;
    let length = 0;
    let terminated = false;
    let truncated = false;
    while (!terminated && !truncated && length < maxSteps && !isAborted(options.signal)) {
      const chosen = agent.act(observation, { info, step: length });
      const action = chosen instanceof Promise ? await chosen : chosen;
      const result = syncEnv !== undefined ? syncEnv.stepSync(action) : await env.step(action);
      length += 1;
      total += result.reward;
      ({ observation, info, terminated, truncated } = result);
      options.onStep?.({ episode: index, step: length, action, result });
    }
    const summary: EpisodeSummary = {
      index,
      seed,
      return: total,
      length,
      terminated,
      truncated,
      durationMs: performance.now() - episodeStart,
    };
    episodes.push(summary);
    options.onEpisode?.(summary);
  }
  return summarize(episodes, performance.now() - started);
}

/**
 * Return and length statistics of finished episodes.
 *
 * @example
 * ```ts
 * summarize(summary.episodes, 1000).meanReturn;
 * ```
 */
export function summarize(episodes: readonly EpisodeSummary[], elapsedMs: number): RunSummary {
  const returns = episodes.map((e) => e.return);
  const count = returns.length;
  const mean = count === 0 ? NaN : returns.reduce((a, b) => a + b, 0) / count;
  const variance = count === 0 ? NaN : returns.reduce((a, r) => a + (r - mean) ** 2, 0) / count;
  const totalSteps = episodes.reduce((a, e) => a + e.length, 0);
  return {
    episodes: [...episodes],
    meanReturn: mean,
    stdReturn: Math.sqrt(variance),
    minReturn: count === 0 ? NaN : Math.min(...returns),
    maxReturn: count === 0 ? NaN : Math.max(...returns),
    meanLength: count === 0 ? NaN : totalSteps / count,
    totalSteps,
    stepsPerSecond: elapsedMs > 0 ? (totalSteps / elapsedMs) * 1000 : 0,
  };
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
