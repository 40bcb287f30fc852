// Per-episode metrics as CSV and/or JSON lines, buffered, and cut back to a checkpoint when a run resumes.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EpisodeMetrics } from '../agents/learning/train-agent.js';
import type { EvaluationPoint } from './training-checkpoint.js';
import { writeFileAtomic } from './training-checkpoint.js';

/** One training episode as logged: its metrics as `trainAgent` reports them, and any evaluation made after it. */
export interface EpisodeLogRow extends EpisodeMetrics {
  /** The evaluation made right after this episode, if one was. */
  evaluation?: EvaluationPoint | undefined;
}

/** Options of {@link MetricsLog.open}. */
export interface MetricsLogOptions {
  csvPath?: string | undefined;
  jsonlPath?: string | undefined;
  /** The algorithm's metric names, in CSV column order (others still go to JSON lines). */
  metricNames: readonly string[];
  /** Keep the rows of episodes before this one (a resume); `undefined` starts the files afresh. */
  resumeAt?: number | undefined;
}

const BASE_COLUMNS = [
  'episode',
  'seed',
  'return',
  'length',
  'terminated',
  'truncated',
  'total_steps',
  'duration_ms',
];
const EVALUATION_COLUMNS = ['eval_mean_return', 'eval_success_rate', 'eval_mean_length'];
const FLUSH_EVERY_MS = 1000;

/**
 * The training metrics files. CSV: one row per episode with fixed columns (the base figures, the algorithm's
 * metrics, the evaluation made after it, empty when none). JSON lines: `{"type":"episode",…}` per episode and
 * `{"type":"evaluation",…}` per evaluation. Rows are buffered and written at least every second and on
 * {@link flush}; on resume, rows of episodes at or after the checkpoint are dropped, so none is logged twice.
 *
 * @example
 * ```ts
 * const log = MetricsLog.open({ csvPath: 'metrics.csv', metricNames: ['epsilon', 'loss'] });
 * log.append(row);
 * log.close();
 * ```
 */
export class MetricsLog {
  private readonly csvPath: string | undefined;
  private readonly jsonlPath: string | undefined;
  private readonly columns: string[];
  private csvBuffer = '';
  private jsonlBuffer = '';
  private lastFlush = performance.now();

  private constructor(options: MetricsLogOptions, columns: string[]) {
    this.csvPath = options.csvPath;
    this.jsonlPath = options.jsonlPath;
    this.columns = columns;
  }

  /** Opens (creates, or cuts back to `resumeAt`) the files. */
  static open(options: MetricsLogOptions): MetricsLog {
    let columns = [...BASE_COLUMNS, ...options.metricNames, ...EVALUATION_COLUMNS];
    if (options.csvPath !== undefined) {
      const kept =
        options.resumeAt === undefined ? undefined : keptLines(options.csvPath, options.resumeAt, 'csv');
      if (kept !== undefined && kept.length > 0) columns = kept[0]!.split(',');
      const lines = kept !== undefined && kept.length > 0 ? kept : [columns.join(',')];
      writeFileAtomic(options.csvPath, `${lines.join('\n')}\n`);
    }
    if (options.jsonlPath !== undefined) {
      const kept =
        options.resumeAt === undefined ? [] : (keptLines(options.jsonlPath, options.resumeAt, 'jsonl') ?? []);
      mkdirSync(dirname(options.jsonlPath), { recursive: true });
      writeFileAtomic(options.jsonlPath, kept.map((line) => `${line}\n`).join(''));
    }
    return new MetricsLog(options, columns);
  }

  /** Adds one episode (and its evaluation, if any). */
  append(row: EpisodeLogRow): void {
    if (this.csvPath !== undefined) this.csvBuffer += `${this.csvRow(row)}\n`;
    if (this.jsonlPath !== undefined) {
      this.jsonlBuffer += `${JSON.stringify({
        type: 'episode',
        episode: row.episode,
        seed: row.seed ?? null,
        return: row.return,
        length: row.length,
        terminated: row.terminated,
        truncated: row.truncated,
        totalSteps: row.totalSteps,
        durationMs: Math.round(row.durationMs * 1000) / 1000,
        metrics: row.metrics,
      })}\n`;
      if (row.evaluation !== undefined) {
        this.jsonlBuffer += `${JSON.stringify({ type: 'evaluation', ...row.evaluation })}\n`;
      }
    }
    if (performance.now() - this.lastFlush >= FLUSH_EVERY_MS) this.flush();
  }

  /** Writes what is buffered. */
  flush(): void {
    if (this.csvPath !== undefined && this.csvBuffer !== '') appendFileSync(this.csvPath, this.csvBuffer);
    if (this.jsonlPath !== undefined && this.jsonlBuffer !== '')
      appendFileSync(this.jsonlPath, this.jsonlBuffer);
    this.csvBuffer = '';
    this.jsonlBuffer = '';
    this.lastFlush = performance.now();
  }

  close(): void {
    this.flush();
  }

  private csvRow(row: EpisodeLogRow): string {
    const evaluation = row.evaluation;
    const cells = this.columns.map((column): string => {
      switch (column) {
        case 'episode':
          return String(row.episode);
        case 'seed':
          return row.seed === undefined ? '' : String(row.seed);
        case 'return':
          return String(row.return);
        case 'length':
          return String(row.length);
        case 'terminated':
          return row.terminated ? '1' : '0';
        case 'truncated':
          return row.truncated ? '1' : '0';
        case 'total_steps':
          return String(row.totalSteps);
        case 'duration_ms':
          return row.durationMs.toFixed(3);
        case 'eval_mean_return':
          return evaluation === undefined ? '' : String(evaluation.meanReturn);
        case 'eval_success_rate':
          return evaluation === undefined ? '' : String(evaluation.successRate);
        case 'eval_mean_length':
          return evaluation === undefined ? '' : String(evaluation.meanLength);
        default: {
          const value = row.metrics[column];
          return value === undefined ? '' : String(value);
        }
      }
    });
    return cells.join(',');
  }
}

/** The lines of an existing log that belong to episodes before `resumeAt` (the CSV header kept). */
function keptLines(path: string, resumeAt: number, kind: 'csv' | 'jsonl'): string[] | undefined {
  if (!existsSync(path)) return undefined;
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
  if (kind === 'csv') {
    const [header, ...rows] = lines;
    if (header === undefined) return undefined;
    return [header, ...rows.filter((line) => Number(line.slice(0, line.indexOf(','))) < resumeAt)];
  }
  return lines.filter((line) => {
    try {
      const entry = JSON.parse(line) as { type?: string; episode?: number };
      // An evaluation point's `episode` counts the episodes before it (so it follows episode `episode - 1`).
      const episode = entry.type === 'evaluation' ? (entry.episode ?? 0) - 1 : (entry.episode ?? 0);
      return episode < resumeAt;
    } catch {
      return false;
    }
  });
}
