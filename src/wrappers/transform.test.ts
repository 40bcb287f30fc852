import { describe, expect, it } from 'vitest';
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';
import { ScriptedEnv } from '../testing/scripted-env.js';
import { toAsyncEnv } from '../testing/to-async-env.js';
import { TransformObservation } from './transform-observation.js';
import { TransformReward } from './transform-reward.js';

function lineEnv() {
  return new ScriptedEnv({
    observationSpace: new Discrete(5),
    actionSpace: new Discrete(2),
    episodes: [{ observation: 1, info: { a: 1 }, steps: [{ observation: 2, reward: 3, info: { b: 2 } }] }],
  });
}

describe('TransformObservation', () => {
  it('applies the function to reset and step observations and keeps the rest', () => {
    const space = new Box(0, 10, [1]);
    const env = new TransformObservation(lineEnv(), (x: number) => Float32Array.of(2 * x), space);
    expect(env.observationSpace).toBe(space);
    expect(env.synchronous).toBe(true);
    const reset = env.resetSync();
    expect(Array.from(reset.observation)).toEqual([2]);
    expect(reset.info).toEqual({ a: 1 });
    const step = env.stepSync(1);
    expect(Array.from(step.observation)).toEqual([4]);
    expect(step).toMatchObject({ reward: 3, terminated: false, truncated: false, info: { b: 2 } });
  });

  it('keeps the inner observation space when none is given', async () => {
    const inner = lineEnv();
    const env = new TransformObservation(toAsyncEnv(inner), (x: number) => 4 - x);
    expect(env.observationSpace).toBe(inner.observationSpace);
    expect((await env.reset()).observation).toBe(3);
    expect((await env.step(0)).observation).toBe(2);
  });
});

describe('TransformReward', () => {
  it('applies the function to every reward, sync and async', async () => {
    const sync = new TransformReward(lineEnv(), (reward) => reward * 10 - 1);
    sync.resetSync();
    expect(sync.stepSync(0)).toEqual({
      observation: 2,
      reward: 29,
      terminated: false,
      truncated: false,
      info: { b: 2 },
    });
    const asyncEnv = new TransformReward(toAsyncEnv(lineEnv()), Math.sign);
    await asyncEnv.reset();
    expect((await asyncEnv.step(0)).reward).toBe(1);
  });
});
