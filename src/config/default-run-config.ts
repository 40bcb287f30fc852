// The complete, commented run config `loopgym create-default` writes.
import { learnerHyperparameterSchemas } from '../agents/learning/create-learner.js';
import { TRAINING_PRESETS } from '../agents/learning/recommended-hyperparameters.js';
import { InvalidArgumentError } from '../core/errors.js';
import { isLearningAlgorithm } from './check-run-config.js';

/** The agents `create-default` writes a config for (scripted and custom need a file of yours). */
export const DEFAULT_CONFIG_AGENTS = ['q-learning', 'sarsa', 'dqn', 'ppo', 'random', 'llm'] as const;

/** The environment each agent's default config trains in. */
const DEFAULT_ENVIRONMENTS: Record<
  (typeof DEFAULT_CONFIG_AGENTS)[number],
  { id: string; options: Record<string, unknown> }
> = {
  'q-learning': { id: 'FrozenLake-v1', options: { isSlippery: false } },
  sarsa: { id: 'FrozenLake-v1', options: { isSlippery: false } },
  dqn: { id: 'CartPole-v1', options: {} },
  ppo: { id: 'Pendulum-v1', options: {} },
  random: { id: 'CartPole-v1', options: {} },
  llm: { id: 'FrozenLake-v1', options: { isSlippery: false } },
};

/** Options of {@link defaultRunConfigText}. */
export interface DefaultRunConfigOptions {
  /** Default `dqn`. */
  agent?: string | undefined;
  /** Default: the agent's usual environment (FrozenLake-v1, CartPole-v1, Pendulum-v1). */
  env?: string | undefined;
  /** Default `<env>-<agent>` in lower case. */
  name?: string | undefined;
}

/**
 * A complete run config, every field present and commented, that runs as is: for learners, the tuned preset of
 * `TRAINING_PRESETS` when one matches the environment, else the algorithm's defaults.
 *
 * @example
 * ```ts
 * await writeFile('run.yaml', defaultRunConfigText({ agent: 'q-learning', env: 'Taxi-v4' }));
 * ```
 */
export function defaultRunConfigText(options: DefaultRunConfigOptions = {}): string {
  const agent = options.agent ?? 'dqn';
  if (!(DEFAULT_CONFIG_AGENTS as readonly string[]).includes(agent)) {
    throw new InvalidArgumentError(
      `create-default writes configs for ${DEFAULT_CONFIG_AGENTS.join(', ')}; got \`${agent}\`. ` +
        '(scripted and custom agents need a plug-in file: start from another agent and see docs/run-configs.md.)',
    );
  }
  const known = DEFAULT_ENVIRONMENTS[agent as (typeof DEFAULT_CONFIG_AGENTS)[number]];
  const envId = options.env ?? known.id;
  const learning = isLearningAlgorithm(agent);
  const preset = learning
    ? (TRAINING_PRESETS.find(
        (p) =>
          p.algorithm === agent &&
          p.envId === envId &&
          (options.env !== undefined || sameOptions(p.envOptions, known.options)),
      ) ??
      TRAINING_PRESETS.find(
        (p) => p.algorithm === (agent === 'sarsa' ? 'q-learning' : agent) && p.envId === envId,
      ))
    : undefined;
  const envOptions = options.env === undefined ? known.options : (preset?.envOptions ?? {});
  const name = options.name ?? `${envId.replace(/[^\w.-]+/g, '-')}-${agent}`.toLowerCase();
  const episodes = preset?.episodes ?? (learning ? 500 : agent === 'llm' ? 5 : 100);
  const solvedAt = agent === 'dqn' && envId === 'CartPole-v1' ? 500 : undefined;
  const every = Math.max(1, Math.round(episodes / 5));
  const lines = [
    '# LoopGym run config: what `loopgym train -c` trains and `loopgym eval -c` evaluates.',
    '# Paths are relative to this file. Every field is described in docs/run-configs.md.',
    'version: 1',
    `name: ${name}`,
    `output: runs/${name}            # default home of checkpoints (and of the logs below)`,
    '',
    'agent:',
    '  # q-learning | sarsa | dqn | ppo | random | llm | scripted (with policy) | custom (with plugin)',
    `  algorithm: ${agent}`,
    '  seed: 0                        # the agent’s own generator: exploration, initial weights, sampling',
    ...agentLines(agent, preset?.hyperparameters ?? {}),
    '',
    'environment:',
    `  id: ${envId}                   # or spec: ./loop.yaml (an LSS file), or plugin: ./my-env.js:createEnv`,
    `  options: ${JSON.stringify(envOptions)}  # options of make(), e.g. {"isSlippery": false}`,
    '  # maxEpisodeSteps: 200         # overrides the registered step limit',
    '  perturbations: []              # loops only: e.g. [budget_minus_one, {name: api_latency, seconds: 2}] (docs/perturbations.md)',
    ...(agent === 'llm'
      ? [
          '',
          'model:',
          '  id: sim:gpt-4.1-mini           # provider:model; sim is free and offline (openai:…, anthropic:…)',
        ]
      : []),
    '',
    'training:',
    `  episodes: ${episodes}                 # training episodes in all (--resume continues up to this count)`,
    '  seed: 0                        # training episode n is reset with seed + n',
    '  # maxStepsPerEpisode: 1000     # cut episodes (as truncated) after this many steps',
    solvedAt === undefined
      ? '  # stopAtReturn: 500           # stop once 10 greedy episodes reach this mean return'
      : `  stopAtReturn: ${solvedAt}              # stop once 10 greedy episodes reach this mean return`,
    '',
    'checkpoints:',
    `  # directory: runs/${name}/checkpoints`,
    `  everyEpisodes: ${every}`,
    '  everyMinutes: 10               # also every 10 minutes of training',
    '  # keep: 5                      # keep only the newest 5 periodic checkpoints',
    '  includeReplayBuffer: true      # dqn: needed for an exact --resume (larger files)',
    '',
    'evaluation:',
    learning
      ? `  everyEpisodes: ${every}              # greedy evaluation during training`
      : '  # everyEpisodes: 20           # greedy evaluation during training (learning agents)',
    '  episodes: 10                   # episodes of each evaluation during training',
    '  seed: 1000000                  # evaluation episode i is reset with seed + i',
    `  finalEpisodes: ${agent === 'llm' ? 10 : 100}             # episodes of \`loopgym eval -c\``,
    '  concurrency: 1                 # episodes played at once by `loopgym eval -c`',
    '',
    'logging:',
    `  csv: runs/${name}/metrics.csv`,
    `  jsonl: runs/${name}/metrics.jsonl`,
    '  store: true                    # the run store (true: --store, $LOOPGYM_STORE or .loopgym/loopgym.db; a path; false)',
    '',
    'recording:',
    '  trainingSteps: false           # every step of every training episode into the store (large)',
    '',
  ];
  return lines.join('\n');
}

function agentLines(agent: string, presetHyperparameters: Record<string, unknown>): string[] {
  if (agent === 'llm') {
    return [
      '  # systemPrompt: "…"            # default: written from the action space',
      '  parser: xml                    # how the answer is read: none, xml, think',
    ];
  }
  if (!isLearningAlgorithm(agent)) return [];
  const schema = learnerHyperparameterSchemas[agent];
  const values = schema.parse(presetHyperparameters) as Record<string, unknown>;
  return [
    '  hyperparameters:               # each is explained in docs/agents.md; defaults filled in',
    ...Object.entries(values).map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`),
  ];
}

function sameOptions(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
