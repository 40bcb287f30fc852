// The records `exportRun` writes, as zod schemas (readers validate with them; the types follow from them).
import { z } from 'zod';

/** The version written in every exported record; bumped on incompatible changes. */
export const EXPORT_FORMAT_VERSION = 1;

const usageSchema = z.object({ inputTokens: z.number(), outputTokens: z.number() });

const toolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  arguments: z.record(z.string(), z.unknown()),
});

/**
 * A chat message as exported (the model layer's `ModelMessage`).
 *
 * @example
 * ```ts
 * exportMessageSchema.parse({ role: 'user', content: 'hi' });
 * ```
 */
export const exportMessageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: z.string() }),
  z.object({ role: z.literal('user'), content: z.string() }),
  z.object({
    role: z.literal('assistant'),
    content: z.string(),
    toolCalls: z.array(toolCallSchema).readonly().optional(),
  }),
  z.object({ role: z.literal('tool'), toolCallId: z.string(), name: z.string(), content: z.string() }),
]);

const stepSchema = z.object({
  index: z.number().int(),
  observation: z.string().nullable(),
  action: z.unknown(),
  reward: z.number(),
  terminated: z.boolean(),
  truncated: z.boolean(),
  info: z.unknown(),
});

const episodeSchema = z.object({
  index: z.number().int(),
  seed: z.number().nullable(),
  taskId: z.string().nullable(),
  return: z.number(),
  length: z.number().int(),
  terminated: z.boolean(),
  truncated: z.boolean(),
  terminationReason: z.string().nullable(),
  error: z.string().nullable(),
  metrics: z.record(z.string(), z.number().nullable()),
  costUsd: z.number(),
  usage: usageSchema,
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
});

/**
 * One line of the `jsonl` export: an episode with its steps.
 *
 * @example
 * ```ts
 * const record = episodeLineSchema.parse(JSON.parse(line));
 * console.log(record.episode.return, record.steps.length);
 * ```
 */
export const episodeLineSchema = z.object({
  version: z.literal(EXPORT_FORMAT_VERSION),
  runId: z.string(),
  envId: z.string(),
  episode: episodeSchema,
  steps: z.array(stepSchema),
});

/** One line of the `jsonl` export. */
export type EpisodeLine = z.infer<typeof episodeLineSchema>;

/**
 * One line of the `results` export: one rollout as evaluation tools write them, with the prompt, the completion
 * messages, the reward, metrics, timing and token usage.
 *
 * @example
 * ```ts
 * const result = rolloutResultSchema.parse(JSON.parse(line));
 * console.log(result.reward, result.usage.totalTokens);
 * ```
 */
export const rolloutResultSchema = z.object({
  version: z.literal(EXPORT_FORMAT_VERSION),
  runId: z.string(),
  envId: z.string(),
  model: z.string().nullable(),
  episodeIndex: z.number().int(),
  /** The task id, or the seed as text when there is no task. */
  exampleId: z.string().nullable(),
  seed: z.number().nullable(),
  /** The messages of the first model call (empty for agents without a model). */
  prompt: z.array(exportMessageSchema),
  /** What followed: the model's answers and the observations fed back; actions as JSON for agents without a model. */
  completion: z.array(exportMessageSchema),
  /** The episode's return. */
  reward: z.number(),
  metrics: z.record(z.string(), z.number().nullable()),
  terminated: z.boolean(),
  truncated: z.boolean(),
  terminationReason: z.string().nullable(),
  error: z.string().nullable(),
  timing: z.object({
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    durationMs: z.number().nullable(),
    modelLatencySeconds: z.number(),
  }),
  usage: z.object({
    inputTokens: z.number(),
    outputTokens: z.number(),
    totalTokens: z.number(),
    costUsd: z.number(),
    modelCalls: z.number().int(),
    cachedCalls: z.number().int(),
  }),
});

/** One line of the `results` export. */
export type RolloutResult = z.infer<typeof rolloutResultSchema>;
