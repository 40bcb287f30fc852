// The rules of a run config beyond its shape: which fields go together, hyperparameters, known environments.
import { learnerHyperparameterSchemas } from '../agents/learning/create-learner.js';
import type { LearnerAlgorithm } from '../agents/learning/learner.js';
import { LoopGymError } from '../core/errors.js';
import type { SpecProblem } from '../lss/spec-problem.js';
import { defaultRegistry } from '../registry/default-registry.js';
import type { RunConfigData } from './run-config-schema.js';
import { problemAt, zodProblems, type ZodProblemContext } from './zod-problems.js';

/** The agents that learn (and so save checkpoints). */
export const LEARNING_AGENTS: readonly string[] = ['q-learning', 'sarsa', 'dqn', 'ppo'];

/** Whether a config's agent is one of the learning algorithms. */
export function isLearningAlgorithm(algorithm: string): algorithm is LearnerAlgorithm {
  return LEARNING_AGENTS.includes(algorithm);
}

/** Whether an environment id or spec is a loop (spec files, `loopbench/…`, `sim/…`). */
export function isLoopEnvironment(environment: RunConfigData['environment']): boolean {
  if (environment.spec !== undefined) return true;
  const id = environment.id ?? '';
  return id.startsWith('loopbench/') || id.startsWith('sim/');
}

/**
 * Checks what the schema cannot: exactly one environment source, fields that belong to one kind of agent,
 * hyperparameters against the algorithm's own schema, a registered environment id. Problems stop the run; warnings
 * are printed (settings this agent ignores).
 *
 * @example
 * ```ts
 * const { problems, warnings } = checkRunConfig(data, { file, sourceMap, document, schema: runConfigSchema });
 * ```
 */
export function checkRunConfig(
  data: RunConfigData,
  context: ZodProblemContext,
): { problems: SpecProblem[]; warnings: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  const warnings: SpecProblem[] = [];
  const { agent, environment } = data;
  const error = (path: (string | number)[], message: string, fix?: string): void => {
    problems.push(problemAt(context, path, message, fix));
  };
  const warn = (path: (string | number)[], message: string, fix?: string): void => {
    warnings.push({ ...problemAt(context, path, message, fix), severity: 'warning' });
  };

  const sources = (['id', 'spec', 'plugin'] as const).filter((key) => environment[key] !== undefined);
  if (sources.length !== 1) {
    error(
      ['environment'],
      sources.length === 0
        ? 'The environment is not named.'
        : `The environment is named twice (${sources.join(' and ')}).`,
      'Give exactly one of `id` (a registered environment), `spec` (an LSS file) or `plugin` (`./file.js:Export`).',
    );
  }
  if (environment.id !== undefined) {
    try {
      defaultRegistry.spec(environment.id);
    } catch (lookup) {
      if (!(lookup instanceof LoopGymError)) throw lookup;
      error(['environment', 'id'], lookup.message);
    }
  }
  const loop = isLoopEnvironment(environment);
  if (!loop && (environment.backend !== undefined || environment.task !== undefined)) {
    const key = environment.backend !== undefined ? 'backend' : 'task';
    error(
      ['environment', key],
      `\`${key}\` is for loop environments (loopbench/…, sim/…, spec files).`,
      'Remove it.',
    );
  }
  if (!loop && environment.perturbations.length > 0) {
    error(
      ['environment', 'perturbations'],
      'Perturbations apply to loop environments (loopbench/…, sim/…, spec files); this environment takes none.',
      'Remove them, or see docs/perturbations.md.',
    );
  }

  const learning = isLearningAlgorithm(agent.algorithm);
  if (learning) {
    const schema = learnerHyperparameterSchemas[agent.algorithm as LearnerAlgorithm];
    const result = schema.safeParse(agent.hyperparameters);
    if (!result.success) {
      problems.push(
        ...zodProblems(result.error.issues, {
          ...context,
          schema,
          prefix: ['agent', 'hyperparameters'],
        }),
      );
    }
  } else if (Object.keys(agent.hyperparameters).length > 0) {
    error(
      ['agent', 'hyperparameters'],
      `The ${agent.algorithm} agent has no hyperparameters.`,
      'Remove them, or choose a learning algorithm (q-learning, sarsa, dqn, ppo).',
    );
  }
  if (agent.algorithm === 'scripted' && agent.policy === undefined) {
    error(
      ['agent'],
      'A scripted agent needs `policy`.',
      'Add `policy: ./policy.js:choose` (a function (observation, context) => action).',
    );
  }
  if (agent.algorithm !== 'scripted' && agent.policy !== undefined) {
    error(
      ['agent', 'policy'],
      '`policy` is for scripted agents.',
      'Set `algorithm: scripted`, or remove it.',
    );
  }
  if (agent.algorithm === 'custom' && agent.plugin === undefined) {
    error(
      ['agent'],
      'A custom agent needs `plugin`.',
      'Add `plugin: ./agent.js:createAgent` (a function (context) => Agent).',
    );
  }
  if (agent.algorithm !== 'custom' && agent.plugin !== undefined) {
    error(['agent', 'plugin'], '`plugin` is for custom agents.', 'Set `algorithm: custom`, or remove it.');
  }
  if (agent.algorithm !== 'custom' && Object.keys(agent.options).length > 0) {
    error(['agent', 'options'], '`options` are handed to a custom agent’s factory only.', 'Remove them.');
  }
  if (agent.algorithm === 'llm' && data.model === undefined) {
    error(
      ['agent', 'algorithm'],
      'The llm agent needs a model.',
      'Add `model: { id: sim:gpt-4.1-mini }` (or openai:…, anthropic:…).',
    );
  }
  if (agent.algorithm !== 'llm' && (agent.systemPrompt !== undefined || agent.parser !== undefined)) {
    error(
      ['agent', agent.systemPrompt !== undefined ? 'systemPrompt' : 'parser'],
      'This is an llm agent setting.',
      'Remove it.',
    );
  }
  if (loop && learning) {
    error(
      ['agent', 'algorithm'],
      `${agent.algorithm} cannot act in a loop environment (its observations and actions are text).`,
      'Use `llm`, `random` or a custom agent for loops.',
    );
  }
  if (!learning && agent.algorithm !== 'custom') {
    if (data.evaluation.everyEpisodes !== undefined) {
      warn(
        ['evaluation', 'everyEpisodes'],
        `The ${agent.algorithm} agent does not learn: periodic evaluations are skipped.`,
      );
    }
    if (data.training.stopAtReturn !== undefined) {
      warn(
        ['training', 'stopAtReturn'],
        `The ${agent.algorithm} agent does not learn: stopAtReturn is ignored.`,
      );
    }
  }
  return { problems, warnings };
}
