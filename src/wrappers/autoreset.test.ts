import { describe, expect, it } from 'vitest';
import { Discrete } from '../spaces/discrete.js';
import { ScriptedEnv } from '../testing/scripted-env.js';
import { toAsyncEnv } from '../testing/to-async-env.js';
import { readFixture, scriptedFromEvents, type Fixture, type RecordedEvent } from './__fixtures__/replay.js';
import { Autoreset } from './autoreset.js';

const fixture = readFixture('autoreset.json') as Fixture<
  { raw: RecordedEvent[]; wrapped: RecordedEvent[] }[]
>;

function twoEpisodes() {
  return new ScriptedEnv({
    observationSpace: new Discrete(10),
    actionSpace: new Discrete(2),
    episodes: [
      {
        observation: 0,
        steps: [
          { observation: 1, reward: 1 },
          { observation: 2, reward: 1, terminated: true },
        ],
      },
      { observation: 5, info: { second: true }, steps: [{ observation: 6, reward: 3, truncated: true }] },
    ],
  });
}

describe('Autoreset', () => {
  it('replays Gymnasium next-step autoreset on CartPole', () => {
    const testCase = fixture.cases[0]!;
    const inner = scriptedFromEvents<number>(testCase.raw, new Discrete(2));
    const env = new Autoreset(inner);
    const outputs: RecordedEvent[] = [
      { kind: 'reset', observation: Array.from(env.resetSync({ seed: 9 }).observation) },
    ];
    for (const event of testCase.wrapped.slice(1)) {
      const result = env.stepSync(event.action as number);
      outputs.push({
        kind: 'step',
        action: event.action!,
        observation: Array.from(result.observation),
        reward: result.reward,
        terminated: result.terminated,
        truncated: result.truncated,
      });
    }
    expect(outputs).toEqual(testCase.wrapped);
    // The step after the end resets the inner environment and does not pass the action on.
    const stepsTaken = testCase.raw.filter((e) => e.kind === 'step').length;
    expect(inner.actions.length).toBe(stepsTaken);
  });

  it('resets on the step after an episode ends, with reward 0 and the reset info', () => {
    const inner = twoEpisodes();
    const env = new Autoreset(inner);
    env.resetSync();
    env.stepSync(0);
    expect(env.stepSync(0)).toMatchObject({ observation: 2, terminated: true });
    expect(env.stepSync(1)).toEqual({
      observation: 5,
      reward: 0,
      terminated: false,
      truncated: false,
      info: { second: true },
    });
    expect(inner.resets).toEqual([{}, {}]);
    expect(env.stepSync(1)).toMatchObject({ observation: 6, truncated: true });
    expect(env.stepSync(1).observation).toBe(0);
    expect(inner.actions).toEqual([0, 0, 1]);
  });

  it('an explicit reset clears the pending autoreset', async () => {
    const env = new Autoreset(toAsyncEnv(twoEpisodes()));
    await env.reset();
    await env.step(0);
    await env.step(0);
    expect(env.autoreset).toBe(true);
    await env.reset({ seed: 1 });
    expect(env.autoreset).toBe(false);
    expect((await env.step(0)).observation).toBe(1);
  });
});
