import { describe, expect, it } from 'vitest';
import { Box } from '../spaces/box.js';
import { Dict } from '../spaces/dict.js';
import { Discrete } from '../spaces/discrete.js';
import { Tuple } from '../spaces/tuple.js';
import { ScriptedEnv } from '../testing/scripted-env.js';
import { toAsyncEnv } from '../testing/to-async-env.js';
import { boxOf } from './__fixtures__/replay.js';
import { FlattenObservation } from './flatten-observation.js';

function tupleEnv() {
  return new ScriptedEnv({
    observationSpace: new Tuple([new Discrete(3), new Box(0, 1, [2])]),
    actionSpace: new Discrete(2),
    episodes: [
      {
        observation: [2, Float32Array.of(0.5, 0.25)],
        steps: [{ observation: [0, Float32Array.of(1, 0)], reward: 1 }],
      },
    ],
  });
}

describe('FlattenObservation', () => {
  it('flattens the space and every observation (one-hot Discrete, concatenated Tuple)', () => {
    const env = new FlattenObservation(tupleEnv());
    const space = boxOf(env.observationSpace);
    expect(space.shape).toEqual([5]);
    expect(space.dtype).toBe('float64');
    expect(Array.from(space.low)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(space.high)).toEqual([1, 1, 1, 1, 1]);
    const reset = env.resetSync();
    expect(Array.from(reset.observation)).toEqual([0, 0, 1, 0.5, 0.25]);
    expect(space.contains(reset.observation)).toBe(true);
    const step = env.stepSync(0);
    expect(Array.from(step.observation)).toEqual([1, 0, 0, 1, 0]);
    expect(step.reward).toBe(1);
  });

  it('flattens a Box to one axis and keeps its dtype', async () => {
    const inner = new ScriptedEnv({
      observationSpace: new Box(0, 255, [2, 2], 'uint8'),
      actionSpace: new Discrete(2),
      episodes: [{ observation: Uint8Array.of(1, 2, 3, 4), steps: [] }],
    });
    const env = new FlattenObservation(toAsyncEnv(inner));
    expect(boxOf(env.observationSpace).shape).toEqual([4]);
    const { observation } = await env.reset();
    expect(observation).toBeInstanceOf(Uint8Array);
    expect(Array.from(observation)).toEqual([1, 2, 3, 4]);
  });

  it('flattens Dict observations in key order', () => {
    const inner = new ScriptedEnv({
      observationSpace: new Dict({ b: new Discrete(2), a: new Box(-1, 1, [1]) }),
      actionSpace: new Discrete(2),
      episodes: [{ observation: { b: 1, a: Float32Array.of(-0.5) }, steps: [] }],
    });
    const env = new FlattenObservation(inner);
    expect(Array.from(env.resetSync().observation)).toEqual([-0.5, 0, 1]);
  });
});
