// Row shapes of the store's tables and their conversion to the public records.
import type { ModelMessage } from '../models/language-model.js';
import type {
  RunKind,
  RunStatus,
  StoredEpisode,
  StoredModelCall,
  StoredRun,
  StoredStep,
} from './run-records.js';

/** A `runs` row with its episode count. */
export interface RunRow {
  id: string;
  kind: string;
  env_id: string;
  agent: string | null;
  model: string | null;
  backend: string | null;
  config_json: string;
  code_version: string | null;
  seeds_json: string;
  started_at: string;
  finished_at: string | null;
  status: string;
  summary_json: string | null;
  episode_count: number;
}

/** An `episodes` row. */
export interface EpisodeRow {
  id: number;
  run_id: string;
  episode_index: number;
  seed: number | null;
  task_id: string | null;
  return: number;
  length: number;
  terminated: number;
  truncated: number;
  termination_reason: string | null;
  error: string | null;
  metrics_json: string;
  cost_usd: number;
  input_tokens: number;
  output_tokens: number;
  started_at: string | null;
  ended_at: string | null;
  duration_ms: number | null;
}

/** A `steps` row. */
export interface StepRow {
  step_index: number;
  observation: string | null;
  action_json: string | null;
  reward: number;
  terminated: number;
  truncated: number;
  info_json: string;
}

/** A `model_calls` row. */
export interface ModelCallRow {
  call_index: number;
  step_index: number | null;
  model_id: string;
  answered_model_id: string | null;
  messages_json: string;
  response: string | null;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  latency_seconds: number;
  cached: number;
  error: string | null;
}

/**
 * JSON text, or `null` for a missing value (`undefined` is not JSON).
 *
 * @example
 * ```ts
 * toJsonText(undefined); // null
 * ```
 */
export function toJsonText(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/**
 * Parses a JSON column; `null` stays `null`.
 *
 * @example
 * ```ts
 * fromJsonText('[1,2]'); // [1, 2]
 * ```
 */
export function fromJsonText(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

/**
 * An error as stored: its message (with the error's name when it is not a plain `Error`), or the value as text.
 *
 * @example
 * ```ts
 * toErrorText(new TypeError('bad')); // 'TypeError: bad'
 * ```
 */
export function toErrorText(error: unknown): string | null {
  if (error === undefined || error === null) return null;
  if (error instanceof Error)
    return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : JSON.stringify(error);
}

/**
 * A `runs` row as a {@link StoredRun}.
 *
 * @example
 * ```ts
 * const run = fromRunRow(row);
 * ```
 */
export function fromRunRow(row: RunRow): StoredRun {
  return {
    id: row.id,
    kind: row.kind as RunKind,
    envId: row.env_id,
    agent: row.agent,
    model: row.model,
    backend: row.backend,
    config: fromJsonText(row.config_json),
    codeVersion: row.code_version,
    seeds: fromJsonText(row.seeds_json) as number[],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status as RunStatus,
    summary: fromJsonText(row.summary_json),
    episodeCount: row.episode_count,
  };
}

/**
 * An `episodes` row as a {@link StoredEpisode}.
 *
 * @example
 * ```ts
 * const episode = fromEpisodeRow(row);
 * ```
 */
export function fromEpisodeRow(row: EpisodeRow): StoredEpisode {
  return {
    id: row.id,
    runId: row.run_id,
    index: row.episode_index,
    seed: row.seed,
    taskId: row.task_id,
    return: row.return,
    length: row.length,
    terminated: row.terminated === 1,
    truncated: row.truncated === 1,
    terminationReason: row.termination_reason,
    error: row.error,
    metrics: fromJsonText(row.metrics_json) as Record<string, number | null>,
    costUsd: row.cost_usd,
    usage: { inputTokens: row.input_tokens, outputTokens: row.output_tokens },
    startedAt: row.started_at,
    endedAt: row.ended_at,
    durationMs: row.duration_ms,
  };
}

/**
 * A `steps` row as a {@link StoredStep}.
 *
 * @example
 * ```ts
 * const step = fromStepRow(row);
 * ```
 */
export function fromStepRow(row: StepRow): StoredStep {
  return {
    index: row.step_index,
    observation: row.observation,
    action: fromJsonText(row.action_json),
    reward: row.reward,
    terminated: row.terminated === 1,
    truncated: row.truncated === 1,
    info: fromJsonText(row.info_json),
  };
}

/**
 * A `model_calls` row as a {@link StoredModelCall}.
 *
 * @example
 * ```ts
 * const call = fromModelCallRow(row);
 * ```
 */
export function fromModelCallRow(row: ModelCallRow): StoredModelCall {
  return {
    index: row.call_index,
    step: row.step_index,
    modelId: row.model_id,
    answeredModelId: row.answered_model_id,
    messages: fromJsonText(row.messages_json) as ModelMessage[],
    response: row.response,
    usage: { inputTokens: row.input_tokens, outputTokens: row.output_tokens },
    costUsd: row.cost_usd,
    latencySeconds: row.latency_seconds,
    cached: row.cached === 1,
    error: row.error,
  };
}
