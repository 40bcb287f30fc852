/**
 * The SQL the store writes episodes with (exported so that tests, and tools in other languages, write exactly what
 * the store writes). Parameters are named after the columns.
 *
 * @example
 * ```ts
 * const insert = database.prepare(STORE_SQL.insertEpisode);
 * ```
 */
export const STORE_SQL = {
  insertRun:
    'INSERT INTO runs (id, kind, env_id, agent, model, backend, config_json, code_version, seeds_json, started_at, status) ' +
    "VALUES (@id, @kind, @env_id, @agent, @model, @backend, @config_json, @code_version, @seeds_json, @started_at, 'running')",
  finishRun:
    'UPDATE runs SET finished_at = @finished_at, status = @status, summary_json = @summary_json WHERE id = @id',
  resumeRun: "UPDATE runs SET finished_at = NULL, status = 'running' WHERE id = @id",
  insertEpisode:
    'INSERT INTO episodes (run_id, episode_index, seed, task_id, return, length, terminated, truncated, ' +
    'termination_reason, error, metrics_json, cost_usd, input_tokens, output_tokens, started_at, ended_at, duration_ms) ' +
    'VALUES (@run_id, @episode_index, @seed, @task_id, @return, @length, @terminated, @truncated, @termination_reason, ' +
    '@error, @metrics_json, @cost_usd, @input_tokens, @output_tokens, @started_at, @ended_at, @duration_ms)',
  insertStep:
    'INSERT INTO steps (episode_id, step_index, observation, action_json, reward, terminated, truncated, info_json) ' +
    'VALUES (@episode_id, @step_index, @observation, @action_json, @reward, @terminated, @truncated, @info_json)',
  insertModelCall:
    'INSERT INTO model_calls (episode_id, call_index, step_index, model_id, answered_model_id, messages_json, response, ' +
    'input_tokens, output_tokens, cost_usd, latency_seconds, cached, error) VALUES (@episode_id, @call_index, ' +
    '@step_index, @model_id, @answered_model_id, @messages_json, @response, @input_tokens, @output_tokens, @cost_usd, ' +
    '@latency_seconds, @cached, @error)',
  insertEvent:
    'INSERT INTO events (episode_id, seq, type, event_json) VALUES (@episode_id, @seq, @type, @event_json)',
} as const;
