import { describe, expect, it } from 'vitest';
import { rollout } from './llm/rollout.js';
import { make } from '../registry/make.js';
import { scriptedAgent } from './scripted-agent.js';

const PLAN: Record<number, number> = { 0: 1, 4: 1, 8: 2, 9: 2, 10: 1, 14: 2 };

describe('scriptedAgent', () => {
  it('plays its function: the shortest path solves non-slippery FrozenLake', async () => {
    const env = make<number, number>('FrozenLake-v1', { isSlippery: false });
    const agent = scriptedAgent<number, number>((state) => PLAN[state] ?? 0, { name: 'lake-path' });
    const trajectory = await rollout(env, agent, { seed: 0 });
    expect(agent.name).toBe('lake-path');
    expect(trajectory.status).toBe('terminated');
    expect(trajectory.return).toBe(1);
    expect(trajectory.steps.map((step) => step.action)).toEqual([1, 1, 2, 2, 1, 2]);
  });

  it('gives the function the step, the info and the seed of the episode', async () => {
    const seen: [number, number | undefined, unknown][] = [];
    const agent = scriptedAgent<number, number>((_, context) => {
      seen.push([context.step, context.seed, context.info]);
      return 2;
    });
    await rollout(make<number, number>('FrozenLake-v1', { isSlippery: false }), agent, {
      seed: 7,
      maxEpisodeSteps: 2,
    });
    expect(seen.map(([step, seed]) => [step, seed])).toEqual([
      [0, 7],
      [1, 7],
    ]);
    expect(seen[0]![2]).toMatchObject({ prob: 1 });
  });

  it('draws from a generator seeded by the episode: the same seed gives the same draws', async () => {
    const draws: number[][] = [];
    const agent = scriptedAgent<number, number>((_, { rng, step }) => {
      if (step === 0) draws.push([]);
      const action = rng.integers(0, 4);
      draws.at(-1)!.push(action);
      return action;
    });
    const env = make<number, number>('FrozenLake-v1', { isSlippery: false });
    for (const seed of [3, 4, 3]) await rollout(env, agent, { seed, maxEpisodeSteps: 5 });
    expect(draws[0]).toEqual(draws[2]);
    expect(draws[0]).not.toEqual(draws[1]);
  });

  it('may answer asynchronously', async () => {
    const agent = scriptedAgent<number, number>(async (state) => Promise.resolve(PLAN[state] ?? 0));
    const trajectory = await rollout(make<number, number>('FrozenLake-v1', { isSlippery: false }), agent, {
      seed: 1,
    });
    expect(trajectory.return).toBe(1);
  });
});
