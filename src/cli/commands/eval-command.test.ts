import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../backends/default-loop-environments.js';
import { openRunStore } from '../../store/run-store.js';
import { startModelServer } from '../../testing/model-server/index.js';
import { lakeSolver } from '../../testing/__fixtures__/lake-solver.js';
import { ScriptedLanguageModel } from '../../testing/scripted-language-model.js';
import { CliExit } from '../cli-exit.js';
import type { CliIo } from '../cli-io.js';
import { addEvalCommand, type EvalCommandOptions } from './eval-command.js';

interface Ran {
  code: number;
  out: string;
  err: string;
}

async function runEval(argv: string[], options: EvalCommandOptions = {}): Promise<Ran> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => (out += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (err += text.endsWith('\n') ? text : `${text}\n`),
    interactive: false,
  };
  const program = new Command()
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) });
  addEvalCommand(program, io, { handleSigint: false, ...options });
  program.commands[0]!.exitOverride();
  try {
    await program.parseAsync(['node', 'loopgym', 'eval', ...argv]);
    return { code: 0, out, err };
  } catch (error) {
    if (error instanceof CliExit) return { code: error.code, out, err };
    return { code: 1, out, err: `${err}error: ${error instanceof Error ? error.message : String(error)}\n` };
  }
}

