import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import './default-loop-environments.js';
import type { Env } from '../core/env.js';
import { make } from '../registry/make.js';
import type { LoopEvent } from '../loop/events/loop-event.js';
import type { LoopInfo } from '../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../loop/gym/loop-spaces.js';
import { loopbenchDataDirectory } from '../loop/tasks/data-directory.js';
import { loadTaskSetSync } from '../loop/tasks/load-task-set.js';

type LoopGymEnv = Env<LoopObservation, LoopAction, LoopInfo>;

async function runEpisode(env: LoopGymEnv, seed: number, taskId?: string) {
  const reset = await env.reset({ seed, options: taskId === undefined ? undefined : { taskId } });
  expect(env.observationSpace.contains(reset.observation)).toBe(true);
  const events: LoopEvent[] = [...reset.info.events];
  let total = 0;
  for (;;) {
    const step = await env.step(null);
    expect(env.observationSpace.contains(step.observation)).toBe(true);
    events.push(...step.info.events);
    total += step.reward;
    if (step.terminated || step.truncated) return { step, total, events };
  }
}

describe('loopbench environments in sim', () => {
  it.each(['loopbench/code-repair-v1', 'loopbench/research-synthesis-v1', 'loopbench/multi-agent-debate-v1'])(
    '%s runs every task to an end, and the return is the final primary metric',
    async (id) => {
      const env = make<LoopObservation, LoopAction, LoopInfo>(id, { backend: 'sim' });
      const tasks = (env.unwrapped as unknown as { tasks: { id: string }[] }).tasks;
      expect(tasks).toHaveLength(3);
      for (const task of tasks) {
        const { step, total, events } = await runEpisode(env, 0, task.id);
        expect(step.info.terminationReason).toBeDefined();
        expect(total).toBeCloseTo(step.info.primary ?? 0, 10);
        expect(events[0]?.type).toBe('episode-start');
        expect(events.at(-1)?.type).toBe('episode-end');
        expect(step.info.costUsd).toBeGreaterThan(0);
        expect(events.some((event) => event.type === 'evaluator-score')).toBe(true);
      }
    },
  );

  it('grades an agent’s patch by running the tests: correct patches pass and earn more than wrong ones', async () => {
    const { tasks } = loadTaskSetSync(loopbenchDataDirectory('code-repair-v1'));
    const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/code-repair-v1');
    for (const task of tasks) {
      const byQuality: Record<string, { reward: number; tests: number | null }[]> = {};
      for (const candidate of task.material.candidates) {
        await env.reset({ seed: 0, options: { taskId: task.id } });
        const step = await env.step({ output: candidate.output });
        (byQuality[candidate.quality] ??= []).push({
          reward: step.reward,
          tests: step.info.metrics.test_pass_rate ?? null,
        });
      }
      const correct = byQuality.correct ?? [];
      const worse = [...(byQuality.wrong ?? []), ...(byQuality.broken ?? [])];
      expect(correct.length).toBeGreaterThan(0);
      for (const result of correct) expect(result.tests).toBe(1);
      for (const result of worse) expect(result.tests).toBeLessThan(1);
      const best = Math.min(...correct.map((result) => result.reward));
      for (const result of worse) expect(result.reward).toBeLessThan(best);
    }
  }, 60_000);

  it('improves under feedback: over many episodes, later iterations score higher than the first', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/research-synthesis-v1');
    let first = 0;
    let last = 0;
    let episodes = 0;
    for (let seed = 0; seed < 12; seed++) {
      const { events } = await runEpisode(env, seed);
      const primaries = events.flatMap((event) =>
        event.type === 'metric-values' && event.primary !== null ? [event.primary] : [],
      );
      if (primaries.length < 2) continue;
      first += primaries[0]!;
      last += primaries.at(-1)!;
      episodes++;
    }
    expect(episodes).toBeGreaterThan(3);
    expect(last / episodes).toBeGreaterThan(first / episodes + 0.05);
  });

  it('gives the same events for the same seed, and different ones for another seed', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/multi-agent-debate-v1');
    const first = await runEpisode(env, 7, 'ma-002');
    const second = await runEpisode(make('loopbench/multi-agent-debate-v1'), 7, 'ma-002');
    expect(JSON.stringify(second.events)).toBe(JSON.stringify(first.events));
    const other = await runEpisode(env, 8, 'ma-002');
    expect(JSON.stringify(other.events)).not.toBe(JSON.stringify(first.events));
  });

  it('gives the same event stream in another process (the built CLI)', async () => {
    const cli = new URL('../../dist/cli/main.js', import.meta.url).pathname;
    expect(existsSync(cli), 'dist/cli/main.js is missing: run `npm run build` first').toBe(true);
    const args = [cli, 'run', 'loopbench/research-synthesis-v1', '--task', 'rs-002', '--seed', '3', '--json'];
    const one = execFileSync(process.execPath, args, { encoding: 'utf8' });
    const two = execFileSync(process.execPath, args, { encoding: 'utf8' });
    expect(two).toBe(one);
    const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/research-synthesis-v1');
    const { events } = await runEpisode(env, 3, 'rs-002');
    const lines = one.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual(events.map((event) => JSON.stringify(event)));
  });

  it('refuses an unknown task with a suggestion', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/code-repair-v1');
    await expect(env.reset({ options: { taskId: 'cr-01' } })).rejects.toThrow(/Did you mean `cr-001`/);
  });
});
