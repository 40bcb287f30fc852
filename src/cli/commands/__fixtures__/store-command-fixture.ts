// Test support for the store commands: a temporary store filled through RunStore, and a commander program holding
// one command whose output and exit code are captured as `runCli` would report them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { LoopGymError } from '../../../core/errors.js';
import { openRunStore } from '../../../store/run-store.js';
import type { CliIo } from '../../cli-io.js';

/** A fresh directory for a test's store and outputs. */
export function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'loopgym-store-cli-'));
}

/**
 * A store at `<directory>/runs.db` with three runs: an LLM evaluation of Wordle (two episodes, one with an error,
 * model calls with costs), a random-agent evaluation of FrozenLake still running, and a loop run.
 */
export function fillStore(directory: string): string {
  const path = join(directory, 'runs.db');
  const store = openRunStore(path);
  const wordle = store.startRun({
    id: 'aa11bb22-0000-4000-8000-000000000001',
    kind: 'eval',
    envId: 'text/wordle-v0',
    agent: 'llm',
    model: 'openai:gpt-4.1-mini',
    backend: 'live',
    seeds: [0, 1, 2, 3, 10],
    codeVersion: '0.1.0+abcdef123456',
    config: { episodes: 2, maxEpisodeSteps: 20 },
    startedAt: new Date('2025-03-01T10:00:00.000Z'),
  });
  store.recordEpisode(wordle, {
    index: 0,
    seed: 0,
    return: 1,
    length: 3,
    terminated: true,
    truncated: false,
    metrics: { success: 1 },
    durationMs: 1500,
    startedAt: new Date('2025-03-01T10:00:00.000Z'),
    endedAt: new Date('2025-03-01T10:00:01.500Z'),
    steps: [
      { index: 0, observation: '1. C R A N E', action: 'crane', reward: 0, terminated: false, truncated: false },
      { index: 1, observation: '2. S L O T H', action: 'sloth', reward: 0, terminated: false, truncated: false },
      { index: 2, observation: 'Solved in 3!', action: 'plant', reward: 1, terminated: true, truncated: false },
    ],
    modelCalls: [0, 1, 2].map((step) => ({
      step,
      modelId: 'openai:gpt-4.1-mini',
      messages: [{ role: 'user' as const, content: `turn ${step}` }],
      response: ['crane', 'sloth', 'plant'][step],
      usage: { inputTokens: 100, outputTokens: 5 },
      costUsd: 0.001,
      latencySeconds: 0.2,
      cached: false,
    })),
  });
  store.recordEpisode(wordle, {
    index: 1,
    seed: 1,
    return: 0,
    length: 0,
    terminated: false,
    truncated: false,
    terminationReason: 'error',
    error: new TypeError('model went away'),
    metrics: { success: 0 },
  });
  store.finishRun(wordle, { meanReturn: 0.5, successRate: 0.5 }, 'completed');
  const lake = store.startRun({
    id: 'aa99cc33-0000-4000-8000-000000000002',
    kind: 'eval',
    envId: 'FrozenLake-v1',
    agent: 'random',
    seeds: [0, 1, 2],
    startedAt: new Date('2025-03-02T09:30:00.000Z'),
  });
  for (const index of [0, 1, 2])
    store.recordEpisode(lake, {
      index,
      seed: index,
      return: index === 2 ? 1 : 0,
      length: 4 + index,
      terminated: true,
      truncated: false,
    });
  const loop = store.startRun({
    id: 'cc00dd44-0000-4000-8000-000000000003',
    kind: 'loop',
    envId: 'loopbench/code-repair-v1',
    backend: 'sim',
    model: 'sim:coder',
    startedAt: new Date('2025-02-28T08:00:00.000Z'),
  });
  store.finishRun(loop, null, 'interrupted');
  store.close();
  return path;
}

/** What one command invocation printed, and the exit code `runCli` would return. */
export interface CommandOutcome {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs `argv` through a program holding the commands `add` registers, as `runCli` would: exit code 0, 1 for LoopGym
 * errors (their message on stderr), 2 for usage errors.
 */
export async function runCommand(
  add: (program: Command, io: CliIo) => void,
  argv: readonly string[],
): Promise<CommandOutcome> {
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
  add(program, io);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return { code: 0, out, err };
  } catch (error) {
    if (error instanceof CommanderError)
      return { code: error.code === 'commander.helpDisplayed' ? 0 : 2, out, err };
    if (error instanceof LoopGymError) return { code: 1, out, err: `${err}error: ${error.message}\n` };
    throw error;
  }
}
