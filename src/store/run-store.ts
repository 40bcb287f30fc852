import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { LoopEvent } from '../loop/events/loop-event.js';
import { applyMigrations } from './apply-migrations.js';
import { codeVersion } from './code-version.js';
import type { StoreMigration } from './migrations/store-migration.js';
import { STORE_MIGRATIONS } from './migrations/store-migrations.js';
import type {
  EpisodeRecord,
  RunConfig,
  RunFilter,
  RunStatus,
  StoredEpisode,
  StoredModelCall,
  StoredRun,
  StoredStep,
} from './run-records.js';
import { SqliteMemoryBackend } from './sqlite-memory-backend.js';
import { StoreError } from './store-error.js';
import type { EpisodeRow, ModelCallRow, RunRow, StepRow } from './store-rows.js';
import {
  fromEpisodeRow,
  fromModelCallRow,
  fromRunRow,
  fromStepRow,
  toErrorText,
  toJsonText,
} from './store-rows.js';
import { STORE_SQL } from './store-statements.js';

/** Where the store lives when neither an argument nor `LOOPGYM_STORE` says otherwise (relative to the cwd). */
export const DEFAULT_STORE_PATH = '.loopgym/loopgym.db';

const RUN_COLUMNS =
  'runs.*, (SELECT COUNT(*) FROM episodes WHERE episodes.run_id = runs.id) AS episode_count FROM runs';

type Parameters = Record<string, unknown>;

/**
 * The run store: runs, episodes, steps, model calls and events in one SQLite file (write-ahead logging). Each
 * episode is written in one transaction, so a crash loses at most the episodes in flight. Open it with
 * {@link openRunStore}; close it when done.
 *
 * @example
 * ```ts
 * const store = openRunStore();
 * const runId = store.startRun({ kind: 'eval', envId: 'FrozenLake-v1', agent: 'random', seeds: [0] });
 * store.recordEpisode(runId, { index: 0, seed: 0, return: 1, length: 6, terminated: true, truncated: false });
 * store.finishRun(runId, { meanReturn: 1 }, 'completed');
 * store.close();
 * ```
 */
export class RunStore {
  /** The database file (absolute), or `':memory:'`. */
  readonly path: string;
  /** The schema version of the open database. */
  readonly schemaVersion: number;
  private readonly database: Database.Database;
  private readonly statements: Record<keyof typeof STORE_SQL, Database.Statement<[Parameters]>>;
  private readonly queries;
  private readonly writeEpisode: (runId: string, episode: EpisodeRecord) => number;
  private memory: SqliteMemoryBackend | undefined;