describe('loopgym eval', () => {
  let directory: string;
  let store: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'loopgym-eval-command-'));
    store = join(directory, 'runs.db');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(directory, { recursive: true, force: true });
  });

  it('evaluates a split of recorded LoopNet runs with --split, and summarizes their LES', async () => {
    const ran = await runEval([
      'replay/loopnet-v1',
      '--split',
      'test',
      '-n',
      '5',
      '--store',
      store,
      '--json',
    ]);
    expect(ran.code).toBe(0);
    const summary = (
      JSON.parse(ran.out) as { summary: { episodes: number; les: { episodes: number; mean: number } } }
    ).summary;
    expect(summary.episodes).toBe(5);
    expect(summary.les.episodes).toBe(5);
    expect(summary.les.mean).toBeGreaterThan(0);
    const table = await runEval(['replay/loopnet-v1', '--split', 'test', '-n', '5', '--store', store]);
    expect(table.out).toMatch(/LES\s+0\.\d+\s+\(95% CI/);
    const bad = await runEval(['replay/loopnet-v1', '--split', 'tset', '-n', '1', '--store', store]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/test/);
  });

  it('prints the summary as JSON on stdout, progress on stderr, and records the run', async () => {
    const ran = await runEval(['FrozenLake-v1', '-n', '6', '-s', '3', '-j', '2', '--store', store, '--json']);
    expect(ran.code).toBe(0);
    const printed = JSON.parse(ran.out) as { runId: string; status: string; summary: { episodes: number } };
    expect(printed).toMatchObject({ status: 'completed', env: 'FrozenLake-v1', agent: 'random', store });
    expect(printed.summary.episodes).toBe(6);
    expect(ran.err).toMatch(/6\/6 episodes, mean return/);
    const runs = openRunStore(store);
    expect(runs.getRun(printed.runId)).toMatchObject({
      kind: 'eval',
      seeds: [3, 4, 5, 6, 7, 8],
      agent: 'random',
    });
    runs.close();
    // The random agent is seeded per episode: the same command gives the same returns.
    const again = JSON.parse(
      (await runEval(['FrozenLake-v1', '-n', '6', '-s', '3', '--store', store, '--json'])).out,
    ) as typeof printed;
    expect(again.summary).toMatchObject({ return: (printed.summary as { return?: unknown }).return });
  });

  it('prints a table by default', async () => {
    const ran = await runEval([
      'Taxi-v4',
      '-n',
      '3',
      '--seeds',
      '1,2,3',
      '--store',
      store,
      '--max-episode-steps',
      '20',
    ]);
    expect(ran.code).toBe(1);
    expect(ran.err).toMatch(/Give --seeds, or --episodes with --seed, not both/);
    const table = await runEval([
      'Taxi-v4',
      '--seeds',
      '1,2,3',
      '--store',
      store,
      '--max-episode-steps',
      '20',
    ]);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^Taxi-v4 · random agent · run [0-9a-f-]+ · completed/);
    expect(table.out).toMatch(/episodes\s+3 of 3 \(3 seeds × 1\)/);
    expect(table.out).toMatch(/mean return\s+-?\d+(\.\d+)?\s+\(95% CI/);
    expect(table.out).toMatch(/steps\s+60 \(20 per episode\)/);
    expect(table.out).toContain(`Recorded in ${store}.`);
  });

  it('stops on Ctrl-C with exit code 130 and the command to resume, which finishes the run', async () => {
    const controller = new AbortController();
    let episodes = 0;
    // Enough episodes that the run is still going when the first ones are recorded.
    const slowAgent = ['FrozenLake-v1', '-n', '1500', '--store', store, '-o', 'isSlippery=false'];
    const stopped = runEval(slowAgent, { signal: controller.signal });
    // Stop once a few episodes are recorded.
    const poll = setInterval(() => {
      const runs = openRunStore(store);
      episodes = runs.listRuns()[0]?.episodeCount ?? 0;
      runs.close();
      if (episodes >= 1) controller.abort();
    }, 1);
    const ran = await stopped;
    clearInterval(poll);
    expect(ran.code).toBe(130);
    const command = /loopgym eval --resume (\S+) --store (\S+)/.exec(ran.err);
    expect(command?.[2]).toBe(store);
    const runId = command![1]!;
    const runs = openRunStore(store);
    const recorded = runs.getRun(runId).episodeCount;
    expect(runs.getRun(runId).status).toBe('interrupted');
    runs.close();
    expect(recorded).toBeGreaterThan(0);
    expect(recorded).toBeLessThan(1500);
    expect(ran.err).toContain(`Interrupted: ${recorded} of 1500 episodes recorded`);
    const resumed = await runEval(['--resume', runId.slice(0, 10), '--store', store, '--json']);
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.out)).toMatchObject({
      runId,
      status: 'completed',
      summary: { episodes: 1500 },
    });
    const after = openRunStore(store);
    expect(after.completedEpisodeIndexes(runId)).toEqual([...Array(1500).keys()]);
    after.close();
  });

  it('evaluates a language model through a local OpenAI-compatible server', async () => {
    await using server = await startModelServer({
      models: (name) => (name === 'lake-solver' ? lakeSolver() : undefined),
    });
    vi.stubEnv('OPENAI_BASE_URL', server.url);
    vi.stubEnv('OPENAI_API_KEY', 'test');
    const ran = await runEval([
      'FrozenLake-v1',
      '-o',
      'isSlippery=false',
      '--agent',
      'llm',
      '--model',
      'openai:lake-solver',
      '--parser',
      'xml',
      '-n',
      '3',
      '-j',
      '3',
      '--store',
      store,
    ]);
    expect(ran.code).toBe(0);
    expect(ran.out).toMatch(/FrozenLake-v1 · llm openai:lake-solver agent/);
    expect(ran.out).toMatch(/success rate\s+100% \(3\)/);
    expect(ran.out).toMatch(/model calls\s+18/);
    const runs = openRunStore(store);
    const run = runs.listRuns()[0]!;
    expect(run).toMatchObject({ agent: 'llm:openai:lake-solver', model: 'openai:lake-solver' });
    const episode = runs.episodes(run.id)[0]!;
    expect(runs.modelCalls(episode.id)).toHaveLength(6);
    expect(runs.modelCalls(episode.id)[0]!.response).toBe('<action>down</action>');
    runs.close();
  });

  it('gives a live loop’s own workers and judges --loop-model, apart from the agent’s --model', async () => {
    const asked = new Set<string>();
    await using server = await startModelServer({
      models: (name) => {
        asked.add(name);
        return new ScriptedLanguageModel(({ options }) =>
          options.responseFormat?.type === 'json' ? '{"scores": {}, "rationale": "ok"}' : 'An answer.',
        );
      },
    });
    vi.stubEnv('OPENAI_BASE_URL', server.url);
    vi.stubEnv('OPENAI_API_KEY', 'test');
    const ran = await runEval([
      'loopbench/research-synthesis-v1',
      '--agent',
      'llm',
      '--model',
      'openai:agent-model',
      '--backend',
      'live',
      '--loop-model',
      'openai:loop-model',
      '--max-episode-steps',
      '1',
      '-n',
      '1',
      '--store',
      store,
    ]);
    expect(ran.code, ran.err).toBe(0);
    expect([...asked].sort()).toEqual(['agent-model', 'loop-model']);
    expect((await runEval(['FrozenLake-v1', '--loop-model', 'openai:x', '--store', store])).err).toMatch(
      /use it with a loop and --backend live/,
    );
  });

  it('lets a loop’s own workers act, and records the loop’s events', async () => {
    const ran = await runEval([
      'loopbench/code-repair-v1',
      '--agent',
      'loop',
      '-n',
      '2',
      '--store',
      store,
      '--json',
    ]);
    expect(ran.code).toBe(0);
    const printed = JSON.parse(ran.out) as {
      runId: string;
      summary: { episodes: number; terminations: object };
    };
    expect(printed.summary.episodes).toBe(2);
    const runs = openRunStore(store);
    expect(runs.getRun(printed.runId)).toMatchObject({ backend: 'sim', envId: 'loopbench/code-repair-v1' });
    const episode = runs.episodes(printed.runId)[0]!;
    expect(episode.taskId).toMatch(/^cr-/);
    expect(runs.events(episode.id).map((event) => event.type)).toContain('episode-end');
    expect(JSON.stringify(runs.steps(episode.id)[0]!.info)).not.toContain('"events"');
    runs.close();
  });

  it('says what is wrong with the flags', async () => {
    expect((await runEval(['FrozenLake-v1', '--agent', 'smart', '--store', store])).err).toMatch(
      /Unknown agent `smart`; available: random, llm, loop/,
    );
    expect((await runEval(['FrozenLake-v1', '--agent', 'llm', '--store', store])).err).toMatch(
      /--agent llm needs --model/,
    );
    expect((await runEval(['FrozenLake-v1', '--agent', 'loop', '--store', store])).err).toMatch(
      /needs a loop environment/,
    );
    expect((await runEval(['--store', store])).err).toMatch(/Name what to evaluate/);
    expect((await runEval(['--resume', 'nope', '--store', store])).err).toMatch(/No run "nope"/);
    expect((await runEval(['FrozenLake-v1', '--timeout', '0', '--store', store])).err).toMatch(
      /--timeout is in seconds/,
    );
  });

  it('shows examples in --help', async () => {
    const ran = await runEval(['--help']);
    expect(ran.out).toContain('loopgym eval --resume 3f2a9c');
    expect(ran.out).toContain('--rollouts-per-example <k>');
  });
});
