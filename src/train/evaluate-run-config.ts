// `loopgym eval -c run.yaml`: the trained agent of a run config, evaluated greedily through `evaluate()`.
import { resolve } from 'node:path';
import type { Agent } from '../agents/agent.js';
import { isLearner } from '../agents/learning/learner.js';
import { createRunAgent, restoreRunAgent } from '../config/create-run-agent.js';
import { createRunEnvironment } from '../config/create-run-environment.js';
import { isLearningAlgorithm } from '../config/check-run-config.js';
import { loadRunConfig, type RunConfig } from '../config/load-run-config.js';
import { InvalidArgumentError } from '../core/errors.js';
import type { EvaluateOptions } from '../eval/evaluate-options.js';
import type { MemoryBackend } from '../loop/loop-memory.js';
import { latestCheckpointPath, readTrainingCheckpoint } from './training-checkpoint.js';

/** Options of {@link prepareRunConfigEvaluation}; each overrides the config's `evaluation` section. */
export interface RunConfigEvaluationOptions {
  /** A checkpoint file, or `latest` (the default for learning agents). */
  checkpoint?: string | undefined;
  episodes?: number | undefined;
  seed?: number | undefined;
  concurrency?: number | undefined;
  memoryBackend?: MemoryBackend | undefined;
}

/** What {@link prepareRunConfigEvaluation} sets up. */
export interface RunConfigEvaluation {
  config: RunConfig;
  /** The checkpoint the agent was restored from (`undefined` for agents that do not learn). */
  checkpointPath: string | undefined;
  /** Training episodes of that checkpoint. */
  checkpointEpisodes: number | undefined;
  /** The options of `evaluate` (without store, signal and progress, which the caller adds). */
  options: EvaluateOptions;
}

/**
 * Loads a run config and, for a learning agent, its checkpoint (`latest` by default), and sets up `evaluate()`:
 * one restored agent per concurrency slot in `evaluate` mode (greedy, learning nothing), the config's environment,
 * `evaluation.finalEpisodes` episodes seeded from `evaluation.seed`. Agents that do not learn are built as for
 * training.
 *
 * @example
 * ```ts
 * const { options } = await prepareRunConfigEvaluation('run.yaml', { checkpoint: 'latest' });
 * const result = await evaluate({ ...options, store: ':memory:' });
 * ```
 */
export async function prepareRunConfigEvaluation(
  file: string,
  options: RunConfigEvaluationOptions = {},
): Promise<RunConfigEvaluation> {
  const config = await loadRunConfig(file);
  const { data } = config;
  const concurrency = options.concurrency ?? data.evaluation.concurrency;
  const learning = isLearningAlgorithm(data.agent.algorithm);
  const checkpointPath = checkpointPathOf(config, options.checkpoint, learning);
  const checkpoint = checkpointPath === undefined ? undefined : readTrainingCheckpoint(checkpointPath);
  if (checkpoint !== undefined && checkpoint.agent === null) {
    throw new InvalidArgumentError(
      `${checkpointPath ?? ''} holds no trained agent (its run’s ${data.agent.algorithm} agent does not learn); ` +
        'leave out --checkpoint.',
    );
  }
  const probe = await createRunEnvironment(config, { memoryBackend: options.memoryBackend });
  const agents: Agent<unknown, unknown>[] = [];
  try {
    for (let slot = 0; slot < concurrency; slot++) {
      if (checkpoint === undefined) agents.push(await createRunAgent(config, probe));
      else agents.push(await restoreRunAgent(config, probe, checkpoint.agent));
    }
  } finally {
    await probe.close();
  }
  if (checkpoint === undefined && agents.some((agent) => isLearner(agent))) {
    throw new InvalidArgumentError(
      `The ${data.agent.algorithm} agent learns: give --checkpoint <file> or --checkpoint latest to evaluate a trained one.`,
    );
  }
  return {
    config,
    checkpointPath,
    checkpointEpisodes: checkpoint?.episodes,
    options: {
      env: () => createRunEnvironment(config, { memoryBackend: options.memoryBackend }),
      envId: config.envLabel,
      agent: ({ index }) => agents[index]!,
      agentName: data.agent.algorithm,
      model: data.model?.id,
      backend: data.environment.backend,
      episodes: options.episodes ?? data.evaluation.finalEpisodes,
      seed: options.seed ?? data.evaluation.seed,
      concurrency,
      maxEpisodeSteps: data.training.maxStepsPerEpisode,
      resetOptions: data.environment.task === undefined ? undefined : { taskId: data.environment.task },
      config: {
        runConfig: {
          file: config.file,
          name: config.name,
          checkpoint: checkpointPath ?? null,
          checkpointEpisodes: checkpoint?.episodes ?? null,
        },
      },
    },
  };
}

function checkpointPathOf(
  config: RunConfig,
  given: string | undefined,
  learning: boolean,
): string | undefined {
  const wanted = given ?? (learning || config.data.agent.algorithm === 'custom' ? 'latest' : undefined);
  if (wanted === undefined) return undefined;
  if (wanted !== 'latest') return resolve(wanted);
  const latest = latestCheckpointPath(config.checkpointDirectory);
  if (latest === undefined && (learning || given !== undefined)) {
    throw new InvalidArgumentError(
      `No checkpoint in ${config.checkpointDirectory}: train first with \`loopgym train -c ${config.file}\`, ` +
        'or give --checkpoint <file>.',
    );
  }
  return latest;
}
