// Keeps docs/store.md true: every table and column of the schema is documented, the sqlite3 queries run, the sample
// records follow the export schemas, and the command samples have the columns and labels the commands print.
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { episodeLineSchema, rolloutResultSchema } from '../../store/export-records.js';
import { fillStore, runCommand, temporaryDirectory } from './__fixtures__/store-command-fixture.js';
import { addRunsCommand } from './runs-command.js';
import { addShowCommand } from './show-command.js';

const doc = readFileSync(new URL('../../../docs/store.md', import.meta.url), 'utf8');

function blocks(language: string): string[] {
  return [...doc.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(
    (match) => match[1]!,
  );
}

function documentedColumns(table: string): string[] {
  const start = doc.indexOf(`### \`${table}\``);
  expect(start, `a section for the table ${table}`).toBeGreaterThanOrEqual(0);
  const next = doc.indexOf('\n##', start + 1);
  return doc
    .slice(start, next === -1 ? undefined : next)
    .split('\n')
    .map((line) => /^\| `([a-z_]+)`/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

describe('docs/store.md', () => {
  const store = fillStore(temporaryDirectory());
  const database = new Database(store, { readonly: true });
  afterAll(() => database.close());
  const tables = database
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((row) => row.name);

  it('covers the tables the store creates', () => {
    expect(tables).toEqual([
      'episodes',
      'events',
      'loop_memory',
      'model_calls',
      'runs',
      'schema_migrations',
      'steps',
    ]);
  });

  it.each(tables)('documents every column of %s, in order', (table) => {
    const columns = database
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
      .all()
      .map((row) => row.name);
    expect(documentedColumns(table)).toEqual(columns);
  });

  it('has sqlite3 queries that run against a store', () => {
    const sql = blocks('sql');
    expect(sql).toHaveLength(1);
    const statements = sql[0]!
      .split(';')
      .map((statement) => statement.replace(/--.*$/gm, '').trim())
      .filter((statement) => statement !== '');
    expect(statements.length).toBeGreaterThanOrEqual(8);
    for (const statement of statements) expect(() => database.prepare(statement).all()).not.toThrow();
  });

  it('shows one record of each export format, valid by its schema', () => {
    const [jsonl, results] = blocks('json').map((text) => JSON.parse(text) as unknown);
    expect(episodeLineSchema.safeParse(jsonl).error).toBeUndefined();
    expect(rolloutResultSchema.safeParse(results).error).toBeUndefined();
  });

  it('shows the columns `loopgym runs` prints and the labels `loopgym show` prints', async () => {
    const text = blocks('text');
    const runsSample = text.find((block) => block.startsWith('$ loopgym runs'))!;
    const printed = (await runCommand(addRunsCommand, ['runs', '--store', store])).out;
    expect(runsSample.split('\n')[1]!.split(/\s{2,}/)).toEqual(printed.split('\n')[0]!.split(/\s{2,}/));
    const showSample = text.find((block) => block.startsWith('$ loopgym show'))!;
    const shown = (await runCommand(addShowCommand, ['show', 'aa11', '--episodes', '--store', store])).out;
    const labels = (output: string): string[] =>
      output
        .split('\n')
        .map((line) => /^ {2}([a-z][a-z ()UTC]*?) {2,}/.exec(line)?.[1])
        .filter((label): label is string => label !== undefined);
    expect(labels(shown)).toHaveLength(17);
    expect(labels(showSample)).toEqual(labels(shown));
    expect(showSample).toMatch(/^Episodes\n {2}EPISODE\s+SEED/m);
  });
});
