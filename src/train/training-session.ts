// The state of one `loopgym train` session: agent, counts, store run, logs and checkpoints.
import { isLearner, type Learner, type LearnerTransition } from '../agents/learning/learner.js';
import type { Agent } from '../agents/agent.js';
import type { EpisodeMetrics } from '../agents/learning/train-agent.js';
import type { Env } from '../core/env.js';
import { InvalidArgumentError } from '../core/errors.js';
import { createRunAgent, restoreRunAgent } from '../config/create-run-agent.js';
import type { RunConfig } from '../config/load-run-config.js';
import type { StepRecord } from '../store/run-records.js';
import { openRunStore, type RunStore } from '../store/run-store.js';
import { MetricsLog } from './metrics-log.js';
import { stepRecord, type PlayedEpisode } from './play-episode.js';
import type { TrainRunOptions, TrainRunResult } from './train-run-types.js';
import {
  latestCheckpointPath,
  readTrainingCheckpoint,
  saveTrainingCheckpoint,
  TRAINING_CHECKPOINT_FORMAT,
  TRAINING_CHECKPOINT_VERSION,
  type EvaluationPoint,
  type TrainingCheckpoint,
} from './training-checkpoint.js';

type AnyAgent = Agent<unknown, unknown>;

/** The metric names each algorithm reports, in CSV column order. */
const METRIC_NAMES: Record<string, readonly string[]> = {
  'q-learning': ['epsilon', 'learningRate', 'tdError'],
  sarsa: ['epsilon', 'learningRate', 'tdError'],
  dqn: ['epsilon', 'replaySize', 'loss'],
  ppo: ['std', 'policyLoss', 'valueLoss', 'loss', 'approxKl', 'clipFraction'],
};

/** One training session; see {@link openTrainingSession}. */
export interface TrainingSession {
  agent: AnyAgent;
  /** The learner wrapped to capture steps (`recording.trainingSteps`), else `undefined`. */
  trainee: Learner<unknown, unknown> | undefined;
  readonly episodes: number;
  readonly steps: number;
  evaluations: EvaluationPoint[];
  lastSolvedCheck: number | null;
  /** Episodes of the last checkpoint saved or resumed from. */
  checkpointEpisodes: number;
  checkpointPath: string | null;
  /** Logs one episode (store and files), unless the store has it already (a resumed run replaying it). */
  record(metrics: EpisodeMetrics, evaluation: EvaluationPoint | undefined): void;
  /** How the next recorded episode ended, for agents that do not learn (`invalid-action`, `error`, …). */
  noteEnding(status: string, error: string | undefined): void;
  /** Counts an episode of an agent that does not learn. */
  countPlayed(played: PlayedEpisode): void;
  /** Flushes the logs and saves a checkpoint; returns its path. */
  saveCheckpoint(): string;
  finish(
    status: 'completed' | 'interrupted',
    extra: { solved: boolean; meanReturnLast100: number | null },
  ): TrainRunResult;
  fail(error: unknown): void;
  close(): void;
}

/**
 * Starts or resumes a session: builds (or restores) the agent, opens the store run and the metric logs.
 *
 * @example
 * ```ts
 * const session = await openTrainingSession(config, env, { resume: true });
 * ```
 */
