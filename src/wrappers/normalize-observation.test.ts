import { describe, expect, it } from 'vitest';
import { Box } from '../spaces/box.js';
import { Discrete } from '../spaces/discrete.js';
import { ScriptedEnv } from '../testing/scripted-env.js';
import { toAsyncEnv } from '../testing/to-async-env.js';
import {
  bits,
  readFixture,
  type Fixture,
  scriptedFromEvents,
  type RecordedEvent,
} from './__fixtures__/replay.js';
import { NormalizeObservation } from './normalize-observation.js';

interface Case {
  envId: string;
  epsilon: number;
  frozenFromEpisode: number;
  raw: RecordedEvent[];
  wrapped: RecordedEvent[];
  mean: number[];
  var: number[];
  count: number;
  meanDtype: string;
}

const fixture = readFixture('normalize-observation.json') as Fixture<Case[]>;

describe('NormalizeObservation', () => {
  it.each(fixture.cases.map((c) => [`${c.envId} epsilon=${c.epsilon}`, c] as const))(
    'reproduces Gymnasium bit for bit: %s',
    (_name, testCase) => {
      const env = new NormalizeObservation(scriptedFromEvents<number>(testCase.raw, new Discrete(2)), {
        epsilon: testCase.epsilon,
      });
      let episode = -1;
      for (const [index, event] of testCase.wrapped.entries()) {
        const observation =
          event.kind === 'reset'
            ? ((episode += 1),
              (env.updateRunningMean = episode < testCase.frozenFromEpisode),
              env.resetSync(episode === 0 ? { seed: 7 } : {}).observation)
            : env.stepSync(0).observation;
        expect(observation, `event ${index}`).toBeInstanceOf(Float32Array);
        expect(bits(observation), `event ${index}`).toEqual(bits(event.observation!));
      }
      expect(env.statistics.dtype).toBe(testCase.meanDtype);
      expect(bits(env.statistics.mean)).toEqual(bits(testCase.mean));
      expect(bits(env.statistics.var)).toEqual(bits(testCase.var));
      expect(env.statistics.count).toBe(testCase.count);
    },
  );

  it('sets a float32 Box(-inf, inf) observation space of the inner shape', () => {
    const inner = new ScriptedEnv({
      observationSpace: new Box(0, 255, [2, 3], 'uint8'),
      actionSpace: new Discrete(2),
      episodes: [{ observation: new Uint8Array(6), steps: [] }],
    });
    const env = new NormalizeObservation(inner);
    expect(env.observationSpace.equals(new Box(-Infinity, Infinity, [2, 3], 'float32'))).toBe(true);
  });

  it('freezes the statistics when updateRunningMean is false', () => {
    const inner = new ScriptedEnv({
      observationSpace: new Box(-10, 10, [1]),
      actionSpace: new Discrete(2),
      episodes: [{ observation: Float32Array.of(3), steps: [{ observation: Float32Array.of(5) }] }],
    });
    const env = new NormalizeObservation(inner);
    env.updateRunningMean = false;
    expect(Array.from(env.resetSync().observation)).toEqual([
      Math.fround(3 / Math.fround(Math.sqrt(Math.fround(1 + Math.fround(1e-8))))),
    ]);
    expect(env.statistics.count).toBe(1e-4);
    expect(Array.from(env.statistics.mean)).toEqual([0]);
  });

  it('widens the statistics to float64 for float64 observations, as NumPy promotes', () => {
    const inner = new ScriptedEnv({
      observationSpace: new Box(-10, 10, [2], 'float64'),
      actionSpace: new Discrete(2),
      episodes: [{ observation: Float64Array.of(0.1, 0.2), steps: [] }],
    });
    const env = new NormalizeObservation(inner);
    env.resetSync();
    expect(env.statistics.dtype).toBe('float64');
    expect(env.statistics.mean).toBeInstanceOf(Float64Array);
    expect(env.statistics.mean[0]).toBe(0.1 / 1.0001);
  });

  it('steps synchronously over a synchronous environment and asynchronously otherwise', async () => {
    const make = () =>
      new ScriptedEnv({
        observationSpace: new Box(-10, 10, [1]),
        actionSpace: new Discrete(2),
        episodes: [{ observation: Float32Array.of(1), steps: [{ observation: Float32Array.of(2) }] }],
      });
    const sync = new NormalizeObservation(make());
    expect(sync.synchronous).toBe(true);
    const asyncEnv = new NormalizeObservation(toAsyncEnv(make()));
    expect(asyncEnv.synchronous).toBe(false);
    sync.resetSync();
    await asyncEnv.reset();
    expect(bits((await asyncEnv.step(0)).observation)).toEqual(bits(sync.stepSync(0).observation));
  });

  it('rejects observation spaces without a shape', () => {
    const space = new Discrete(2);
    Object.defineProperty(space, 'shape', { value: undefined });
    const inner = new ScriptedEnv({
      observationSpace: space,
      actionSpace: new Discrete(2),
      episodes: [{ observation: 0, steps: [] }],
    });
    expect(() => new NormalizeObservation(inner)).toThrow(/needs an observation space with a shape/);
  });
});
