// A writer killed with SIGKILL in the middle of an episode's transaction leaves a readable store with every
// committed episode and no trace of the one in flight. The child writes with the store's own schema and statements.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openRunStore } from './run-store.js';
import { STORE_SQL } from './store-statements.js';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'loopgym-crash-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

const COMMITTED = 5;
const STEPS = 40;

function childScript(databasePath: string): string {
  const driver = pathToFileURL(createRequire(import.meta.url).resolve('better-sqlite3')).href;
  return `
import Database from ${JSON.stringify(driver)};
const SQL = ${JSON.stringify(STORE_SQL)};
const database = new Database(${JSON.stringify(databasePath)});
database.pragma('journal_mode = WAL');
database.pragma('foreign_keys = ON');
// A tiny page cache makes the open transaction spill uncommitted pages into the WAL before the kill.
database.pragma('cache_size = 4');
const insertEpisode = database.prepare(SQL.insertEpisode);
const insertStep = database.prepare(SQL.insertStep);
const insertEvent = database.prepare(SQL.insertEvent);
const big = 'x'.repeat(4000);
function write(index, hang) {
  const id = Number(insertEpisode.run({
    run_id: 'crash-run', episode_index: index, seed: index, task_id: null, return: index, length: ${STEPS},
    terminated: 1, truncated: 0, termination_reason: null, error: null, metrics_json: '{}', cost_usd: 0,
    input_tokens: 0, output_tokens: 0, started_at: null, ended_at: null, duration_ms: null,
  }).lastInsertRowid);
  for (let step = 0; step < ${STEPS}; step++) {
    insertStep.run({ episode_id: id, step_index: step, observation: big + step, action_json: String(step),
      reward: 1, terminated: 0, truncated: 0, info_json: '{}' });
    if (hang && step === ${STEPS / 2}) {
      process.stdout.write('in-flight\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000);
    }
  }
  insertEvent.run({ episode_id: id, seq: 0, type: 'episode-end', event_json: '{}' });
}
for (let index = 0; index < ${COMMITTED}; index++) {
  database.transaction(() => write(index, false))();
  process.stdout.write('committed ' + index + '\\n');
}
database.transaction(() => write(${COMMITTED}, true))();
`;
}

it('keeps every committed episode and none of the one in flight after SIGKILL', async () => {
  const databasePath = join(directory, 'runs.db');
  const setup = openRunStore(databasePath);
  setup.startRun({ kind: 'eval', envId: 'FrozenLake-v1', id: 'crash-run' });
  setup.close();
  const script = join(directory, 'writer.mjs');
  writeFileSync(script, childScript(databasePath));

  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exit = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('in-flight')) resolve();
    });
    child.on('exit', () => reject(new Error(`the writer exited before the kill: ${errors}`)));
  });
  child.kill('SIGKILL');
  expect(await exit).toBe('SIGKILL');
  expect(output.match(/committed \d+/g)).toHaveLength(COMMITTED);

  const store = openRunStore(databasePath);
  expect(store.completedEpisodeIndexes('crash-run')).toEqual([0, 1, 2, 3, 4]);
  for (const episode of store.episodes('crash-run')) {
    expect(store.steps(episode.id)).toHaveLength(STEPS);
    expect(store.events(episode.id)).toHaveLength(1);
  }
  store.close();
  const database = new Database(databasePath, { readonly: true });
  expect(database.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(
    database
      .prepare('SELECT COUNT(*) AS n FROM steps WHERE episode_id NOT IN (SELECT id FROM episodes)')
      .get(),
  ).toEqual({ n: 0 });
  expect(database.prepare('SELECT COUNT(*) AS n FROM steps').get()).toEqual({ n: COMMITTED * STEPS });
  database.close();
}, 30_000);
