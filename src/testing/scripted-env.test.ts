import { describe, expect, it } from 'vitest';
import { isSyncEnv } from '../core/env.js';
import { ResetNeededError, UnsupportedOperationError } from '../core/errors.js';
import { Discrete } from '../spaces/discrete.js';
import { episodesFromEvents, ScriptedEnv } from './scripted-env.js';
import { toAsyncEnv } from './to-async-env.js';

function make() {
  return new ScriptedEnv({
    observationSpace: new Discrete(5),
    actionSpace: new Discrete(2),
    renderMode: 'ansi',
    episodes: episodesFromEvents([
      { kind: 'reset', observation: 0, info: { first: true } },
      { kind: 'step', observation: 1, reward: 1 },
      { kind: 'step', observation: 2, reward: 2, terminated: true },
      { kind: 'reset', observation: 3 },
      { kind: 'step', observation: 4, truncated: true, info: { last: 1 } },
    ]),
  });
}

describe('ScriptedEnv', () => {
  it('replays the episodes in order, wrapping around, and records actions and resets', () => {
    const env = make();
    expect(() => env.stepSync(0)).toThrow(ResetNeededError);
    expect(env.resetSync()).toEqual({ observation: 0, info: { first: true } });
    expect(env.stepSync(1)).toEqual({
      observation: 1,
      reward: 1,
      terminated: false,
      truncated: false,
      info: {},
    });
    expect(env.stepSync(0)).toMatchObject({ observation: 2, reward: 2, terminated: true });
    expect(() => env.stepSync(0)).toThrow(UnsupportedOperationError);
    expect(env.resetSync().observation).toBe(3);
    expect(env.stepSync(1)).toEqual({
      observation: 4,
      reward: 0,
      terminated: false,
      truncated: true,
      info: { last: 1 },
    });
    expect(env.resetSync().observation).toBe(0);
    expect(env.actions).toEqual([1, 0, 1]);
    expect(env.resets).toEqual([{}, {}, {}]);
    expect(env.render()).toBe('episode 0 step 0\n');
  });

  it('rewinds to the first episode on a seeded reset and returns copies', () => {
    const env = make();
    env.resetSync();
    env.resetSync();
    const { info } = env.resetSync({ seed: 3 });
    expect(env.episodeIndex).toBe(0);
    info.first = false;
    expect(env.resetSync({ seed: 3 }).info).toEqual({ first: true });
  });

  it('can hide its synchronous face', async () => {
    const env = toAsyncEnv(make());
    expect(isSyncEnv(env)).toBe(false);
    expect(env.unwrapped).toBe(env);
    expect((await env.reset()).observation).toBe(0);
    expect((await env.step(1)).reward).toBe(1);
  });

  it('rejects an empty script and events that do not start with a reset', () => {
    expect(
      () =>
        new ScriptedEnv({ observationSpace: new Discrete(1), actionSpace: new Discrete(1), episodes: [] }),
    ).toThrow(/at least one episode/);
    expect(() => episodesFromEvents([{ kind: 'step', observation: 0 }])).toThrow(
      /first event must be a reset/,
    );
  });
});
