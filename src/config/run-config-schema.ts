// The run config file: what `loopgym train` and `loopgym eval -c` read. Strict objects, so a misspelt key is an error.
import { z } from 'zod';

/** The agents a run config can name: the learning algorithms, `random`, `llm`, a `scripted` policy or `custom`. */
export const RUN_CONFIG_AGENTS = [
  'q-learning',
  'sarsa',
  'dqn',
  'ppo',
  'random',
  'llm',
  'scripted',
  'custom',
] as const;

/** One of {@link RUN_CONFIG_AGENTS}. */
export type RunConfigAgent = (typeof RUN_CONFIG_AGENTS)[number];

/** The version of the run config format this LoopGym reads. */
export const RUN_CONFIG_VERSION = 1;

/** `module:Export` or `./file.js:Export`: a plug-in export named by reference. */
export const pluginReferenceSchema = z.string().regex(/^.+:[A-Za-z_$][\w$]*$/, {
  message:
    'A plug-in reference is `module:Export` or `./file.js:Export` (a module or a file relative to the config, a colon, the export’s name)',
});

const count = z.number().int().min(0);
const positive = z.number().int().min(1);
const seed = z.number().int().min(0);
const pathText = z.string().min(1);

const agentSchema = z.strictObject({
  algorithm: z.enum(RUN_CONFIG_AGENTS),
  /** Seed of the agent's own generator (exploration, initial weights). */
  seed: seed.optional(),
  /** The learning algorithm's hyperparameters (checked against the algorithm's own schema). */
  hyperparameters: z.record(z.string(), z.unknown()).default({}),
  /** `scripted`: a function `(observation, context) => action`, by reference. */
  policy: pluginReferenceSchema.optional(),
  /** `custom`: a factory `(context) => Agent`, by reference. */
  plugin: pluginReferenceSchema.optional(),
  /** Options handed to a `custom` agent's factory. */
  options: z.record(z.string(), z.unknown()).default({}),
  /** `llm`: the instructions (default: written from the action space). */
  systemPrompt: z.string().optional(),
  /** `llm`: how the answer is read. */
  parser: z.enum(['none', 'xml', 'think']).optional(),
});

const perturbationSchema = z.union([z.string().min(1), z.looseObject({ name: z.string().min(1) })]);

const environmentSchema = z.strictObject({
  /** A registered id (`CartPole-v1`, `loopbench/code-repair-v1`). */
  id: z.string().min(1).optional(),
  /** An LSS spec file (relative to the config). */
  spec: pathText.optional(),
  /** A factory `(options) => Env`, by reference. */
  plugin: pluginReferenceSchema.optional(),
  /** Options of `make` (or of the plug-in's factory). */
  options: z.record(z.string(), z.unknown()).default({}),
  /** Loops: who answers the other workers' model calls. */
  backend: z.enum(['sim', 'live']).optional(),
  /** Loops: play this task in every episode. */
  task: z.string().min(1).optional(),
  /** Overrides the registered step limit. */
  maxEpisodeSteps: positive.optional(),
  /** Perturbations by name (validated as a list; not applied yet). */
  perturbations: z.array(perturbationSchema).default([]),
});

const modelSchema = z.strictObject({
  /** `provider:model` (`openai:gpt-4.1-mini`, `sim:gpt-4.1-mini`). */
  id: z
    .string()
    .regex(/^[a-z][\w-]*:.+$/, { message: 'A model id is provider:model, e.g. openai:gpt-4.1-mini' }),
});

const trainingSchema = z.strictObject({
  episodes: count,
  /** Environment seed base: the agent's n-th training episode is reset with seed + n. */
  seed: seed.default(0),
  maxStepsPerEpisode: positive.optional(),
  /** Stop once a training episode and then 10 greedy episodes reach this mean return. */
  stopAtReturn: z.number().optional(),
});

const checkpointsSchema = z.strictObject({
  /** Where checkpoints go (relative to the config); default `<output>/checkpoints`. */
  directory: pathText.optional(),
  everyEpisodes: positive.optional(),
  everyMinutes: z.number().positive().optional(),
  /** Keep this many periodic checkpoints (the newest); default all. */
  keep: positive.optional(),
  /** DQN: save the replay buffer too (needed for an exact resume; large). */
  includeReplayBuffer: z.boolean().default(true),
});

const evaluationSchema = z.strictObject({
  /** Greedy evaluation every K training episodes; off when absent. */
  everyEpisodes: positive.optional(),
  /** Episodes of each periodic evaluation. */
  episodes: positive.default(10),
  /** Evaluation episode i is reset with seed + i. */
  seed: seed.default(1_000_000),
  /** Episodes of `loopgym eval -c`. */
  finalEpisodes: positive.default(100),
  /** Episodes played at once by `loopgym eval -c`. */
  concurrency: positive.default(1),
});

const loggingSchema = z.strictObject({
  /** Per-episode metrics as CSV (relative to the config). */
  csv: pathText.nullable().optional(),
  /** Per-episode metrics and evaluations as JSON lines. */
  jsonl: pathText.nullable().optional(),
  /** Record the run in the run store: true (the default store, or --store), false, or a store path. */
  store: z.union([z.boolean(), pathText]).default(true),
});

const recordingSchema = z.strictObject({
  /** Record every step of every training episode in the store (large; for debugging). */
  trainingSteps: z.boolean().default(false),
});

/**
 * The whole run config. Paths in it are relative to the config file.
 *
 * @example
 * ```ts
 * const config = runConfigSchema.parse({ version: 1, agent: { algorithm: 'random' },
 *   environment: { id: 'CartPole-v1' }, training: { episodes: 10 } });
 * ```
 */
export const runConfigSchema = z.strictObject({
  version: z.literal(RUN_CONFIG_VERSION),
  /** A name for the run (default: the file's name). */
  name: z
    .string()
    .regex(/^[\w.-]+$/, { message: 'A name may hold letters, digits, `_`, `-` and `.`' })
    .optional(),
  /** Where outputs go by default (relative to the config); default `runs/<name>`. */
  output: pathText.optional(),
  agent: agentSchema,
  environment: environmentSchema,
  model: modelSchema.optional(),
  training: trainingSchema,
  checkpoints: checkpointsSchema.default({ includeReplayBuffer: true }),
  evaluation: evaluationSchema.default({ episodes: 10, seed: 1_000_000, finalEpisodes: 100, concurrency: 1 }),
  logging: loggingSchema.default({ store: true }),
  recording: recordingSchema.default({ trainingSteps: false }),
});

/** A run config as written (before defaults). */
export type RunConfigInput = z.input<typeof runConfigSchema>;

/** A run config with its defaults filled in (paths still as written). */
export type RunConfigData = z.output<typeof runConfigSchema>;
