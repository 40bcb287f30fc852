import { describe, expect, it } from 'vitest';
import { make } from '../../registry/make.js';
import '../../backends/default-loop-environments.js';
import type { LoopInfo } from '../gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../gym/loop-spaces.js';
import type { PerturbationRequest } from './perturbation.js';
import { meanOf, playSeeds, successRate, type PlayedEpisode } from './perturbation-test-support.js';

const SEEDS = 60;

function loop(id: string, perturbations: readonly PerturbationRequest[] = []) {
  return make<LoopObservation, LoopAction, LoopInfo>(id, { perturbations });
}

const cache = new Map<string, Promise<PlayedEpisode[]>>();
function played(id: string, perturbations: readonly PerturbationRequest[] = []): Promise<PlayedEpisode[]> {
  const key = `${id} ${JSON.stringify(perturbations)}`;
  let episodes = cache.get(key);
  if (episodes === undefined) {
    episodes = playSeeds(loop(id, perturbations), SEEDS);
    cache.set(key, episodes);
  }
  return episodes;
}

const DEBATE = 'loopbench/multi-agent-debate-v1';
const RESEARCH = 'loopbench/research-synthesis-v1';

describe('perturbations change outcomes the way they should (60 seeds, sim)', () => {
  it('budget_minus_one: one iteration less, fewer iterations, fewer successes', async () => {
    const clean = await played(DEBATE);
    const perturbed = await played(DEBATE, ['budget_minus_one']);
    expect(Math.max(...clean.map((episode) => episode.iterations))).toBe(5);
    expect(Math.max(...perturbed.map((episode) => episode.iterations))).toBe(4);
    expect(perturbed.some((episode) => episode.reason === 'max_iterations' && episode.iterations === 4)).toBe(
      true,
    );
    expect(meanOf(perturbed, (episode) => episode.iterations)).toBeLessThan(
      meanOf(clean, (episode) => episode.iterations),
    );
    expect(successRate(perturbed)).toBeLessThan(successRate(clean));
    expect(perturbed[0]!.infos[0]!.perturbations).toEqual([
      {
        name: 'budget_minus_one',
        source: 'option',
        parameters: { iterations: 1 },
        details: { maxIterations: { from: 5, to: 4 } },
      },
    ]);
  });

  it('api_latency: every model call reports more latency; a call slower than the timeout is a timeout', async () => {
    const latencies = (episodes: readonly PlayedEpisode[]): number[] =>
      episodes.flatMap((episode) =>
        episode.events.flatMap((event) => (event.type === 'model-response' ? [event.latencySeconds] : [])),
      );
    const clean = await played(RESEARCH);
    const perturbed = await played(RESEARCH, [{ name: 'api_latency', seconds: 3, jitter: 0.5 }]);
    const before = latencies(clean);
    const after = latencies(perturbed);
    const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
    // Same answers (latency does not change what models say), 1.5–4.5 s more per call: 3 s on average.
    expect(after).toHaveLength(before.length);
    after.forEach((latency, index) => {
      expect(latency - before[index]!).toBeGreaterThanOrEqual(1.5);
      expect(latency - before[index]!).toBeLessThan(4.5);
    });
    expect(mean(after) - mean(before)).toBeGreaterThan(2.7);
    expect(mean(after) - mean(before)).toBeLessThan(3.3);
    const slow = await playSeeds(loop(RESEARCH, [{ name: 'api_latency', seconds: 500, jitter: 0 }]), 3);
    for (const episode of slow) {
      expect(episode.events.some((event) => event.type === 'worker-error' && event.code === 'timeout')).toBe(
        true,
      );
      expect(episode.reason).not.toBe('success');
    }
  });

  it('model_downgrade: workers call a weaker model and succeed less often', async () => {
    const clean = await played(DEBATE);
    const perturbed = await played(DEBATE, ['model_downgrade']);
    const workerModels = new Set(
      perturbed[0]!.events.flatMap((event) =>
        event.type === 'model-response' && event.callerKind === 'worker' ? [event.modelId] : [],
      ),
    );
    expect([...workerModels].sort()).toEqual(['sim:claude-3-5-haiku', 'sim:gpt-4.1-nano']);
    expect(successRate(perturbed)).toBeLessThan(successRate(clean) - 0.1);
    expect(meanOf(perturbed, (episode) => episode.totalReward)).toBeLessThan(
      meanOf(clean, (episode) => episode.totalReward),
    );
  });

  it('context_truncation: prompts are cut to the budget, feedback is lost, success falls', async () => {
    const clean = await played(RESEARCH);
    const perturbed = await played(RESEARCH, [{ name: 'context_truncation', tokens: 256 }]);
    const inputTokens = perturbed.flatMap((episode) =>
      episode.events.flatMap((event) =>
        event.type === 'model-response' && event.callerKind === 'worker' ? [event.usage.inputTokens] : [],
      ),
    );
    // 256 tokens of text plus a few per message.
    expect(Math.max(...inputTokens)).toBeLessThanOrEqual(256 + 12);
    expect(successRate(perturbed)).toBeLessThan(successRate(clean) - 0.05);
    expect(meanOf(perturbed, (episode) => episode.iterations)).toBeGreaterThan(
      meanOf(clean, (episode) => episode.iterations),
    );
  });

  it('missing_source: without the key source, facts only it stated are lost and debates fail', async () => {
    const clean = await played(DEBATE);
    const perturbed = await played(DEBATE, ['missing_source']);
    expect(successRate(clean)).toBeGreaterThan(0.6);
    expect(successRate(perturbed)).toBeLessThan(successRate(clean) - 0.3);
    const details = perturbed[0]!.infos[0]!.perturbations as { details: { removed: string[] } }[];
    expect(details[0]!.details.removed).toEqual(['S1']);
    // Research briefs: every fact has other sources, so the loop mostly recovers, but at a cost.
    const research = await played(RESEARCH, ['missing_source']);
    expect(meanOf(research, (episode) => episode.totalReward)).toBeLessThan(
      meanOf(await played(RESEARCH), (episode) => episode.totalReward),
    );
  });
});
