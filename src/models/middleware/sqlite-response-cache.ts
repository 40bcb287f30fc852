// The response cache in an embedded SQLite file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { GenerateResult } from '../language-model.js';
import type { ResponseCache } from './response-cache.js';

const usageSchema = z.object({ inputTokens: z.number(), outputTokens: z.number() });
const toolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  arguments: z.record(z.string(), z.unknown()),
});
const resultSchema = z.object({
  text: z.string(),
  toolCalls: z.array(toolCallSchema),
  finishReason: z.enum(['stop', 'length', 'tool-calls', 'content-filter', 'error', 'other']),
  usage: usageSchema,
  latencySeconds: z.number(),
  warnings: z.array(z.string()),
  modelId: z.string(),
});

/**
 * A {@link ResponseCache} in a SQLite file (one table, `model_responses`, made on open; write-ahead logging so that
 * several processes can share it). `':memory:'` keeps it in memory. An entry that no longer reads as an answer is
 * treated as absent.
 *
 * @example
 * ```ts
 * const cache = new SqliteResponseCache('.loopgym/cache.sqlite');
 * const client = createModelClient(createModel('openai:gpt-4.1-mini'), { responseCache: cache });
 * // … later
 * cache.close();
 * ```
 */
export class SqliteResponseCache implements ResponseCache {
  readonly path: string;
  private readonly database: Database.Database;
  private readonly select: Database.Statement<[string], { result: string }>;
  private readonly upsert: Database.Statement<[string, string, number]>;

  constructor(path: string) {
    this.path = path;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.database = new Database(path);
    this.database.pragma('journal_mode = WAL');
    this.database.pragma('busy_timeout = 5000');
    this.database.exec(
      'CREATE TABLE IF NOT EXISTS model_responses (' +
        'key TEXT PRIMARY KEY, result TEXT NOT NULL, created_at INTEGER NOT NULL)',
    );
    this.select = this.database.prepare('SELECT result FROM model_responses WHERE key = ?');
    this.upsert = this.database.prepare(
      'INSERT OR REPLACE INTO model_responses (key, result, created_at) VALUES (?, ?, ?)',
    );
  }

  get(key: string): GenerateResult | undefined {
    const row = this.select.get(key);
    if (row === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.result);
    } catch {
      return undefined;
    }
    const checked = resultSchema.safeParse(parsed);
    return checked.success ? checked.data : undefined;
  }

  set(key: string, result: GenerateResult): void {
    this.upsert.run(key, JSON.stringify(result), Date.now());
  }

  /** How many answers are stored. */
  count(): number {
    const row = this.database.prepare('SELECT COUNT(*) AS n FROM model_responses').get() as { n: number };
    return row.n;
  }

  /** Closes the file. */
  close(): void {
    if (this.database.open) this.database.close();
  }
}
