import type { StoreMigration } from './store-migration.js';

/**
 * The SQL of schema version 1: runs, their episodes, and each episode's steps, model calls and events. Times are ISO
 * 8601 text in UTC; flags are 0/1 integers; `*_json` columns hold JSON text.
 *
 * @example
 * ```ts
 * new Database(':memory:').exec(INITIAL_SCHEMA_SQL);
 * ```
 */
export const INITIAL_SCHEMA_SQL = `
CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('eval', 'train', 'loop')),
  env_id TEXT NOT NULL,
  agent TEXT,
  model TEXT,
  backend TEXT,
  config_json TEXT NOT NULL DEFAULT '{}',
  code_version TEXT,
  seeds_json TEXT NOT NULL DEFAULT '[]',
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
  summary_json TEXT
);
CREATE INDEX runs_started_at ON runs (started_at);

CREATE TABLE episodes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  episode_index INTEGER NOT NULL,
  seed INTEGER,
  task_id TEXT,
  return REAL NOT NULL,
  length INTEGER NOT NULL,
  terminated INTEGER NOT NULL,
  truncated INTEGER NOT NULL,
  termination_reason TEXT,
  error TEXT,
  metrics_json TEXT NOT NULL DEFAULT '{}',
  cost_usd REAL NOT NULL DEFAULT 0,
  input_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  started_at TEXT,
  ended_at TEXT,
  duration_ms REAL,
  UNIQUE (run_id, episode_index)
);

CREATE TABLE steps (
  episode_id INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
  step_index INTEGER NOT NULL,
  observation TEXT,
  action_json TEXT,
  reward REAL NOT NULL,
  terminated INTEGER NOT NULL,
  truncated INTEGER NOT NULL,
  info_json TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (episode_id, step_index)
);

CREATE TABLE model_calls (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  episode_id INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
  call_index INTEGER NOT NULL,
  step_index INTEGER,
  model_id TEXT NOT NULL,
  answered_model_id TEXT,
  messages_json TEXT NOT NULL DEFAULT '[]',
  response TEXT,
  input_tokens INTEGER NOT NULL DEFAULT 0,
  output_tokens INTEGER NOT NULL DEFAULT 0,
  cost_usd REAL NOT NULL DEFAULT 0,
  latency_seconds REAL NOT NULL DEFAULT 0,
  cached INTEGER NOT NULL DEFAULT 0,
  error TEXT
);
CREATE INDEX model_calls_episode ON model_calls (episode_id, call_index);

CREATE TABLE events (
  episode_id INTEGER NOT NULL REFERENCES episodes (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  event_json TEXT NOT NULL,
  PRIMARY KEY (episode_id, seq)
);
`;

/**
 * Migration 1: the initial schema.
 *
 * @example
 * ```ts
 * const migrations = [initialSchema];
 * ```
 */
export const initialSchema: StoreMigration = { version: 1, name: 'initial schema', sql: INITIAL_SCHEMA_SQL };
