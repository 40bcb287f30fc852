import { InvalidArgumentError } from '../../core/errors.js';
import { isSyncEnv, type Env, type ResetResult, type StepResult } from '../../core/env.js';
import type { ActContext } from '../agent.js';
import type { Learner, LearnerTransition } from './learner.js';

/** What {@link trainAgent} reports after each training episode. */
export interface EpisodeMetrics {
  /** 0-based index of the episode over the learner's whole training (continues after a resume). */
  episode: number;
  /** The seed the environment was reset with (`seed + episode`), if seeded. */
  seed: number | undefined;
  return: number;
  length: number;
  terminated: boolean;
  truncated: boolean;
  /** Training steps over the learner's whole training, this episode included. */
  totalSteps: number;
  /** Wall-clock time of the episode in ms (a measurement, not replayable). */
  durationMs: number;
  /** The algorithm's own figures for this episode, e.g. `loss`, `epsilon`, `tdError`, `policyLoss`. */
  metrics: Record<string, number>;
}

/** Options of {@link trainAgent}. */
export interface TrainOptions {
  /** Training episodes to run now (added to those already done). */
  episodes: number;
  /**
   * Environment seed base: the learner's n-th episode overall is reset with `seed + n`, so a run resumed from a
   * checkpoint sees the same episodes as an uninterrupted one. Omitted, episodes are unseeded (not reproducible).
   */
  seed?: number | undefined;
  /** Ends an episode (as truncated) after this many steps, on top of the environment's own limit. */
  maxStepsPerEpisode?: number | undefined;
  /** Called after each episode. */
  onEpisode?: ((metrics: EpisodeMetrics) => void) | undefined;
  /** Stops training after the episode for which it returns true (e.g. a target reached). */
  stopWhen?: ((metrics: EpisodeMetrics) => boolean) | undefined;
  /** Stops between episodes (the current one finishes). */
  signal?: AbortSignal | undefined;
}

/** What {@link trainAgent} returns. */
export interface TrainResult {
  /** Episodes trained by this call. */
  episodes: number;
  /** Steps taken by this call. */
  steps: number;
  /** Mean return of the episodes of this call (NaN when none ran). */
  meanReturn: number;
  /** Whether it stopped early (`stopWhen` or `signal`). */
  stopped: boolean;
  wallTimeMs: number;
}

/**
 * Trains a learner in an environment: for each episode, resets (with `seed + episode`), acts in `train` mode,
 * lets the learner observe every step, ends the episode and reports its metrics. Synchronous environments
 * (`makeSync`) are stepped without Promises; the loop yields to the event loop every ~50 ms so signals and progress
 * displays stay live. The learner is left in `train` mode.
 *
 * @example
 * ```ts
 * const env = makeSync<number, number>('Taxi-v4');
 * const agent = createLearner({ algorithm: 'q-learning', observationSpace: env.observationSpace, actionSpace: env.actionSpace, seed: 0 });
 * await trainAgent(agent, env, { episodes: 3000, seed: 0, onEpisode: (m) => console.log(m.episode, m.return) });
 * ```
 */
export async function trainAgent<Obs, Act>(
  learner: Learner<Obs, Act>,
  env: Env<Obs, Act>,
  options: TrainOptions,
): Promise<TrainResult> {
  if (!Number.isSafeInteger(options.episodes) || options.episodes < 0) {
    throw new InvalidArgumentError(
      `trainAgent: episodes must be a non-negative integer, got ${options.episodes}.`,
    );
  }
  const maxSteps = options.maxStepsPerEpisode ?? Infinity;
  const syncEnv = isSyncEnv(env) ? env : undefined;
  learner.mode = 'train';
  const started = performance.now();
  let lastYield = started;
  let steps = 0;
  let returnSum = 0;
  let episodes = 0;
  let stopped = false;
  const context: ActContext = { info: {}, step: 0 };
  const transition = {} as LearnerTransition<Obs, Act>;
  while (episodes < options.episodes) {
    if (options.signal?.aborted === true) {
      stopped = true;
      break;
    }
    const episodeStarted = performance.now();
    const episode = learner.progress.episodes;
    const seed = options.seed === undefined ? undefined : options.seed + episode;
    learner.reset?.(seed);
    const reset: ResetResult<Obs> = syncEnv ? syncEnv.resetSync({ seed }) : await env.reset({ seed });
    let observation = reset.observation;
    context.info = reset.info;
    let episodeReturn = 0;
    let length = 0;
    let terminated = false;
    let truncated = false;
    while (!terminated && !truncated) {
      context.step = length;
      const action = learner.act(observation, context);
      const result: StepResult<Obs> = syncEnv ? syncEnv.stepSync(action) : await env.step(action);
      length += 1;
      terminated = result.terminated;
      truncated = result.truncated || (!terminated && length >= maxSteps);
      transition.observation = observation;
      transition.action = action;
      transition.reward = result.reward;
      transition.nextObservation = result.observation;
      transition.terminated = terminated;
      transition.truncated = truncated;
      learner.observe(transition);
      episodeReturn += result.reward;
      observation = result.observation;
      context.info = result.info;
    }
    const metrics = learner.endEpisode();
    steps += length;
    returnSum += episodeReturn;
    episodes += 1;
    const now = performance.now();
    const summary: EpisodeMetrics = {
      episode,
      seed,
      return: episodeReturn,
      length,
      terminated,
      truncated,
      totalSteps: learner.progress.steps,
      durationMs: now - episodeStarted,
      metrics,
    };
    options.onEpisode?.(summary);
    if (options.stopWhen?.(summary) === true) {
      stopped = episodes < options.episodes;
      break;
    }
    if (syncEnv !== undefined && now - lastYield > 50) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    }
  }
  return {
    episodes,
    steps,
    meanReturn: episodes === 0 ? Number.NaN : returnSum / episodes,
    stopped,
    wallTimeMs: performance.now() - started,
  };
}
