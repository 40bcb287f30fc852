// The agent a run config names: a learner, random, a language model, a scripted policy or a custom plug-in.
import type { Agent } from '../agents/agent.js';
import { createLearner, loadLearner } from '../agents/learning/create-learner.js';
import { isLearner, type Learner, type LearnerAlgorithm } from '../agents/learning/learner.js';
import { createLlmAgent } from '../agents/llm/create-llm-agent.js';
import { scriptedAgent, type ScriptedPolicy } from '../agents/scripted-agent.js';
import type { Env } from '../core/env.js';
import { InvalidArgumentError, LoopGymError } from '../core/errors.js';
import type { Space } from '../core/space.js';
import { episodeSeededRandomAgent } from '../eval/named-agents.js';
import { createModelClient } from '../models/model-client.js';
import { createModel } from '../models/provider-registry.js';
import { callOrConstruct } from './call-or-construct.js';
import { isLearningAlgorithm } from './check-run-config.js';
import { loadPlugin, PluginLoadError } from './load-plugin.js';
import type { RunConfig } from './load-run-config.js';

/** What a custom agent's factory (`agent.plugin`) is called with. */
export interface CustomAgentContext {
  observationSpace: Space<unknown, unknown>;
  actionSpace: Space<unknown, unknown>;
  env: Env<unknown, unknown>;
  /** `agent.options` of the config. */
  options: Record<string, unknown>;
  /** `agent.seed` of the config. */
  seed: number | undefined;
}

/** A custom agent's export: a factory, or an object with `create` and, for learners, `fromCheckpoint`. */
interface CustomAgentModule {
  create: (context: CustomAgentContext) => unknown;
  fromCheckpoint?: (checkpoint: unknown, context: CustomAgentContext) => unknown;
}

type AnyAgent = Agent<unknown, unknown>;

/**
 * Builds the agent of a run config for an environment (a fresh learner for training, seeded with `agent.seed`).
 *
 * @example
 * ```ts
 * const config = await loadRunConfig('run.yaml');
 * const env = await createRunEnvironment(config);
 * const agent = await createRunAgent(config, env);
 * ```
 */
export async function createRunAgent(config: RunConfig, env: Env<unknown, unknown>): Promise<AnyAgent> {
  const agent = config.data.agent;
  if (isLearningAlgorithm(agent.algorithm)) {
    try {
      return createLearner({
        algorithm: agent.algorithm,
        observationSpace: env.observationSpace,
        actionSpace: env.actionSpace,
        hyperparameters: agent.hyperparameters,
        seed: agent.seed,
      });
    } catch (error) {
      throw located(config, ['agent', 'algorithm'], error);
    }
  }
  switch (agent.algorithm) {
    case 'random':
      return episodeSeededRandomAgent(env.actionSpace);
    case 'llm': {
      const llm = createLlmAgent({
        model: createModelClient(createModel(config.data.model?.id ?? '')),
        systemPrompt: agent.systemPrompt,
        parser: agent.parser,
      });
      llm.attach(env);
      return llm;
    }
    case 'scripted': {
      const reference = agent.policy ?? '';
      const policy = await loadPlugin(reference, {
        baseDirectory: config.directory,
        where: `${config.where(['agent', 'policy'])} agent.policy`,
      });
      if (typeof policy !== 'function') {
        throw new PluginLoadError(
          reference,
          `The policy ${reference} must be a function (observation, context) => action.`,
        );
      }
      return scriptedAgent(policy as ScriptedPolicy<unknown, unknown>, { name: 'scripted' });
    }
    default: {
      const plugin = await customAgentModule(config);
      return checkAgent(await plugin.create(customContext(config, env)), config);
    }
  }
}

/**
 * Rebuilds a trained agent from a checkpoint's agent part, in `evaluate` mode: built-in learners through
 * `loadLearner`, custom learners through their plug-in's `fromCheckpoint`.
 *
 * @example
 * ```ts
 * const agent = await restoreRunAgent(config, env, checkpoint.agent);
 * ```
 */
export async function restoreRunAgent(
  config: RunConfig,
  env: Env<unknown, unknown>,
  agentCheckpoint: unknown,
): Promise<Learner<unknown, unknown>> {
  let learner: unknown;
  if (config.data.agent.algorithm === 'custom') {
    const plugin = await customAgentModule(config);
    if (plugin.fromCheckpoint === undefined) {
      throw new InvalidArgumentError(
        `The custom agent ${config.data.agent.plugin ?? ''} cannot be restored from a checkpoint: export an object ` +
          '`{ create(context), fromCheckpoint(checkpoint, context) }` instead of a bare factory.',
      );
    }
    learner = await plugin.fromCheckpoint(agentCheckpoint, customContext(config, env));
  } else {
    learner = loadLearner(agentCheckpoint);
    const algorithm = (learner as Learner<unknown, unknown>).algorithm;
    if (algorithm !== (config.data.agent.algorithm as LearnerAlgorithm)) {
      throw new InvalidArgumentError(
        `The checkpoint holds a ${algorithm} agent, but ${config.where(['agent', 'algorithm'])} names ` +
          `${config.data.agent.algorithm}: give the checkpoint of this config’s run.`,
      );
    }
  }
  if (!isLearner(learner)) {
    throw new InvalidArgumentError(
      'The restored agent is not a learner (it lacks observe, endEpisode or toCheckpoint).',
    );
  }
  learner.mode = 'evaluate';
  return learner;
}

async function customAgentModule(config: RunConfig): Promise<CustomAgentModule> {
  const reference = config.data.agent.plugin ?? '';
  const exported = await loadPlugin(reference, {
    baseDirectory: config.directory,
    where: `${config.where(['agent', 'plugin'])} agent.plugin`,
  });
  if (typeof exported === 'function') {
    return { create: (context) => callOrConstruct(exported, context, reference) };
  }
  const candidate = exported as Partial<CustomAgentModule> | null;
  if (typeof candidate === 'object' && candidate !== null && typeof candidate.create === 'function') {
    return candidate as CustomAgentModule;
  }
  throw new PluginLoadError(
    reference,
    `The agent plug-in ${reference} must be a factory (context) => Agent, a class, or an object with create(context).`,
  );
}

function customContext(config: RunConfig, env: Env<unknown, unknown>): CustomAgentContext {
  return {
    observationSpace: env.observationSpace,
    actionSpace: env.actionSpace,
    env,
    options: config.data.agent.options,
    seed: config.data.agent.seed,
  };
}

function checkAgent(value: unknown, config: RunConfig): AnyAgent {
  const candidate = value as Partial<AnyAgent> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.act !== 'function') {
    throw new InvalidArgumentError(
      `The agent plug-in ${config.data.agent.plugin ?? ''} returned something without an act(observation, context) method.`,
    );
  }
  return candidate as AnyAgent;
}

function located(config: RunConfig, path: string[], error: unknown): unknown {
  if (!(error instanceof LoopGymError)) return error;
  return new InvalidArgumentError(`${config.where(path)} ${path.join('.')}: ${error.message}`, {
    cause: error,
  });
}
