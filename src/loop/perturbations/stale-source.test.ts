import { describe, expect, it } from 'vitest';
import { make } from '../../registry/make.js';
import '../../backends/default-loop-environments.js';
import type { LoopInfo } from '../gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../gym/loop-spaces.js';
import type { PerturbationRequest } from './perturbation.js';
import { BUILTIN_PERTURBATIONS } from './perturbation-registry.js';
import { meanOf, playEpisode, successRate, type PlayedEpisode } from './perturbation-test-support.js';
import { staleCopyOf, withStaleSources } from './stale-source.js';

const SEEDS = 30;

async function played(
  id: string,
  perturbations: readonly PerturbationRequest[],
  taskId?: string,
): Promise<PlayedEpisode[]> {
  const env = make<LoopObservation, LoopAction, LoopInfo>(id, { perturbations, taskPerturbations: false });
  const episodes: PlayedEpisode[] = [];
  for (let seed = 0; seed < SEEDS; seed++) episodes.push(await playEpisode(env, seed, taskId));
  return episodes;
}

describe('stale_source', () => {
  it('is registered', () => {
    expect(BUILTIN_PERTURBATIONS['stale_source']?.name).toBe('stale_source');
  });

  it('copies a source with its numbers changed, marked stale, under an id no task source has', () => {
    const copy = staleCopyOf(
      { id: 'S1', title: 'Report', published: '2025-03-01', text: 'Pilots in 2027 at 40 sites, 2.5% cost.' },
      1,
      2,
    );
    expect(copy).toEqual({
      id: 'STALE1',
      title: 'Report (earlier edition)',
      published: '2023-03-01',
      text: 'Pilots in 2025 at 61 sites, 3.8% cost.',
      stale: true,
    });
  });

  it('ranks the copies before every other source in the workers’ view', () => {
    const task = {
      id: 't',
      material: { sources: [{ id: 'S1', title: 'A', text: 'x' }] },
    } as unknown as Parameters<typeof withStaleSources>[0];
    const copy = staleCopyOf({ id: 'S1', title: 'A', text: 'In 2020.' }, 1, 1);
    expect(withStaleSources(task, [copy]).material.sources.map((source) => source.id)).toEqual([
      'STALE1',
      'S1',
    ]);
  });

  it('lowers return on rag-retrieval LB-RAG-2 and research-synthesis (30 seeds, sim)', async () => {
    const rag = 'loopbench/rag-retrieval-v1';
    const cleanRag = await played(rag, [], 'LB-RAG-2');
    const staleRag = await played(rag, ['stale_source'], 'LB-RAG-2');
    const details = staleRag[0]!.infos[0]!.perturbations as { name: string; details: { copied: string[] } }[];
    expect(details[0]!.name).toBe('stale_source');
    expect(details[0]!.details.copied.length).toBeGreaterThan(0);
    const totalReward = (episode: PlayedEpisode) => episode.totalReward;
    expect(successRate(staleRag)).toBeLessThan(successRate(cleanRag) - 0.3); // measured 0.77 → 0.17
    expect(meanOf(staleRag, totalReward)).toBeLessThan(meanOf(cleanRag, totalReward));
    const research = 'loopbench/research-synthesis-v1';
    const cleanResearch = await played(research, []);
    const staleResearch = await played(research, ['stale_source']);
    // Measured: success 0.97 → 0.93, return 0.93 → 0.90.
    expect(meanOf(staleResearch, totalReward)).toBeLessThan(meanOf(cleanResearch, totalReward));
  }, 120_000);
});
