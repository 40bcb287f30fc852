import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRunStore } from '../../store/run-store.js';
import { fillStore, runCommand, temporaryDirectory } from './__fixtures__/store-command-fixture.js';
import { addShowCommand } from './show-command.js';

const show = (argv: string[]) =>
  runCommand((program, io) => addShowCommand(program, io, { environment: {} }), ['show', ...argv]);

describe('loopgym show', () => {
  it('prints a run found by a unique prefix: config, code version, seeds, timings, status, summary', async () => {
    const store = fillStore(temporaryDirectory());
    const { code, out } = await show(['aa11', '--store', store]);
    expect(code).toBe(0);
    expect(out).toContain('Run aa11bb22-0000-4000-8000-000000000001\n');
    for (const fact of [
      /kind\s+eval/,
      /status\s+completed/,
      /environment\s+text\/wordle-v0/,
      /agent\s+llm/,
      /model\s+openai:gpt-4\.1-mini/,
      /backend\s+live/,
      /code version\s+0\.1\.0\+abcdef123456/,
      /seeds\s+0\.\.3, 10 \(5 seeds\)/,
      /started \(UTC\)\s+2025-03-01 10:00:00/,
      /finished \(UTC\)\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/,
      /episodes\s+2 \(1 with errors\)/,
      /steps\s+3/,
      /mean return\s+0\.5/,
      /success\s+50%/,
      /tokens\s+300 in, 15 out/,
      /cost\s+\$0\.003/,
    ])
      expect(out).toMatch(fact);
    expect(out).toContain('Config\n  {\n    "episodes": 2,');
    expect(out).toContain('Summary\n  {\n    "meanReturn": 0.5,');
    expect(out).not.toContain('Episodes');
  });

  it('lists the episodes with --episodes', async () => {
    const store = fillStore(temporaryDirectory());
    const { out } = await show(['aa11bb22-0000-4000-8000-000000000001', '--episodes', '--store', store]);
    const table = out.slice(out.indexOf('Episodes\n')).split('\n');
    expect(table[1]).toMatch(
      /^\s+EPISODE\s+SEED\s+TASK\s+RETURN\s+STEPS\s+END\s+TOKENS\s+COST\s+DURATION\s+ERROR$/,
    );
    expect(table[2]).toMatch(/^\s+0\s+0\s+-\s+1\s+3\s+terminated\s+315\s+\$0\.003\s+1\.5 s$/);
    expect(table[3]).toMatch(/^\s+1\s+1\s+-\s+0\s+0\s+error\s+0\s+-\s+-\s+TypeError: model went away$/);
  });

  it('shows a running run without a summary or an end', async () => {
    const store = fillStore(temporaryDirectory());
    const { out } = await show(['aa99', '--store', store, '--episodes']);
    expect(out).toMatch(/status\s+running/);
    expect(out).toMatch(/finished \(UTC\)\s+-/);
    expect(out).toMatch(/duration\s+-/);
    expect(out).toMatch(/success\s+-/);
    expect(out).not.toContain('Summary');
    const empty = await show(['cc00', '--store', store, '--episodes']);
    expect(empty.out).toContain('No episodes recorded.');
  });

  it('prints JSON, with the episodes when asked', async () => {
    const store = fillStore(temporaryDirectory());
    const plain = JSON.parse((await show(['aa11', '--store', store, '--json'])).out) as Record<
      string,
      unknown
    >;
    expect(plain).toMatchObject({
      id: 'aa11bb22-0000-4000-8000-000000000001',
      status: 'completed',
      episodeCount: 2,
    });
    expect(plain['episodes']).toBeUndefined();
    const full = JSON.parse((await show(['aa11', '--store', store, '--json', '--episodes'])).out) as {
      overview: { meanReturn: number };
      episodes: { index: number; error: string | null }[];
    };
    expect(full.overview.meanReturn).toBe(0.5);
    expect(full.episodes.map((episode) => [episode.index, episode.error])).toEqual([
      [0, null],
      [1, 'TypeError: model went away'],
    ]);
  });

  it('refuses an ambiguous prefix, listing the candidates', async () => {
    const store = fillStore(temporaryDirectory());
    const { code, err } = await show(['aa', '--store', store]);
    expect(code).toBe(1);
    expect(err).toContain('Run "aa" is ambiguous: 2 runs start with it. Give more characters of the id:');
    expect(err).toContain('aa11bb22-0000-4000-8000-000000000001  eval  text/wordle-v0');
    expect(err).toContain('aa99cc33-0000-4000-8000-000000000002  eval  FrozenLake-v1');
  });

  it('refuses an unknown run, listing the newest runs', async () => {
    const store = fillStore(temporaryDirectory());
    const { code, err } = await show(['ffff', '--store', store]);
    expect(code).toBe(1);
    expect(err).toContain('No run starts with "ffff" in');
    expect(err).toContain('The newest runs:\n  aa99cc33-0000-4000-8000-000000000002');
    const directory = temporaryDirectory();
    const emptyStore = join(directory, 'empty.db');
    openRunStore(emptyStore).close();
    expect((await show(['ffff', '--store', emptyStore])).err).toContain('The store has no runs yet.');
  });

  it('refuses a missing store without creating it', async () => {
    const missing = join(temporaryDirectory(), 'none.db');
    const { code, err } = await show(['aa11', '--store', missing]);
    expect(code).toBe(1);
    expect(err).toContain(`There is no run store at ${missing} yet.`);
    expect(existsSync(missing)).toBe(false);
  });

  it('has examples in its help', async () => {
    expect((await show(['--help'])).out).toContain('$ loopgym show 3f2a --episodes');
  });
});
