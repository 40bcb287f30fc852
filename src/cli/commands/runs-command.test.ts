import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillStore, runCommand, temporaryDirectory } from './__fixtures__/store-command-fixture.js';
import { addRunsCommand } from './runs-command.js';

const runs = (argv: string[], environment: Record<string, string> = {}) =>
  runCommand((program, io) => addRunsCommand(program, io, { environment }), ['runs', ...argv]);

describe('loopgym runs', () => {
  it('lists the runs newest first with their figures', async () => {
    const store = fillStore(temporaryDirectory());
    const { code, out } = await runs(['--store', store]);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^RUN\s+KIND\s+ENV\s+AGENT\/MODEL\s+BACKEND\s+STARTED \(UTC\)\s+STATUS\s+EPISODES\s+MEAN RETURN\s+SUCCESS\s+COST$/,
    );
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual(['aa99cc33', 'aa11bb22', 'cc00dd44']);
    expect(lines[1]).toMatch(
      /eval\s+FrozenLake-v1\s+random\s+-\s+2025-03-02 09:30:00\s+running\s+3\s+0\.333\s+-\s+-$/,
    );
    expect(lines[2]).toMatch(
      /text\/wordle-v0\s+openai:gpt-4\.1-mini\s+live\s+2025-03-01 10:00:00\s+completed\s+2 \(1 err\)\s+0\.5\s+50%\s+\$0\.003$/,
    );
    expect(lines[3]).toMatch(
      /loop\s+loopbench\/code-repair-v1\s+sim:coder\s+sim\s+.*interrupted\s+0\s+-\s+-\s+-$/,
    );
  });

  it('filters by environment, kind and status, and limits', async () => {
    const store = fillStore(temporaryDirectory());
    const ids = async (argv: string[]) =>
      (JSON.parse((await runs(['--store', store, '--json', ...argv])).out) as { id: string }[]).map((run) =>
        run.id.slice(0, 8),
      );
    expect(await ids(['--env', 'text/wordle-v0'])).toEqual(['aa11bb22']);
    expect(await ids(['--kind', 'loop'])).toEqual(['cc00dd44']);
    expect(await ids(['--status', 'running'])).toEqual(['aa99cc33']);
    expect(await ids(['--limit', '2'])).toEqual(['aa99cc33', 'aa11bb22']);
    expect(await ids(['--kind', 'train'])).toEqual([]);
  });

  it('prints JSON with the overview of each run', async () => {
    const store = fillStore(temporaryDirectory());
    const [first] = JSON.parse((await runs(['--store', store, '--json', '--env', 'text/wordle-v0'])).out) as {
      seeds: number[];
      config: unknown;
      overview: Record<string, unknown>;
    }[];
    expect(first!.seeds).toEqual([0, 1, 2, 3, 10]);
    expect(first!.config).toEqual({ episodes: 2, maxEpisodeSteps: 20 });
    expect(first!.overview).toMatchObject({
      episodes: 2,
      errors: 1,
      meanReturn: 0.5,
      successRate: 0.5,
      steps: 3,
      inputTokens: 300,
      outputTokens: 15,
    });
    expect(first!.overview['costUsd']).toBeCloseTo(0.003, 10);
  });

  it('reads LOOPGYM_STORE when --store is not given', async () => {
    const store = fillStore(temporaryDirectory());
    const { out } = await runs(['--kind', 'loop'], { LOOPGYM_STORE: store });
    expect(out).toContain('cc00dd44');
  });

  it('says how to create runs when the store does not exist, without creating it', async () => {
    const missing = join(temporaryDirectory(), 'nested', 'none.db');
    const { code, out, err } = await runs(['--store', missing]);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toContain(`there is no run store at ${missing}`);
    expect(err).toContain('loopgym eval');
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(missing, '..'))).toBe(false);
    expect((await runs(['--store', missing, '--json'])).out).toBe('[]\n');
  });

  it('says so when no run matches', async () => {
    const store = fillStore(temporaryDirectory());
    const { code, out, err } = await runs(['--store', store, '--env', 'CartPole-v1']);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toContain('No runs match');
  });

  it('refuses a bad kind, status or limit with the allowed values', async () => {
    const store = fillStore(temporaryDirectory());
    const kind = await runs(['--store', store, '--kind', 'evals']);
    expect(kind.code).toBe(1);
    expect(kind.err).toContain('--kind must be one of eval, train, loop; got `evals`');
    expect((await runs(['--store', store, '--status', 'done'])).err).toContain(
      'running, completed, failed, interrupted',
    );
    expect((await runs(['--store', store, '--limit', 'many'])).err).toContain(
      '--limit must be a non-negative integer',
    );
  });

  it('has examples in its help', async () => {
    const { code, out } = await runs(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('$ loopgym runs --env text/wordle-v0 --kind eval --limit 5');
  });
});
