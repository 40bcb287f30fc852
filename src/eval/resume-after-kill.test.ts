// An evaluation whose process is killed (SIGKILL) mid-run is resumed to the end: the store then holds every episode
// index exactly once, with the results an uninterrupted run gives. The child runs the built package (dist/).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { scriptedAgent, type ScriptedPolicy } from '../agents/scripted-agent.js';
import { openRunStore } from '../store/run-store.js';
import { evaluate } from './evaluate.js';

const EPISODES = 300;
const KILL_AFTER = 40;

// Random moves on slippery FrozenLake, drawn from the episode's generator, each after a short wait (so the run
// takes long enough to be killed in the middle, with several episodes in flight). The child runs the same policy.
const policy: ScriptedPolicy<number, number> = (_, { rng }) =>
  new Promise((resolve) => setTimeout(() => resolve(rng.integers(0, 4)), 1));
const POLICY_SOURCE = `(_, { rng }) => new Promise((resolve) => setTimeout(() => resolve(rng.integers(0, 4)), 1))`;

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'loopgym-eval-kill-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function childScript(storePath: string): string {
  const dist = (path: string): string => JSON.stringify(new URL(`../../dist/${path}`, import.meta.url).href);
  return `
import { evaluate } from ${dist('eval/evaluate.js')};
import { scriptedAgent } from ${dist('agents/scripted-agent.js')};
await evaluate({
  env: 'FrozenLake-v1',
  agent: () => scriptedAgent(${POLICY_SOURCE}),
  episodes: ${EPISODES},
  seed: 7,
  concurrency: 4,
  store: ${JSON.stringify(storePath)},
  onEpisode: (outcome) => process.stdout.write('episode ' + outcome.index + '\\n'),
});
process.stdout.write('finished\\n');
`;
}

it('resumes a run whose process was killed, losing and repeating nothing', async () => {
  const built = new URL('../../dist/eval/evaluate.js', import.meta.url).pathname;
  expect(existsSync(built), 'dist/eval/evaluate.js is missing: run `npm run build` first').toBe(true);
  const storePath = join(directory, 'runs.db');
  const script = join(directory, 'child.mjs');
  writeFileSync(script, childScript(storePath));
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = 0;
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_, signal) => resolve(signal)),
  );
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    seen = (output.match(/^episode /gm) ?? []).length;
    if (seen >= KILL_AFTER) child.kill('SIGKILL');
  });
  expect(await exited, `the child ended on its own: ${errors}`).toBe('SIGKILL');
  expect(output).not.toContain('finished');

  const store = openRunStore(storePath);
  const run = store.listRuns()[0]!;
  expect(run.status).toBe('running');
  const before = store.completedEpisodeIndexes(run.id);
  expect(before.length).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(before.length).toBeLessThan(EPISODES);

  const resumed = await evaluate<number, number>({
    env: 'FrozenLake-v1',
    agent: () => scriptedAgent(policy),
    resume: run.id,
    concurrency: 4,
    store,
  });
  expect(resumed.status).toBe('completed');
  expect(resumed.sessionEpisodes).toBe(EPISODES - before.length);
  const indexes = store.completedEpisodeIndexes(run.id);
  expect(indexes).toEqual([...Array(EPISODES).keys()]);
  expect(store.getRun(run.id)).toMatchObject({ status: 'completed', episodeCount: EPISODES });

  const whole = await evaluate<number, number>({
    env: 'FrozenLake-v1',
    agent: () => scriptedAgent(policy),
    episodes: EPISODES,
    seed: 7,
    concurrency: 4,
    store,
  });
  const stored = (runId: string): unknown[] =>
    store.episodes(runId).map((episode) => ({
      index: episode.index,
      seed: episode.seed,
      return: episode.return,
      length: episode.length,
      terminated: episode.terminated,
      truncated: episode.truncated,
      actions: store.steps(episode.id).map((step) => step.action),
    }));
  expect(stored(run.id)).toEqual(stored(whole.runId!));
  const { latency: _a, ...resumedSummary } = resumed.summary;
  const { latency: _b, ...wholeSummary } = whole.summary;
  expect(resumedSummary).toEqual(wholeSummary);
  expect(resumed.summary.successes).toBeGreaterThan(0);
  store.close();
}, 60_000);
