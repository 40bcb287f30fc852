// Replays the episodes Gymnasium recorded on the classic-control environment classes (the registered step limit
// applied here, as Gymnasium's TimeLimit would) and requires identical observations, rewards and flags: the
// official Gymnasium 1.4 file (seeds 0-4) and LoopGym's own recordings (more seeds, options, long and chaotic
// episodes; see scripts/reference/gymnasium_classic_control.py).
import { describe, expect, it } from 'vitest';
import type { SyncEnv } from '../../core/env.js';
import { AcrobotEnv } from './acrobot.js';
import { CartPoleEnv } from './cart-pole.js';
import { ContinuousMountainCarEnv } from './continuous-mountain-car.js';
import { MountainCarEnv } from './mountain-car.js';
import { PendulumEnv } from './pendulum.js';
import {
  readCompactEpisodes,
  readOfficialEpisodes,
  replayEpisode,
  type RecordedEpisode,
} from './reference-replay.case.js';

type AnyClassicEnv = SyncEnv<Float32Array, number | Float32Array>;
type Factory = (kwargs: Record<string, unknown>) => AnyClassicEnv;

const ENVS: Record<string, { make: Factory; limit: number }> = {
  'CartPole-v1': { make: (kwargs) => new CartPoleEnv(kwargs), limit: 500 },
  'MountainCar-v0': { make: (kwargs) => new MountainCarEnv(kwargs), limit: 200 },
  'MountainCarContinuous-v0': {
    make: (kwargs) => new ContinuousMountainCarEnv(kwargs),
    limit: 999,
  },
  'Pendulum-v1': { make: (kwargs) => new PendulumEnv(kwargs), limit: 200 },
  'Acrobot-v1': { make: (kwargs) => new AcrobotEnv(kwargs), limit: 500 },
};

const official = readOfficialEpisodes(
  new URL('../__fixtures__/gymnasium-episodes-seed0-4.jsonl', import.meta.url),
);
const recorded = readCompactEpisodes(
  new URL('./__fixtures__/classic-control-episodes.jsonl', import.meta.url),
);

function camelCase(kwargs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(kwargs).map(([key, value]) => [
      key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
      value,
    ]),
  );
}

function replayAll(episodes: readonly RecordedEpisode[]): string[] {
  return episodes.flatMap((episode) => {
    const entry = ENVS[episode.envId]!;
    return replayEpisode(
      entry.make(camelCase(episode.kwargs)),
      episode,
      episode.maxEpisodeSteps ?? entry.limit,
    );
  });
}

describe('classic control: bit parity with the official Gymnasium 1.4 episodes', () => {
  for (const id of Object.keys(ENVS)) {
    it(id, () => {
      const episodes = official.filter((episode) => episode.envId === id);
      expect(episodes).toHaveLength(5);
      expect(replayAll(episodes)).toEqual([]);
    });
  }
});

describe('classic control: bit parity with recorded Gymnasium episodes (options, long and chaotic runs)', () => {
  for (const id of Object.keys(ENVS)) {
    it(id, () => {
      const episodes = recorded.filter((episode) => episode.envId === id);
      expect(episodes.length).toBeGreaterThan(25);
      expect(replayAll(episodes)).toEqual([]);
    });
  }

  it('the recordings cover terminations, truncations and every option variant', () => {
    const ended = (id: string, flag: 'terminated' | 'truncated') =>
      recorded.some((episode) => episode.envId === id && episode[flag].at(-1) === true);
    for (const id of ['CartPole-v1', 'MountainCar-v0', 'MountainCarContinuous-v0', 'Acrobot-v1']) {
      expect(ended(id, 'terminated'), id).toBe(true);
    }
    for (const id of Object.keys(ENVS)) {
      if (id !== 'CartPole-v1') expect(ended(id, 'truncated'), id).toBe(true);
    }
    const kwargs = new Set(recorded.map((episode) => JSON.stringify(episode.kwargs)));
    expect(kwargs).toContain('{"sutton_barto_reward":true}');
    expect(kwargs).toContain('{"goal_velocity":0.1}');
    expect(kwargs).toContain('{"g":9.81}');
    expect(recorded.filter((episode) => episode.options !== undefined).length).toBeGreaterThan(10);
  });
});
