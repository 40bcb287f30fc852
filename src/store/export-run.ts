import type { ModelMessage } from '../models/language-model.js';
import type { EpisodeLine, RolloutResult } from './export-records.js';
import { EXPORT_FORMAT_VERSION } from './export-records.js';
import type { StoredEpisode, StoredModelCall, StoredRun, StoredStep } from './run-records.js';
import type { RunStore } from './run-store.js';

/** What {@link exportRun} writes: `jsonl` (episodes with their steps) or `results` (one record per rollout). */
export type ExportFormat = 'jsonl' | 'results';

/**
 * The formats {@link exportRun} knows, for option validation.
 *
 * @example
 * ```ts
 * if (!EXPORT_FORMATS.includes(format)) throw new Error(`unknown format ${format}`);
 * ```
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'results'];

/**
 * Exports a run (its id or a unique prefix) as JSON lines, one record per episode, without holding the whole run
 * in memory. Each yielded string is one line, newline included. Records follow `episodeLineSchema` (`jsonl`) or
 * `rolloutResultSchema` (`results`).
 *
 * @example
 * ```ts
 * for (const line of exportRun(store, runId, 'results')) process.stdout.write(line);
 * ```
 */
export function* exportRun(
  store: RunStore,
  runId: string,
  format: ExportFormat,
): Generator<string, void, undefined> {
  const run = store.getRun(runId);
  for (const episode of store.episodes(run.id)) {
    const record =
      format === 'jsonl'
        ? toEpisodeLine(run, episode, store.steps(episode.id))
        : toRolloutResult(run, episode, store.steps(episode.id), store.modelCalls(episode.id));
    yield `${JSON.stringify(record)}\n`;
  }
}

function withoutId(episode: StoredEpisode): EpisodeLine['episode'] {
  const { id: _id, runId: _runId, ...rest } = episode;
  return rest;
}

/**
 * The `jsonl` record of an episode.
 *
 * @example
 * ```ts
 * const line = toEpisodeLine(run, episode, store.steps(episode.id));
 * ```
 */
export function toEpisodeLine(
  run: StoredRun,
  episode: StoredEpisode,
  steps: readonly StoredStep[],
): EpisodeLine {
  return {
    version: EXPORT_FORMAT_VERSION,
    runId: run.id,
    envId: run.envId,
    episode: withoutId(episode),
    steps: [...steps],
  };
}

function startsWith(messages: readonly ModelMessage[], prefix: readonly ModelMessage[]): boolean {
  return (
    prefix.length <= messages.length &&
    prefix.every((message, index) => JSON.stringify(message) === JSON.stringify(messages[index]))
  );
}

/** The messages a call added to the conversation so far: the rest when it extends it, else what follows its last answer. */
function newMessages(conversation: readonly ModelMessage[], call: StoredModelCall): ModelMessage[] {
  if (startsWith(call.messages, conversation)) return call.messages.slice(conversation.length);
  const lastAnswer = call.messages.map((message) => message.role).lastIndexOf('assistant');
  return call.messages.slice(lastAnswer + 1).filter((message) => message.role !== 'system');
}

function conversationOf(
  calls: readonly StoredModelCall[],
  steps: readonly StoredStep[],
): { prompt: ModelMessage[]; completion: ModelMessage[] } {
  const first = calls[0];
  if (first === undefined)
    return {
      prompt: [],
      completion: steps.flatMap((step): ModelMessage[] => [
        { role: 'assistant', content: JSON.stringify(step.action) ?? 'null' },
        ...(step.observation === null ? [] : [{ role: 'user' as const, content: step.observation }]),
      ]),
    };
  const prompt = [...first.messages];
  const conversation: ModelMessage[] = [...prompt];
  calls.forEach((call, position) => {
    if (position > 0) conversation.push(...newMessages(conversation, call));
    conversation.push({ role: 'assistant', content: call.response ?? '' });
  });
  return { prompt, completion: conversation.slice(prompt.length) };
}

/**
 * The `results` record of an episode.
 *
 * @example
 * ```ts
 * const result = toRolloutResult(run, episode, store.steps(episode.id), store.modelCalls(episode.id));
 * ```
 */
export function toRolloutResult(
  run: StoredRun,
  episode: StoredEpisode,
  steps: readonly StoredStep[],
  calls: readonly StoredModelCall[],
): RolloutResult {
  const { prompt, completion } = conversationOf(calls, steps);
  return {
    version: EXPORT_FORMAT_VERSION,
    runId: run.id,
    envId: run.envId,
    model: run.model,
    episodeIndex: episode.index,
    exampleId: episode.taskId ?? (episode.seed === null ? null : String(episode.seed)),
    seed: episode.seed,
    prompt,
    completion,
    reward: episode.return,
    metrics: episode.metrics,
    terminated: episode.terminated,
    truncated: episode.truncated,
    terminationReason: episode.terminationReason,
    error: episode.error,
    timing: {
      startedAt: episode.startedAt,
      endedAt: episode.endedAt,
      durationMs: episode.durationMs,
      modelLatencySeconds: calls.reduce((sum, call) => sum + call.latencySeconds, 0),
    },
    usage: {
      inputTokens: episode.usage.inputTokens,
      outputTokens: episode.usage.outputTokens,
      totalTokens: episode.usage.inputTokens + episode.usage.outputTokens,
      costUsd: episode.costUsd,
      modelCalls: calls.length,
      cachedCalls: calls.filter((call) => call.cached).length,
    },
  };
}
