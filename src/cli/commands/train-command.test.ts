import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { captureCli } from '../capture-cli.js';
import { CliExit } from '../cli-exit.js';
import type { CliIo } from '../cli-io.js';
import { addTrainCommand } from './train-command.js';

function workspace(): { directory: string; config: string; store: string } {
  const directory = mkdtempSync(join(tmpdir(), 'loopgym-cli-train-'));
  return { directory, config: join(directory, 'run.yaml'), store: join(directory, 'runs.db') };
}

describe('create-default → train → eval -c → compare', () => {
  it('runs the whole workflow from the command line', async () => {
    const { config, store } = workspace();
    const created = await captureCli('create-default', '-o', config, '--agent', 'q-learning');
    expect(created).toMatchObject({ code: 0, err: '' });
    expect(created.out).toMatch(/Wrote .*run\.yaml: q-learning on FrozenLake-v1/);
    expect(readFileSync(config, 'utf8')).toMatch(/^# LoopGym run config/);
    expect((await captureCli('create-default', '-o', config)).code).toBe(1);
    expect((await captureCli('create-default', '-o', config, '--agent', 'q-learning', '--force')).code).toBe(
      0,
    );

    const trained = await captureCli('train', '-c', config, '--store', store, '--json');
    expect(trained.code).toBe(0);
    const result = JSON.parse(trained.out) as {
      runId: string;
      episodes: number;
      evaluations: { meanReturn: number }[];
    };
    expect(result.episodes).toBe(300);
    expect(result.evaluations.at(-1)!.meanReturn).toBe(1);
    expect(trained.err).toMatch(/checkpoint .*checkpoint-0000300\.json/);

    const evaluated = await captureCli(
      'eval',
      '-c',
      config,
      '--checkpoint',
      'latest',
      '--store',
      store,
      '-n',
      '20',
      '--json',
    );
    expect(evaluated.code).toBe(0);
    const evaluation = JSON.parse(evaluated.out) as {
      runId: string;
      agent: string;
      summary: { successRate: number; episodes: number };
    };
    expect(evaluation.agent).toBe('q-learning');
    expect(evaluation.summary).toMatchObject({ successRate: 1, episodes: 20 });

    // A random agent on the same seeds: the comparison is paired and the trained agent clearly better.
    const random = await captureCli(
      'eval',
      'FrozenLake-v1',
      '-o',
      'isSlippery=false',
      '-n',
      '20',
      '--seed',
      '1000000',
      '--store',
      store,
      '--json',
    );
    const randomRun = (JSON.parse(random.out) as { runId: string }).runId;
    const compared = await captureCli('compare', randomRun, evaluation.runId, '--store', store);
    expect(compared.code).toBe(0);
    expect(compared.out).toMatch(/mean return \(95% CI\)/);
    expect(compared.out).toMatch(/paired permutation \(sign-flip\).*paired on 20 seeds/);
    const json = await captureCli('compare', randomRun, evaluation.runId, '--store', store, '--json');
    const comparison = JSON.parse(json.out) as {
      comparisons: { paired: boolean; result: { pValue: number } }[];
    };
    expect(comparison.comparisons[0]!.paired).toBe(true);
    expect(comparison.comparisons[0]!.result.pValue).toBeLessThan(0.001);

    const stored = await captureCli('runs', '--store', store, '--json');
    expect(stored.out).toContain(result.runId);
  }, 60_000);

  it('exits 1 with the file, line and column of an invalid config, and 2 on usage errors', async () => {
    const { config, directory } = workspace();
    writeFileSync(
      config,
      'version: 1\nagent:\n  algorithm: dqn\n  hyperparameters: {batchSize: 0}\nenvironment: {id: CartPole-v1}\ntraining: {episodes: 3}\n',
    );
    const invalid = await captureCli('train', '-c', config);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/run\.yaml:4:32: error \[run-config\] agent\.hyperparameters\.batchSize: /);
    expect((await captureCli('train')).code).toBe(2);
    expect((await captureCli('train', '-c', join(directory, 'none.yaml'))).err).toMatch(/create-default/);
    expect((await captureCli('compare', 'abc', '--store', join(directory, 'x.db'))).code).toBe(2);
    expect((await captureCli('compare', 'abc', 'def', '--store', join(directory, 'x.db'))).code).toBe(1);
    expect(
      (await captureCli('create-default', '-o', '-', '--agent', 'dqn', '--env', 'FrozenLake-v1')).err,
    ).toMatch(/Discrete/);
    expect((await captureCli('eval', 'CartPole-v1', '-c', config)).code).toBe(1);
    const help = await captureCli('train', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Examples:[\s\S]*Exit codes/);
  });

  it(
    'stops on a signal with a checkpoint, exits 130 with the resume command, and resumes',
    { timeout: 60_000 },
    async () => {
      const { config, store } = workspace();
      await captureCli('create-default', '-o', config, '--agent', 'q-learning');
      writeFileSync(config, readFileSync(config, 'utf8').replace(/episodes: 300 /, 'episodes: 5000 '));
      let out = '';
      let err = '';
      const io: CliIo = { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), interactive: false };
      const stop = new AbortController();
      const program = new Command().exitOverride();
      addTrainCommand(program, io, { signal: stop.signal, handleSigint: false });
      // Stop once training has really begun (its CSV log has a first episode), whatever the machine's speed.
      const csv = join(config, '..', 'runs', 'frozenlake-v1-q-learning', 'metrics.csv');
      const watch = setInterval(() => {
        if (existsSync(csv) && readFileSync(csv, 'utf8').trim().split('\n').length > 1) stop.abort();
      }, 1);
      let code = 0;
      try {
        await program.parseAsync(['node', 'loopgym', 'train', '-c', config, '--store', store]);
      } catch (error) {
        code = error instanceof CliExit ? error.code : -1;
      }
      clearInterval(watch);
      expect(code).toBe(130);
      expect(err).toMatch(
        /Interrupted after \d+ of 5000 episodes[\s\S]*loopgym train -c .*run\.yaml --resume --store/,
      );
      expect(out).toMatch(/interrupted/);
      const resumed = await captureCli('train', '-c', config, '--store', store, '--resume', '--json');
      expect(resumed.code).toBe(0);
      const whole = JSON.parse(resumed.out) as { episodes: number; sessionEpisodes: number };
      expect(whole.episodes).toBe(5000);
      expect(whole.sessionEpisodes).toBeLessThan(5000);
      expect(
        existsSync(join(config, '..', 'runs', 'frozenlake-v1-q-learning', 'checkpoints', 'latest')),
      ).toBe(true);
    },
  );
});
