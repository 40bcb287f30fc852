// `loopgym train`: trains the agent of a run config, with logs, evaluations, checkpoints and resume.
import { isLearner } from '../agents/learning/learner.js';
import { trainAgent, type EpisodeMetrics } from '../agents/learning/train-agent.js';
import type { Env } from '../core/env.js';
import { playEpisode } from './play-episode.js';
import { createRunEnvironment } from '../config/create-run-environment.js';
import type { RunConfig } from '../config/load-run-config.js';
import { formatProblem } from '../lss/spec-problem.js';
import { openTrainingSession, type TrainingSession } from './training-session.js';
import type { TrainProgress, TrainRunOptions, TrainRunResult } from './train-run-types.js';
import { evaluateLearner, solvedCheckOf } from './training-evaluation.js';

type AnyEnv = Env<unknown, unknown>;

/**
 * Trains the agent a run config names for `training.episodes` episodes: each episode is logged (store, CSV, JSON
 * lines), greedy evaluations run every `evaluation.everyEpisodes`, checkpoints are saved every
 * `checkpoints.everyEpisodes` or `everyMinutes` and at the end. With `resume`, training continues from the latest
 * checkpoint exactly (same seeds, same generator state) and the logs continue without duplicates. The signal stops
 * between episodes: a checkpoint is saved and the result is `interrupted`.
 *
 * @example
 * ```ts
 * const config = await loadRunConfig('run.yaml');
 * const result = await trainFromConfig(config, { onNotice: (line) => console.error(line) });
 * console.log(result.checkpoint, result.evaluations.at(-1));
 * ```
 */
export async function trainFromConfig(
  config: RunConfig,
  options: TrainRunOptions = {},
): Promise<TrainRunResult> {
  const notice = options.onNotice ?? ((): void => undefined);
  for (const warning of config.warnings) notice(formatProblem(warning));
  const env = await createRunEnvironment(config);
  let evalEnv: AnyEnv | undefined;
  const session = await openTrainingSession(config, env, options);
  try {
    const { data } = config;
    const total = data.training.episodes;
    const agent = session.agent;
    const learner = isLearner(agent) ? agent : undefined;
    const evaluationEvery = learner === undefined ? undefined : data.evaluation.everyEpisodes;
    const checkpointEvery = data.checkpoints.everyEpisodes;
    const minutes = data.checkpoints.everyMinutes;
    const recentReturns: number[] = [];
    let lastCheckpointAt = performance.now();
    let minuteDue = false;
    let solved = false;
    let held: EpisodeMetrics | undefined;
    const getEvalEnv = async (): Promise<AnyEnv> => (evalEnv ??= await createRunEnvironment(config));
    const solvedStop =
      learner !== undefined && data.training.stopAtReturn !== undefined
        ? solvedCheckOf(learner, await getEvalEnv(), data.training.stopAtReturn, session, notice)
        : undefined;

    const onEpisode = (metrics: EpisodeMetrics): void => {
      recentReturns.push(metrics.return);
      if (recentReturns.length > 100) recentReturns.shift();
      const isEvaluationPoint =
        evaluationEvery !== undefined && (metrics.episode + 1) % evaluationEvery === 0;
      if (isEvaluationPoint) held = metrics;
      else session.record(metrics, undefined);
      options.onProgress?.(progressOf(metrics, total, recentReturns, session));
    };
    const stopWhen = (metrics: EpisodeMetrics): boolean => {
      if (solvedStop?.(metrics) === true) solved = true;
      if (minutes !== undefined && performance.now() - lastCheckpointAt >= minutes * 60_000) minuteDue = true;
      return solved || minuteDue;
    };

    while (session.episodes < total && !solved) {
      // Chunks may be shorter than trainAgent's own yield interval: let signals, timers and displays run.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (options.signal?.aborted === true) break;
      const chunk =
        nextBoundary(session.episodes, total, [evaluationEvery, checkpointEvery]) - session.episodes;
      if (learner !== undefined) {
        await trainAgent(session.trainee ?? learner, env, {
          episodes: chunk,
          seed: data.training.seed,
          maxStepsPerEpisode: data.training.maxStepsPerEpisode,
          onEpisode,
          stopWhen,
          signal: options.signal,
        });
      } else {
        await playChunk(session, env, chunk, { onEpisode, stopWhen, signal: options.signal, config });
      }
      if (held !== undefined) {
        const evaluation = await evaluateLearner(learner!, await getEvalEnv(), config, session.episodes);
        session.evaluations.push(evaluation);
        session.record(held, evaluation);
        notice(
          `evaluation after ${evaluation.episode} episodes: mean return ${round(evaluation.meanReturn)}, ` +
            `success ${round(evaluation.successRate)}, mean length ${round(evaluation.meanLength)}`,
        );
        held = undefined;
      }
      const atEvery = checkpointEvery !== undefined && session.episodes % checkpointEvery === 0;
      if ((atEvery || minuteDue) && session.episodes > session.checkpointEpisodes) {
        notice(`checkpoint ${session.saveCheckpoint()}`);
        lastCheckpointAt = performance.now();
        minuteDue = false;
      }
    }
    const interrupted = session.episodes < total && !solved && options.signal?.aborted === true;
    if (session.episodes > session.checkpointEpisodes || session.checkpointPath === null) {
      notice(`checkpoint ${session.saveCheckpoint()}`);
    }
    if (solved) notice(`stopAtReturn reached after ${session.episodes} episodes: training stops.`);
    return session.finish(interrupted ? 'interrupted' : 'completed', {
      solved,
      meanReturnLast100: recentReturns.length === 0 ? null : mean(recentReturns),
    });
  } catch (error) {
    session.fail(error);
    throw error;
  } finally {
    session.close();
    await env.close();
    await evalEnv?.close();
  }
}

