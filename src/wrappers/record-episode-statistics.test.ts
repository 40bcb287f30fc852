import { describe, expect, it } from 'vitest';
import { Discrete } from '../spaces/discrete.js';
import { ScriptedEnv } from '../testing/scripted-env.js';
import { toAsyncEnv } from '../testing/to-async-env.js';
import { eventsFromColumns, readFixture, scriptedFromEvents, type Fixture } from './__fixtures__/replay.js';
import { RecordEpisodeStatistics, type EpisodeStatistics } from './record-episode-statistics.js';

interface Case {
  envId: string;
  bufferLength: number;
  kinds: string;
  rewards: number[];
  terminated: string;
  truncated: string;
  episodes: { r: number; l: number }[];
  returnQueue: number[];
  lengthQueue: number[];
  episodeCount: number;
}

const fixture = readFixture('record-episode-statistics.json') as Fixture<Case[]>;

function coinEnv() {
  return new ScriptedEnv({
    observationSpace: new Discrete(2),
    actionSpace: new Discrete(2),
    episodes: [
      {
        observation: 0,
        steps: [
          { observation: 1, reward: 0.5 },
          { observation: 0, reward: 2, terminated: true },
        ],
      },
      { observation: 1, steps: [{ observation: 1, reward: -1, truncated: true, info: { note: 'x' } }] },
    ],
  });
}

describe('RecordEpisodeStatistics', () => {
  it.each(fixture.cases.map((c) => [c.envId, c] as const))(
    'reports the returns and lengths Gymnasium reports: %s',
    (_id, testCase) => {
      const events = eventsFromColumns(testCase);
      const env = new RecordEpisodeStatistics(scriptedFromEvents<number>(events, new Discrete(2)), {
        bufferLength: testCase.bufferLength,
      });
      const reported: { r: number; l: number }[] = [];
      for (const event of events) {
        if (event.kind === 'reset') {
          env.resetSync();
          continue;
        }
        const result = env.stepSync(0);
        const statistics = result.info.episode as EpisodeStatistics | undefined;
        expect(statistics !== undefined).toBe(result.terminated || result.truncated);
        if (statistics !== undefined) reported.push({ r: statistics.r, l: statistics.l });
      }
      expect(reported).toEqual(testCase.episodes);
      expect(env.returnQueue).toEqual(testCase.returnQueue);
      expect(env.lengthQueue).toEqual(testCase.lengthQueue);
      expect(env.episodeCount).toBe(testCase.episodeCount);
    },
  );

  it('measures time with the injected clock, in seconds rounded to microseconds', () => {
    let now = 1000;
    const env = new RecordEpisodeStatistics(coinEnv(), { clock: () => now, bufferLength: 1 });
    env.resetSync();
    now += 1234.5678;
    env.stepSync(0);
    now += 10;
    const last = env.stepSync(0);
    expect(last.info.episode).toEqual({ r: 2.5, l: 2, t: 1.244568 });
    env.resetSync();
    now += 0.0004;
    const truncated = env.stepSync(0);
    expect(truncated.info).toEqual({ note: 'x', episode: { r: -1, l: 1, t: 0 } });
    expect(env.timeQueue).toEqual([0]);
    expect(env.returnQueue).toEqual([-1]);
    expect(env.lengthQueue).toEqual([1]);
  });

  it('uses statsKey and refuses to overwrite an existing info entry', () => {
    const env = new RecordEpisodeStatistics(coinEnv(), { statsKey: 'note', clock: () => 0 });
    env.resetSync();
    env.stepSync(0);
    expect(env.stepSync(0).info.note).toEqual({ r: 2.5, l: 2, t: 0 });
    env.resetSync();
    expect(() => env.stepSync(0)).toThrow(/already has a `note` entry/);
  });

  it('rejects a non-positive buffer length', () => {
    expect(() => new RecordEpisodeStatistics(coinEnv(), { bufferLength: 0 })).toThrow(/positive integer/);
  });

  it('gives the same statistics over the asynchronous face', async () => {
    const env = new RecordEpisodeStatistics(toAsyncEnv(coinEnv()), { clock: () => 0 });
    expect(env.synchronous).toBe(false);
    await env.reset();
    await env.step(0);
    expect((await env.step(0)).info.episode).toEqual({ r: 2.5, l: 2, t: 0 });
  });
});
