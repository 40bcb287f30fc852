// How long each learning target takes to train from scratch on this machine, and what it reaches.
import type { SyncEnv } from '../core/env.js';
import { createLearner } from '../agents/learning/create-learner.js';
import { evaluateAgentSync } from '../agents/learning/evaluate-agent.js';
import type { Learner } from '../agents/learning/learner.js';
import { TRAINING_PRESETS, type TrainingPreset } from '../agents/learning/recommended-hyperparameters.js';
import { solvedCheck } from '../agents/learning/solved-check.js';
import { trainAgent } from '../agents/learning/train-agent.js';
import { makeSync } from '../registry/make.js';

/** A learning target: a preset, how it is evaluated and the figure it must reach. */
interface TrainingTarget {
  name: string;
  preset: TrainingPreset;
  metric: 'success rate' | 'mean return';
  evaluationEpisodes: number;
  /** At least this (the learning-target tests' threshold). */
  threshold: number;
  /** Stop training once `evaluate` greedy episodes reach this mean (DQN keeps its solved policy). */
  stopAtReturn?: number;
}

function preset(algorithm: string, envId: string, slippery?: boolean): TrainingPreset {
  const found = TRAINING_PRESETS.find(
    (p) =>
      p.algorithm === algorithm &&
      p.envId === envId &&
      (slippery === undefined || p.envOptions['isSlippery'] === slippery),
  );
  if (found === undefined) throw new Error(`No training preset for ${algorithm} on ${envId}.`);
  return found;
}

/** The learning targets of issue 9 (and PPO's), in the order they are measured. */
const TARGETS: readonly TrainingTarget[] = [
  {
    name: 'q-learning FrozenLake-v1 (not slippery)',
    preset: preset('q-learning', 'FrozenLake-v1', false),
    metric: 'success rate',
    evaluationEpisodes: 100,
    threshold: 1,
  },
  {
    name: 'q-learning FrozenLake-v1 (slippery)',
    preset: preset('q-learning', 'FrozenLake-v1', true),
    metric: 'success rate',
    evaluationEpisodes: 1000,
    threshold: 0.7,
  },
  {
    name: 'q-learning Taxi-v4',
    preset: preset('q-learning', 'Taxi-v4'),
    metric: 'mean return',
    evaluationEpisodes: 100,
    threshold: 7,
  },
  {
    name: 'dqn CartPole-v1',
    preset: preset('dqn', 'CartPole-v1'),
    metric: 'mean return',
    evaluationEpisodes: 100,
    threshold: 475,
    stopAtReturn: 500,
  },
  {
    name: 'ppo Pendulum-v1',
    preset: { ...preset('ppo', 'Pendulum-v1'), episodes: 200 },
    metric: 'mean return',
    evaluationEpisodes: 20,
    threshold: -600,
  },
];

/** The names of the learning targets, for `only`. */
export const TRAINING_TARGET_NAMES: readonly string[] = TARGETS.map((target) => target.name);

/** One trained target. */
export interface TrainingBenchmarkRow {
  name: string;
  /** Training episodes run (fewer than the preset's when training stopped at the target). */
  episodes: number;
  steps: number;
  /** Wall time of training alone, in ms. */
  trainMs: number;
  episodesPerSecond: number;
  stepsPerSecond: number;
  metric: 'success rate' | 'mean return';
  /** The greedy figure over `evaluationEpisodes` episodes (seeds 1 000 000 and up). */
  value: number;
  evaluationEpisodes: number;
  threshold: number;
  met: boolean;
}

/** What {@link measureTrainingBenchmarks} measured. */
export interface TrainingBenchmarkReport {
  rows: TrainingBenchmarkRow[];
  /** Every row reached its threshold. */
  targetMet: boolean;
}

/** Options of {@link measureTrainingBenchmarks}. */
export interface TrainingBenchmarkOptions {
  /** Measure only the targets with these names (see {@link TRAINING_TARGET_NAMES}); default all. */
  only?: readonly string[];
  /** Seed of the learners and of the training episodes (default 0, as in the tests). */
  seed?: number;
}

