// Replays every episode Gymnasium 1.4 recorded (src/envs/__fixtures__/gymnasium-episodes-seed0-4.jsonl) through
// make(), the full default stack included, and requires identical observations, rewards, flags and infos.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeSync } from '../registry/make.js';

interface RecordedStep {
  obs: unknown;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info: Record<string, unknown>;
}
interface RecordedEpisode {
  env_id: string;
  kwargs: Record<string, unknown>;
  seed: number;
  actions: (number | number[])[];
  reset: { obs: unknown; info: Record<string, unknown> };
  steps: RecordedStep[];
}

const episodes = readFileSync(
  new URL('./__fixtures__/gymnasium-episodes-seed0-4.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as RecordedEpisode);

/** A value in the fixture's JSON shape: typed arrays and tuples become arrays. */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  }
  return value;
}

function replay(episode: RecordedEpisode): Pick<RecordedEpisode, 'reset' | 'steps'> {
  const env = makeSync(episode.env_id, episode.kwargs);
  const reset = env.resetSync({ seed: episode.seed });
  const steps: RecordedStep[] = episode.actions.map((action) => {
    const result = env.stepSync(Array.isArray(action) ? Float32Array.from(action) : action);
    return {
      obs: plain(result.observation),
      reward: result.reward,
      terminated: result.terminated,
      truncated: result.truncated,
      info: plain(result.info) as Record<string, unknown>,
    };
  });
  return {
    reset: { obs: plain(reset.observation), info: plain(reset.info) as Record<string, unknown> },
    steps,
  };
}

describe('bit parity with Gymnasium 1.4 through make()', () => {
  const ids = [...new Set(episodes.map((e) => e.env_id))];
  it('covers the ten recorded environments', () => {
    expect(ids).toHaveLength(10);
  });
  for (const id of ids) {
    it(id, () => {
      for (const episode of episodes.filter((e) => e.env_id === id)) {
        expect(replay(episode), `${id} seed ${episode.seed}`).toEqual({
          reset: episode.reset,
          steps: episode.steps,
        });
      }
    });
  }
});
