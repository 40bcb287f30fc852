// The LoopBench leaderboard (`leaderboard/entries.json`): ranking rows as ROW_SCHEMA.md says, and a printable table.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { InvalidArgumentError } from '../core/errors.js';
import { loopBenchDataDirectory } from './load-loopbench.js';
import type { BenchSubmission } from './loopbench-submission.js';

const scoreSchema = z.looseObject({
  les_observed: z.number(),
  les_display: z.number(),
  rank_score: z.number(),
});
const entrySchema = z.looseObject({
  submission_id: z.string().optional(),
  submitter: z.string(),
  spec_path: z.string(),
  backend: z.string().optional(),
  partial: z.boolean().optional(),
  results: z.array(z.looseObject({ task_id: z.string() })),
  composite: scoreSchema,
  grand_composite: scoreSchema.optional(),
  suite_scores: z.record(z.string(), scoreSchema).optional(),
});
const entriesSchema = z.looseObject({ version: z.string(), entries: z.array(entrySchema) });

/** One row of the leaderboard. */
export interface LeaderboardRow {
  rank: number;
  submitter: string;
  specPath: string;
  /** The score the row is ranked by (`grand_composite.rank_score`, else `composite.rank_score`). */
  rankScore: number;
  display: number;
  tasks: string[];
  /** Excluded from the generalist rank (fewer than four suites, or `partial`). */
  partial: boolean;
  /** The row that was added (the new submission). */
  isNew: boolean;
}

/**
 * Reads the leaderboard's entries (default: the one shipped with LoopGym).
 *
 * @throws {InvalidArgumentError} when the file is not a leaderboard.
 * @example
 * ```ts
 * readLeaderboardEntries().length; // 6
 * ```
 */
export function readLeaderboardEntries(
  file: string = join(loopBenchDataDirectory(), 'leaderboard', 'entries.json'),
): z.infer<typeof entrySchema>[] {
  const result = entriesSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (!result.success) {
    throw new InvalidArgumentError(
      `${file} is not a LoopBench leaderboard: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}.`,
    );
  }
  return result.data.entries;
}

/**
 * Ranks the entries (and a new submission) by `grand_composite.rank_score`, falling back on `composite.rank_score`
 * (ROW_SCHEMA.md), best first; ties keep file order. Partial rows are ranked on the same score but marked: the
 * generalist tab excludes them.
 *
 * @example
 * ```ts
 * rankLeaderboard(readLeaderboardEntries(), submission)[0]?.submitter;
 * ```
 */
export function rankLeaderboard(
  entries: readonly z.infer<typeof entrySchema>[],
  submission?: BenchSubmission,
): LeaderboardRow[] {
  const rows = [...entries, ...(submission === undefined ? [] : [submission])].map((entry, index) => {
    const score = entry.grand_composite ?? entry.composite;
    return {
      rank: 0,
      submitter: entry.submitter,
      specPath: entry.spec_path,
      rankScore: score.rank_score,
      display: score.les_display,
      tasks: entry.results.map((result) => result.task_id),
      partial: entry.partial === true || Object.keys(entry.suite_scores ?? {}).length < 4,
      isNew: submission !== undefined && index === entries.length,
    };
  });
  rows.sort((a, b) => b.rankScore - a.rankScore);
  rows.forEach((row, index) => (row.rank = index + 1));
  return rows;
}

/**
 * The leaderboard as a text table (the new row marked `*`).
 *
 * @example
 * ```ts
 * console.log(formatLeaderboard(rankLeaderboard(readLeaderboardEntries(), submission)));
 * ```
 */
export function formatLeaderboard(rows: readonly LeaderboardRow[]): string {
  const header = ['rank', 'LES', 'submitter', 'tasks', 'generalist', 'spec'];
  const body = rows.map((row) => [
    `${row.isNew ? '*' : ' '}${row.rank}`,
    row.display.toFixed(1),
    row.submitter,
    row.tasks.join(','),
    row.partial ? 'no (partial)' : 'yes',
    row.specPath,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => cells[column]!.length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...body.map(line)].join('\n');
}