/**
 * Trains each learning target once from scratch (seeded as in its test), timing the training, then evaluates the
 * greedy policy. The tabular targets take well under a second; DQN on CartPole-v1 and PPO on Pendulum-v1 take
 * seconds to tens of seconds.
 *
 * @example
 * ```ts
 * const report = await measureTrainingBenchmarks({ only: ['q-learning Taxi-v4'] });
 * console.log(formatTrainingBenchmarks(report).join('\n'));
 * ```
 */
export async function measureTrainingBenchmarks(
  options: TrainingBenchmarkOptions = {},
): Promise<TrainingBenchmarkReport> {
  const unknown = (options.only ?? []).filter((name) => !TRAINING_TARGET_NAMES.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown training target ${unknown.map((name) => JSON.stringify(name)).join(', ')}; known: ${TRAINING_TARGET_NAMES.join('; ')}.`,
    );
  }
  const seed = options.seed ?? 0;
  const rows: TrainingBenchmarkRow[] = [];
  for (const target of TARGETS) {
    if (options.only !== undefined && !options.only.includes(target.name)) continue;
    rows.push(await measureTarget(target, seed));
  }
  return { rows, targetMet: rows.every((row) => row.met) };
}

async function measureTarget(target: TrainingTarget, seed: number): Promise<TrainingBenchmarkRow> {
  const { preset: setup } = target;
  const env = makeSync(setup.envId, setup.envOptions);
  const learner: Learner<unknown, unknown> = createLearner({
    algorithm: setup.algorithm,
    observationSpace: env.observationSpace,
    actionSpace: env.actionSpace,
    hyperparameters: setup.hyperparameters,
    seed,
  });
  const checkEnv: SyncEnv<unknown, unknown> = makeSync(setup.envId, setup.envOptions);
  const stopWhen =
    target.stopAtReturn === undefined
      ? undefined
      : solvedCheck(learner, checkEnv, { threshold: target.stopAtReturn });
  const result = await trainAgent(learner, env, { episodes: setup.episodes, seed, stopWhen });
  const evaluation = evaluateAgentSync(learner, checkEnv, {
    episodes: target.evaluationEpisodes,
    seed: 1_000_000,
  });
  const value = target.metric === 'success rate' ? evaluation.successRate : evaluation.meanReturn;
  const seconds = result.wallTimeMs / 1000;
  return {
    name: target.name,
    episodes: result.episodes,
    steps: result.steps,
    trainMs: result.wallTimeMs,
    episodesPerSecond: result.episodes / seconds,
    stepsPerSecond: result.steps / seconds,
    metric: target.metric,
    value,
    evaluationEpisodes: target.evaluationEpisodes,
    threshold: target.threshold,
    met: value >= target.threshold,
  };
}

/**
 * The report as printable lines: one per target with the training time, speed and reached figure beside its
 * threshold.
 *
 * @example
 * ```ts
 * console.log(formatTrainingBenchmarks(await measureTrainingBenchmarks()).join('\n'));
 * ```
 */
export function formatTrainingBenchmarks(report: TrainingBenchmarkReport): string[] {
  const lines = ['Training (from scratch, seed 0; greedy evaluation on seeds 1 000 000+)'];
  for (const row of report.rows) {
    const value = row.metric === 'success rate' ? row.value.toFixed(3) : row.value.toFixed(1);
    lines.push(
      `  ${row.name.padEnd(40)} ${formatSeconds(row.trainMs).padStart(7)}  ` +
        `${row.episodes} episodes (${row.episodesPerSecond.toFixed(0)}/s), ${row.steps} steps (${formatRate(row.stepsPerSecond)})  ` +
        `${row.metric} ${value} over ${row.evaluationEpisodes} (target >= ${row.threshold}) ${row.met ? 'met' : 'MISSED'}`,
    );
  }
  return lines;
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${(ms / 1000).toFixed(1)} s`;
}

function formatRate(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(1)} k/s`;
}
