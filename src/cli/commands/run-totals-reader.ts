import Database from 'better-sqlite3';
import type { StoredRun } from '../../store/run-records.js';
import { runDuration, summarySuccessRate, type RunOverview } from './run-overview.js';

interface TotalsRow {
  episodes: number;
  errors: number | null;
  mean_return: number | null;
  steps: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  success_rate: number | null;
  last_end: string | null;
}

const TOTALS_SQL =
  'SELECT COUNT(*) AS episodes, SUM(error IS NOT NULL) AS errors, AVG(return) AS mean_return, ' +
  'SUM(length) AS steps, SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens, ' +
  "SUM(cost_usd) AS cost_usd, AVG(json_extract(metrics_json, '$.success')) AS success_rate, " +
  'MAX(ended_at) AS last_end FROM episodes WHERE run_id = ?';

/**
 * Computes run overviews inside SQLite (one aggregate query per run over a read-only connection), so that listing
 * runs of many thousand episodes does not read every episode. Gives the same figures as `runOverview`.
 *
 * @example
 * ```ts
 * const totals = new RunTotalsReader(store.path);
 * const overview = totals.overview(run);
 * totals.close();
 * ```
 */
export class RunTotalsReader {
  private readonly database: Database.Database;
  private readonly totals: Database.Statement<[string], TotalsRow>;

  constructor(path: string) {
    this.database = new Database(path, { readonly: true, fileMustExist: true });
    this.totals = this.database.prepare<[string], TotalsRow>(TOTALS_SQL);
  }

  /**
   * The overview of `run` from its recorded episodes.
   *
   * @example
   * ```ts
   * totals.overview(run).meanReturn;
   * ```
   */
  overview(run: StoredRun): RunOverview {
    const row = this.totals.get(run.id)!;
    return {
      episodes: row.episodes,
      errors: row.errors ?? 0,
      meanReturn: row.mean_return,
      successRate: summarySuccessRate(run.summary) ?? row.success_rate,
      steps: row.steps ?? 0,
      inputTokens: row.input_tokens ?? 0,
      outputTokens: row.output_tokens ?? 0,
      costUsd: row.cost_usd ?? 0,
      durationSeconds: runDuration(run, row.last_end),
    };
  }

  /**
   * Closes the read-only connection.
   *
   * @example
   * ```ts
   * totals.close();
   * ```
   */
  close(): void {
    this.database.close();
  }
}
