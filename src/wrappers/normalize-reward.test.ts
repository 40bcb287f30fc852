import { describe, expect, it } from 'vitest';
import { Discrete } from '../spaces/discrete.js';
import { ScriptedEnv } from '../testing/scripted-env.js';
import { eventsFromColumns, readFixture, type Fixture, scriptedFromEvents } from './__fixtures__/replay.js';
import { NormalizeReward } from './normalize-reward.js';

interface Case {
  envId: string;
  gamma: number;
  epsilon: number;
  frozenFromEpisode: number;
  kinds: string;
  rewards: number[];
  terminated: string;
  truncated: string;
  wrappedRewards: number[];
  mean: number;
  var: number;
  count: number;
  discountedReward: number;
}

const fixture = readFixture('normalize-reward.json') as Fixture<Case[]>;

describe('NormalizeReward', () => {
  it.each(fixture.cases.map((c) => [`${c.envId} gamma=${c.gamma}`, c] as const))(
    'reproduces Gymnasium bit for bit: %s',
    (_name, testCase) => {
      const events = eventsFromColumns(testCase);
      const env = new NormalizeReward(scriptedFromEvents<number>(events, new Discrete(2)), {
        gamma: testCase.gamma,
        epsilon: testCase.epsilon,
      });
      const rewards: number[] = [];
      let episode = -1;
      for (const event of events) {
        if (event.kind === 'reset') {
          episode += 1;
          env.updateRunningMean = episode < testCase.frozenFromEpisode;
          env.resetSync();
        } else {
          rewards.push(env.stepSync(0).reward);
        }
      }
      expect(rewards).toEqual(testCase.wrappedRewards);
      expect(env.statistics.mean[0]).toBe(testCase.mean);
      expect(env.statistics.var[0]).toBe(testCase.var);
      expect(env.statistics.count).toBe(testCase.count);
      expect(env.discountedReward).toBe(testCase.discountedReward);
    },
  );

  it('resets the discounted return on termination only', () => {
    const inner = new ScriptedEnv({
      observationSpace: new Discrete(2),
      actionSpace: new Discrete(2),
      episodes: [
        { observation: 0, steps: [{ observation: 0, reward: 1, truncated: true }] },
        { observation: 0, steps: [{ observation: 0, reward: 1, terminated: true }] },
        { observation: 0, steps: [{ observation: 0, reward: 2 }] },
      ],
    });
    const env = new NormalizeReward(inner, { gamma: 0.5 });
    env.resetSync();
    env.stepSync(0);
    expect(env.discountedReward).toBe(1);
    env.resetSync();
    env.stepSync(0);
    expect(env.discountedReward).toBe(1); // 1 * 0.5 * 0 + 1
    env.resetSync();
    env.stepSync(0);
    expect(env.discountedReward).toBe(2.5);
  });
});
