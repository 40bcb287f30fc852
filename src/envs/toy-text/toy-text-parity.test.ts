import { describe, expect, it } from 'vitest';
import {
  readReferenceEpisodes,
  replayEpisode,
  TOY_TEXT_IDS,
  type ReferenceEpisode,
} from './reference-episodes.case.js';

const official = readReferenceEpisodes(
  new URL('../__fixtures__/gymnasium-episodes-seed0-4.jsonl', import.meta.url),
  TOY_TEXT_IDS,
);
const extra = readReferenceEpisodes(
  new URL('./__fixtures__/gymnasium-toy-text-extra.jsonl', import.meta.url),
  TOY_TEXT_IDS,
);

/** Episodes grouped by id and constructor arguments, one test per group. */
function groups(episodes: ReferenceEpisode[]): [string, ReferenceEpisode[]][] {
  const byKey = new Map<string, ReferenceEpisode[]>();
  for (const episode of episodes) {
    const kwargs =
      episode.generate_random_map === undefined ? episode.kwargs : { desc: 'generate_random_map' };
    const key = `${episode.env_id} ${JSON.stringify(kwargs)}${episode.ansi === undefined ? '' : ' (ansi)'}`;
    byKey.set(key, [...(byKey.get(key) ?? []), episode]);
  }
  return [...byKey.entries()];
}

function expectReplay(episodes: ReferenceEpisode[]): void {
  for (const episode of episodes) {
    expect(
      replayEpisode(episode),
      `${episode.env_id} ${JSON.stringify(episode.kwargs)} seed ${episode.seed}`,
    ).toEqual(episode);
  }
}

describe('toy-text parity with the official Gymnasium 1.4 reference episodes (seeds 0-4)', () => {
  it('holds every toy-text id', () => {
    expect(new Set(official.map((e) => e.env_id))).toEqual(
      new Set(['FrozenLake-v1', 'FrozenLake8x8-v1', 'CliffWalking-v1', 'Taxi-v4', 'Blackjack-v1']),
    );
  });
  it.each(groups(official))('%s', (_key, episodes) => {
    expectReplay(episodes);
  });
});

describe('toy-text parity with recorded Gymnasium episodes (seeds 5+, options, ansi renders)', () => {
  it.each(groups(extra))('%s', (_key, episodes) => {
    expectReplay(episodes);
  });
});