export async function openTrainingSession(
  config: RunConfig,
  env: Env<unknown, unknown>,
  options: TrainRunOptions,
): Promise<TrainingSession> {
  const directory = config.checkpointDirectory;
  const latest = latestCheckpointPath(directory);
  let resumed: TrainingCheckpoint | undefined;
  if (options.resume === true) {
    if (latest === undefined) {
      throw new InvalidArgumentError(
        `No checkpoint in ${directory} to resume from: train without --resume to start.`,
      );
    }
    resumed = readTrainingCheckpoint(latest);
  } else if (latest !== undefined) {
    throw new InvalidArgumentError(
      `${directory} already holds the checkpoints of a run (latest: ${latest}): continue it with --resume, or ` +
        'delete that directory (or set checkpoints.directory) to start afresh.',
    );
  }
  let agent: AnyAgent;
  if (resumed !== undefined && resumed.agent !== null) {
    const learner = await restoreRunAgent(config, env, resumed.agent);
    learner.mode = 'train';
    agent = learner;
  } else {
    agent = await createRunAgent(config, env);
  }
  const learner = isLearner(agent) ? agent : undefined;
  const capture: StepRecord[] | undefined = config.data.recording.trainingSteps ? [] : undefined;
  const trainee =
    learner !== undefined && capture !== undefined ? capturingLearner(learner, capture) : undefined;

  const storeOption = options.store !== undefined ? options.store : config.storePath;
  const store: RunStore | undefined =
    storeOption === false
      ? undefined
      : typeof storeOption === 'object'
        ? storeOption
        : openRunStore(storeOption);
  const ownsStore = store !== undefined && typeof storeOption !== 'object';
  let runId: string | null = null;
  let recorded = new Set<number>();
  if (store !== undefined) {
    const previous = resumed?.runId ?? null;
    if (previous !== null && hasRun(store, previous)) {
      runId = previous;
      recorded = new Set(store.completedEpisodeIndexes(runId));
    } else {
      runId = store.startRun({
        kind: 'train',
        envId: config.envLabel,
        agent: config.data.agent.algorithm,
        model: config.data.model?.id,
        backend: config.data.environment.backend,
        config: { file: config.file, name: config.name, runConfig: config.data },
      });
    }
  }
  const algorithm = config.data.agent.algorithm;
  const log = MetricsLog.open({
    csvPath: config.csvPath,
    jsonlPath: config.jsonlPath,
    metricNames: METRIC_NAMES[algorithm] ?? [],
    resumeAt: resumed?.episodes,
  });
  const sessionStarted = performance.now();
  let playedEpisodes = resumed?.episodes ?? 0;
  let playedSteps = resumed?.steps ?? 0;
  let ending: { status: string; error: string | undefined } | undefined;

  const session: TrainingSession = {
    agent,
    trainee,
    get episodes() {
      return learner?.progress.episodes ?? playedEpisodes;
    },
    get steps() {
      return learner?.progress.steps ?? playedSteps;
    },
    evaluations: [...(resumed?.evaluations ?? [])],
    lastSolvedCheck: resumed?.lastSolvedCheck ?? null,
    checkpointEpisodes: resumed?.episodes ?? 0,
    checkpointPath: latest ?? null,
    record(metrics, evaluation) {
      log.append({ ...metrics, evaluation });
      const steps = capture?.splice(0);
      if (store === undefined || runId === null || recorded.has(metrics.episode)) return;
      const usage =
        metrics.metrics['inputTokens'] === undefined
          ? undefined
          : {
              inputTokens: metrics.metrics['inputTokens'],
              outputTokens: metrics.metrics['outputTokens'] ?? 0,
            };
      const episodeMetrics: Record<string, number> = { ...metrics.metrics };
      if (evaluation !== undefined) {
        episodeMetrics['evalMeanReturn'] = evaluation.meanReturn;
        episodeMetrics['evalSuccessRate'] = evaluation.successRate;
        episodeMetrics['evalMeanLength'] = evaluation.meanLength;
      }
      store.recordEpisode(runId, {
        index: metrics.episode,
        seed: metrics.seed,
        return: metrics.return,
        length: metrics.length,
        terminated: metrics.terminated,
        truncated: metrics.truncated,
        terminationReason: ending?.status ?? (metrics.terminated ? 'terminated' : 'truncated'),
        error: ending?.error,
        costUsd: metrics.metrics['costUsd'],
        metrics: episodeMetrics,
        durationMs: metrics.durationMs,
        usage,
        steps,
      });
      ending = undefined;
    },
    noteEnding(status, error) {
      ending = { status, error };
    },
    countPlayed(played) {
      playedEpisodes += 1;
      playedSteps += played.length;
      if (capture !== undefined && played.steps !== undefined) capture.push(...played.steps);
    },
    saveCheckpoint() {
      log.flush();
      const checkpoint: TrainingCheckpoint = {
        format: TRAINING_CHECKPOINT_FORMAT,
        version: TRAINING_CHECKPOINT_VERSION,
        name: config.name,
        runId,
        episodes: session.episodes,
        steps: session.steps,
        elapsedMs: elapsedMs(),
        savedAt: new Date().toISOString(),
        evaluations: session.evaluations,
        lastSolvedCheck: session.lastSolvedCheck,
        agent:
          learner === undefined
            ? null
            : learner.toCheckpoint({ includeReplayBuffer: config.data.checkpoints.includeReplayBuffer }),
      };
      const path = saveTrainingCheckpoint(directory, checkpoint, { keep: config.data.checkpoints.keep });
      session.checkpointEpisodes = checkpoint.episodes;
      session.checkpointPath = path;
      return path;
    },
    finish(status, extra) {
      log.flush();
      const result: TrainRunResult = {
        name: config.name,
        runId,
        storePath: store?.path ?? null,
        status,
        solved: extra.solved,
        env: config.envLabel,
        agent: algorithm,
        episodes: session.episodes,
        totalEpisodes: config.data.training.episodes,
        steps: session.steps,
        sessionEpisodes: session.episodes - (resumed?.episodes ?? 0),
        meanReturnLast100: extra.meanReturnLast100,
        evaluations: session.evaluations,
        checkpoint: session.checkpointPath,
        csv: config.csvPath ?? null,
        jsonl: config.jsonlPath ?? null,
        elapsedSeconds: elapsedMs() / 1000,
      };
      if (store !== undefined && runId !== null) store.finishRun(runId, result, status);
      return result;
    },
    fail(error) {
      log.flush();
      if (store !== undefined && runId !== null) {
        store.finishRun(runId, { error: error instanceof Error ? error.message : String(error) }, 'failed');
      }
    },
    close() {
      log.close();
      if (ownsStore) store.close();
    },
  };
  const elapsedMs = (): number => (resumed?.elapsedMs ?? 0) + performance.now() - sessionStarted;
  return session;
}

/** The learner, seen through a proxy that keeps every step it observes (for `recording.trainingSteps`). */
function capturingLearner(learner: Learner<unknown, unknown>, into: StepRecord[]): Learner<unknown, unknown> {
  const observe = (transition: LearnerTransition<unknown, unknown>): void => {
    into.push(
      stepRecord(
        into.length,
        transition.nextObservation,
        transition.action,
        transition.reward,
        transition.terminated,
        transition.truncated,
      ),
    );
    learner.observe(transition);
  };
  return new Proxy(learner, {
    get(target, property) {
      if (property === 'observe') return observe;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set(target, property, value) {
      return Reflect.set(target, property, value, target);
    },
  });
}

function hasRun(store: RunStore, id: string): boolean {
  try {
    return store.getRun(id).id === id;
  } catch {
    return false;
  }
}