/** Plays up to `count` episodes of an agent that does not learn, reporting each as training episodes are. */
async function playChunk(
  session: TrainingSession,
  env: AnyEnv,
  count: number,
  hooks: {
    onEpisode: (metrics: EpisodeMetrics) => void;
    stopWhen: (metrics: EpisodeMetrics) => boolean;
    signal: AbortSignal | undefined;
    config: RunConfig;
  },
): Promise<void> {
  const training = hooks.config.data.training;
  for (let i = 0; i < count && hooks.signal?.aborted !== true; i++) {
    const started = performance.now();
    const episode = session.episodes;
    const seed = training.seed + episode;
    const played = await playEpisode(session.agent, env, {
      seed,
      maxSteps: training.maxStepsPerEpisode,
      recordSteps: hooks.config.data.recording.trainingSteps,
    });
    session.countPlayed(played);
    const metrics: EpisodeMetrics = {
      episode,
      seed,
      return: played.return,
      length: played.length,
      terminated: played.terminated,
      truncated: played.truncated,
      totalSteps: session.steps,
      durationMs: performance.now() - started,
      metrics: played.metrics,
    };
    session.noteEnding(played.status, played.error);
    hooks.onEpisode(metrics);
    if (hooks.stopWhen(metrics)) break;
  }
}

/** The next episode count at which something happens (an evaluation, a checkpoint) or the end. */
export function nextBoundary(done: number, total: number, every: readonly (number | undefined)[]): number {
  let next = total;
  for (const period of every) {
    if (period !== undefined) next = Math.min(next, (Math.floor(done / period) + 1) * period);
  }
  return next;
}

function progressOf(
  metrics: EpisodeMetrics,
  total: number,
  recent: readonly number[],
  session: TrainingSession,
): TrainProgress {
  return {
    episodes: metrics.episode + 1,
    total,
    lastReturn: metrics.return,
    meanReturn: mean(recent),
    metrics: metrics.metrics,
    lastEvaluation: session.evaluations[session.evaluations.length - 1],
  };
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function round(value: number): string {
  return Number(value.toFixed(3)).toString();
}