  /** Use {@link openRunStore}. */
  constructor(path: string, migrations: readonly StoreMigration[] = STORE_MIGRATIONS) {
    this.path = path === ':memory:' ? path : resolve(path);
    if (path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
    this.database = new Database(this.path);
    try {
      this.database.pragma('journal_mode = WAL');
      this.database.pragma('busy_timeout = 5000');
      this.database.pragma('foreign_keys = ON');
      this.schemaVersion = applyMigrations(this.database, migrations, this.path);
    } catch (error) {
      this.database.close();
      throw error;
    }
    const prepare = (sql: string): Database.Statement<[Parameters]> => this.database.prepare(sql);
    this.statements = {
      insertRun: prepare(STORE_SQL.insertRun),
      finishRun: prepare(STORE_SQL.finishRun),
      resumeRun: prepare(STORE_SQL.resumeRun),
      insertEpisode: prepare(STORE_SQL.insertEpisode),
      insertStep: prepare(STORE_SQL.insertStep),
      insertModelCall: prepare(STORE_SQL.insertModelCall),
      insertEvent: prepare(STORE_SQL.insertEvent),
    };
    const database = this.database;
    this.queries = {
      runById: database.prepare<[string], RunRow>(`SELECT ${RUN_COLUMNS} WHERE id = ?`),
      runsByPrefix: database.prepare<[{ prefix: string }], RunRow>(
        `SELECT ${RUN_COLUMNS} WHERE substr(id, 1, length(@prefix)) = @prefix ORDER BY started_at DESC LIMIT 5`,
      ),
      listRuns: database.prepare<[Parameters], RunRow>(
        `SELECT ${RUN_COLUMNS} WHERE (@kind IS NULL OR kind = @kind) AND (@env_id IS NULL OR env_id = @env_id) ` +
          'AND (@status IS NULL OR status = @status) ORDER BY started_at DESC, rowid DESC LIMIT @limit',
      ),
      episodes: database.prepare<[string], EpisodeRow>(
        'SELECT * FROM episodes WHERE run_id = ? ORDER BY episode_index',
      ),
      steps: database.prepare<[number], StepRow>(
        'SELECT * FROM steps WHERE episode_id = ? ORDER BY step_index',
      ),
      modelCalls: database.prepare<[number], ModelCallRow>(
        'SELECT * FROM model_calls WHERE episode_id = ? ORDER BY call_index',
      ),
      events: database.prepare<[number], { event_json: string }>(
        'SELECT event_json FROM events WHERE episode_id = ? ORDER BY seq',
      ),
      completed: database.prepare<[string], { episode_index: number }>(
        'SELECT episode_index FROM episodes WHERE run_id = ? ORDER BY episode_index',
      ),
      runExists: database.prepare<[string], { found: number }>('SELECT 1 AS found FROM runs WHERE id = ?'),
      episodeExists: database.prepare<[string, number], { id: number }>(
        'SELECT id FROM episodes WHERE run_id = ? AND episode_index = ?',
      ),
    };
    this.writeEpisode = this.database.transaction((runId: string, episode: EpisodeRecord) =>
      this.insertEpisode(runId, episode),
    );
  }

  /**
   * Records a new run (status `running`) and returns its id.
   *
   * @example
   * ```ts
   * const runId = store.startRun({ kind: 'loop', envId: 'loop/code-review-v1', backend: 'sim', model: 'sim:coder' });
   * ```
   */
  startRun(config: RunConfig): string {
    const id = config.id ?? randomUUID();
    this.statements.insertRun.run({
      id,
      kind: config.kind,
      env_id: config.envId,
      agent: config.agent ?? null,
      model: config.model ?? null,
      backend: config.backend ?? null,
      config_json: JSON.stringify(config.config ?? {}),
      code_version: config.codeVersion ?? codeVersion(),
      seeds_json: JSON.stringify(config.seeds ?? []),
      started_at: (config.startedAt ?? new Date()).toISOString(),
    });
    return id;
  }

  /**
   * Writes a finished episode with its steps, model calls and events in one transaction, and returns the
   * episode's row id. An episode index already recorded for the run is refused.
   *
   * @example
   * ```ts
   * store.recordEpisode(runId, { index: 3, seed: 3, return: 0, length: 2, terminated: true, truncated: false });
   * ```
   */
  recordEpisode(runId: string, episode: EpisodeRecord): number {
    return this.writeEpisode(runId, episode);
  }

  /**
   * Marks a run as running again (an interrupted or crashed run being resumed): `running`, no finish time; its
   * recorded episodes and summary stay until `finishRun` replaces the summary.
   *
   * @example
   * ```ts
   * store.resumeRun(runId);
   * store.getRun(runId).status; // 'running'
   * ```
   */
  resumeRun(runId: string): void {
    const result = this.statements.resumeRun.run({ id: runId });
    if (result.changes === 0) throw this.notFound(runId);
  }

  /**
   * Marks a run finished with its summary (any JSON) and status.
   *
   * @example
   * ```ts
   * store.finishRun(runId, { meanReturn: 0.7 }, 'completed');
   * ```
   */
  finishRun(runId: string, summary: unknown, status: Exclude<RunStatus, 'running'> = 'completed'): void {
    const result = this.statements.finishRun.run({
      id: runId,
      finished_at: new Date().toISOString(),
      status,
      summary_json: toJsonText(summary),
    });
    if (result.changes === 0) throw this.notFound(runId);
  }

  /**
   * Runs newest first, optionally filtered (at most 1000 unless `limit` says otherwise).
   *
   * @example
   * ```ts
   * const latest = store.listRuns({ limit: 1 })[0];
   * ```
   */
  listRuns(filter: RunFilter = {}): StoredRun[] {
    return this.queries.listRuns
      .all({
        kind: filter.kind ?? null,
        env_id: filter.envId ?? null,
        status: filter.status ?? null,
        limit: filter.limit ?? 1000,
      })
      .map(fromRunRow);
  }

  /**
   * A run by its id or a unique prefix of it; throws a {@link StoreError} when none or several match.
   *
   * @example
   * ```ts
   * const run = store.getRun('3f2a9c');
   * ```
   */
  getRun(idOrPrefix: string): StoredRun {
    const exact = this.queries.runById.get(idOrPrefix);
    if (exact !== undefined) return fromRunRow(exact);
    const matches = idOrPrefix === '' ? [] : this.queries.runsByPrefix.all({ prefix: idOrPrefix });
    if (matches.length === 1) return fromRunRow(matches[0]!);
    if (matches.length > 1)
      throw new StoreError(
        `Run "${idOrPrefix}" is ambiguous: it starts ${matches.map((row) => row.id).join(', ')}` +
          `${matches.length === 5 ? ', …' : ''}. Give more characters of the id.`,
        { code: 'run-ambiguous' },
      );
    throw this.notFound(idOrPrefix);
  }

  /**
   * The episodes of a run, by index.
   *
   * @example
   * ```ts
   * const returns = store.episodes(runId).map((episode) => episode.return);
   * ```
   */
  episodes(runId: string): StoredEpisode[] {
    return this.queries.episodes.all(runId).map(fromEpisodeRow);
  }

  /**
   * The steps of an episode (by its row id), in order.
   *
   * @example
   * ```ts
   * const actions = store.steps(episode.id).map((step) => step.action);
   * ```
   */
  steps(episodeId: number): StoredStep[] {
    return this.queries.steps.all(episodeId).map(fromStepRow);
  }

  /**
   * The model calls of an episode, in order.
   *
   * @example
   * ```ts
   * const cost = store.modelCalls(episode.id).reduce((sum, call) => sum + call.costUsd, 0);
   * ```
   */
  modelCalls(episodeId: number): StoredModelCall[] {
    return this.queries.modelCalls.all(episodeId).map(fromModelCallRow);
  }

  /**
   * The events of an episode, by `seq`.
   *
   * @example
   * ```ts
   * const scores = store.events(episode.id).filter((event) => event.type === 'evaluator-score');
   * ```
   */
  events(episodeId: number): LoopEvent[] {
    return this.queries.events.all(episodeId).map((row) => JSON.parse(row.event_json) as LoopEvent);
  }

  /**
   * The indexes of the episodes already recorded for a run, ascending (what `--resume` skips).
   *
   * @example
   * ```ts
   * const done = new Set(store.completedEpisodeIndexes(runId));
   * ```
   */
  completedEpisodeIndexes(runId: string): number[] {
    return this.queries.completed.all(runId).map((row) => row.episode_index);
  }

  /**
   * Where loops keep their `persistent` memory in this store (one backend per store, shared by every loop using it).
   *
   * @example
   * ```ts
   * const env = make('my-loop.yaml', { services: { memoryBackend: store.memoryBackend() } });
   * ```
   */
  memoryBackend(): SqliteMemoryBackend {
    this.memory ??= new SqliteMemoryBackend(this.database);
    return this.memory;
  }

  /**
   * Closes the database (checkpointing the write-ahead log).
   *
   * @example
   * ```ts
   * store.close();
   * ```
   */
  close(): void {
    if (this.database.open) this.database.close();
  }

  private insertEpisode(runId: string, episode: EpisodeRecord): number {
    if (this.queries.episodeExists.get(runId, episode.index) !== undefined)
      throw new StoreError(
        `Episode ${episode.index} of run ${runId} is already recorded. Skip the indexes in ` +
          'completedEpisodeIndexes(runId) when resuming.',
        { code: 'episode-duplicate' },
      );
    // Not runById: its episode count scans the run's episodes, which made writing n episodes cost O(n²).
    if (this.queries.runExists.get(runId) === undefined) throw this.notFound(runId);
    const calls = episode.modelCalls ?? [];
    const usage = episode.usage ?? {
      inputTokens: calls.reduce((sum, call) => sum + call.usage.inputTokens, 0),
      outputTokens: calls.reduce((sum, call) => sum + call.usage.outputTokens, 0),
    };
    const inserted = this.statements.insertEpisode.run({
      run_id: runId,
      episode_index: episode.index,
      seed: episode.seed ?? null,
      task_id: episode.taskId ?? null,
      return: episode.return,
      length: episode.length,
      terminated: episode.terminated ? 1 : 0,
      truncated: episode.truncated ? 1 : 0,
      termination_reason: episode.terminationReason ?? null,
      error: toErrorText(episode.error),
      metrics_json: JSON.stringify(episode.metrics ?? {}),
      cost_usd: episode.costUsd ?? calls.reduce((sum, call) => sum + call.costUsd, 0),
      input_tokens: usage.inputTokens,
      output_tokens: usage.outputTokens,
      started_at: episode.startedAt?.toISOString() ?? null,
      ended_at: episode.endedAt?.toISOString() ?? null,
      duration_ms: episode.durationMs ?? null,
    });
    const episodeId = Number(inserted.lastInsertRowid);
    for (const step of episode.steps ?? [])
      this.statements.insertStep.run({
        episode_id: episodeId,
        step_index: step.index,
        observation: step.observation ?? null,
        action_json: toJsonText(step.action),
        reward: step.reward,
        terminated: step.terminated ? 1 : 0,
        truncated: step.truncated ? 1 : 0,
        info_json: JSON.stringify(step.info ?? {}),
      });
    calls.forEach((call, callIndex) =>
      this.statements.insertModelCall.run({
        episode_id: episodeId,
        call_index: callIndex,
        step_index: call.step ?? null,
        model_id: call.modelId,
        answered_model_id: call.answeredModelId ?? null,
        messages_json: JSON.stringify(call.messages),
        response: call.response ?? null,
        input_tokens: call.usage.inputTokens,
        output_tokens: call.usage.outputTokens,
        cost_usd: call.costUsd,
        latency_seconds: call.latencySeconds,
        cached: call.cached ? 1 : 0,
        error: toErrorText(call.error),
      }),
    );
    // `seq` is the event's position in the episode: a composed loop's children number their events on their own,
    // so the events' own `seq` (kept in event_json) can repeat within one episode.
    (episode.events ?? []).forEach((event, position) =>
      this.statements.insertEvent.run({
        episode_id: episodeId,
        seq: position,
        type: event.type,
        event_json: JSON.stringify(event),
      }),
    );
    return episodeId;
  }

  private notFound(runId: string): StoreError {
    return new StoreError(
      `No run "${runId}" in the store ${this.path}. List the runs with \`loopgym runs\` (and check --store).`,
      { code: 'run-not-found' },
    );
  }
}

/**
 * Options of {@link openRunStore}.
 *
 * @example
 * ```ts
 * openRunStore(undefined, { environment: { LOOPGYM_STORE: '/tmp/runs.db' } });
 * ```
 */
export interface OpenRunStoreOptions {
  /** Where `LOOPGYM_STORE` is read from (default `process.env`). */
  environment?: Readonly<Record<string, string | undefined>> | undefined;
  /** The schema steps (default {@link STORE_MIGRATIONS}; tests pass their own). */
  migrations?: readonly StoreMigration[] | undefined;
}

/**
 * Where the store is: the argument, else `LOOPGYM_STORE`, else `.loopgym/loopgym.db` in the current directory.
 *
 * @example
 * ```ts
 * resolveStorePath(undefined, {}); // '<cwd>/.loopgym/loopgym.db'
 * ```
 */
export function resolveStorePath(
  path?: string,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const chosen = path ?? (environment['LOOPGYM_STORE'] || undefined) ?? DEFAULT_STORE_PATH;
  return chosen === ':memory:' ? chosen : resolve(chosen);
}

/**
 * Opens (creating the file and its directory, and migrating an older schema) the run store.
 *
 * @example
 * ```ts
 * const store = openRunStore(); // .loopgym/loopgym.db, or $LOOPGYM_STORE
 * console.log(store.listRuns().length);
 * store.close();
 * ```
 */
export function openRunStore(path?: string, options: OpenRunStoreOptions = {}): RunStore {
  return new RunStore(resolveStorePath(path, options.environment), options.migrations);
}
