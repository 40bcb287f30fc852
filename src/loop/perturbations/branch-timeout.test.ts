import { describe, expect, it } from 'vitest';
import '../../backends/default-loop-environments.js';
import { make } from '../../registry/make.js';
import type { CompositionInfo } from '../composition/composed-episode.js';
import type { LoopInfo } from '../gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../gym/loop-spaces.js';
import type { PerturbationRequest } from './perturbation.js';
import { meanOf, playEpisode, successRate, type PlayedEpisode } from './perturbation-test-support.js';
import { timedOutBranches } from './branch-timeout.js';

const SWARM = 'loopbench/composed-swarm-v1';

async function played(
  perturbations: readonly PerturbationRequest[],
  seeds: number,
): Promise<PlayedEpisode[]> {
  const env = make<LoopObservation, LoopAction, LoopInfo>(SWARM, { perturbations, taskPerturbations: false });
  const episodes: PlayedEpisode[] = [];
  for (let seed = 0; seed < seeds; seed++)
    for (const taskId of ['comp-001', 'comp-002', 'comp-003'])
      episodes.push(await playEpisode(env, seed, taskId));
  return episodes;
}

describe('branch_timeout', () => {
  it('draws the same branches for every branch of an episode, and honours named ones', () => {
    const siblings = ['falsifier', 'evidence', 'operator'];
    expect(timedOutBranches(siblings, undefined, 1, 7)).toEqual(timedOutBranches(siblings, undefined, 1, 7));
    expect(timedOutBranches(siblings, undefined, 1, 7)).toHaveLength(1);
    expect(timedOutBranches(siblings, undefined, 5, 7)).toEqual(siblings);
    expect(timedOutBranches(siblings, ['operator', 'nobody'], 1, 7)).toEqual(['operator']);
    const drawn = new Set(
      Array.from({ length: 30 }, (_, seed) => timedOutBranches(siblings, undefined, 1, seed)[0]),
    );
    expect(drawn.size).toBe(3);
  });

  it('makes the chosen branch fail on timeouts, and the swarm succeed less (10 seeds × 3 tasks, sim)', async () => {
    const clean = await played([], 10);
    const perturbed = await played(['branch_timeout'], 10);
    const children = (episode: PlayedEpisode) =>
      (episode.infos.at(-1)!['composition'] as CompositionInfo).children;
    for (const episode of perturbed) {
      // Exactly one branch fails, on timeouts; the others run as in the clean episode.
      const failed = Object.entries(children(episode)).filter(([, child]) => !child.passed);
      expect(failed.length).toBeGreaterThanOrEqual(1);
      const timeouts = new Set(
        episode.events.flatMap((event) =>
          event.type === 'worker-error' && event.code === 'timeout'
            ? [event.episodeId.split('/').at(-1)]
            : [],
        ),
      );
      expect(timeouts.size).toBe(1);
      expect(failed.map(([id]) => id)).toContain([...timeouts][0]);
    }
    const failedBranches = (episode: PlayedEpisode) =>
      Object.values(children(episode)).filter((child) => !child.passed).length;
    expect(meanOf(perturbed, failedBranches)).toBeGreaterThan(meanOf(clean, failedBranches) + 0.8);
    // Measured: success 1.00 → 0.00, mean return 0.88 → 0.43. Without a branch, the merge fails when another
    // branch fails too, and the orchestrator misses that lens's facts: the composite gate stays below 0.80.
    expect(successRate(perturbed)).toBeLessThan(successRate(clean) - 0.5);
    expect(meanOf(perturbed, (episode) => episode.totalReward)).toBeLessThan(
      meanOf(clean, (episode) => episode.totalReward) - 0.2,
    );
  }, 300_000);

  it('times out the named branch, and leaves plain loops alone', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>(SWARM, {
      perturbations: [{ name: 'branch_timeout', branches: ['operator'] }],
      taskPerturbations: false,
    });
    const episode = await playEpisode(env, 0, 'comp-003');
    const composition = episode.infos.at(-1)!['composition'] as CompositionInfo;
    expect(composition.children['operator']?.passed).toBe(false);
    expect(composition.children['falsifier']?.passed).toBe(true);
    expect(episode.infos[0]!.perturbations).toEqual([
      expect.objectContaining({ name: 'branch_timeout', details: { branch: null } }),
    ]);
    const plain = make<LoopObservation, LoopAction, LoopInfo>('loopbench/research-synthesis-v1', {
      perturbations: ['branch_timeout'],
      taskPerturbations: false,
    });
    const reset = await plain.reset({ seed: 0 });
    expect(reset.info.perturbations).toEqual([
      expect.objectContaining({ name: 'branch_timeout', details: { branch: null } }),
    ]);
  }, 60_000);
});
