import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsStated } from '../../backends/sim/compose-answer.js';
import type { ReferenceFact } from '../tasks/loop-task.js';
import { make } from '../../registry/make.js';
import '../../backends/default-loop-environments.js';
import type { LoopInfo } from '../gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../gym/loop-spaces.js';
import type { PerturbationRequest } from './perturbation.js';
import { BUILTIN_PERTURBATIONS } from './perturbation-registry.js';
import { meanOf, playEpisode, successRate, type PlayedEpisode } from './perturbation-test-support.js';
import { corruptPassage } from './corrupted-tool-result.js';

const SEEDS = 30;
const RAG = 'loopbench/rag-retrieval-v1';

async function played(
  perturbations: readonly PerturbationRequest[],
  taskId: string,
): Promise<PlayedEpisode[]> {
  const env = make<LoopObservation, LoopAction, LoopInfo>(RAG, { perturbations, taskPerturbations: false });
  const episodes: PlayedEpisode[] = [];
  for (let seed = 0; seed < SEEDS; seed++) episodes.push(await playEpisode(env, seed, taskId));
  return episodes;
}

describe('corrupted_tool_result', () => {
  it('is registered', () => {
    expect(BUILTIN_PERTURBATIONS['corrupted_tool_result']?.name).toBe('corrupted_tool_result');
  });

  it('keeps the header, changes every number after it and cuts long passages', () => {
    const corrupted = corruptPassage('[S1] Report 2025\nPilots in 2027 at 40 sites. B. C. D. E.', 3);
    expect(corrupted.startsWith('[S1] Report 2025\nPilots in 20')).toBe(true);
    expect(corrupted).not.toContain('2027');
    expect(corrupted).toContain('61 sites');
    expect(corrupted.endsWith('C. …')).toBe(true);
  });

  it('makes rag-retrieval answers state fewer reference facts and succeed less often (30 seeds, sim)', async () => {
    const material = JSON.parse(
      readFileSync(
        new URL('../../../data/loopbench/rag-retrieval-v1/materials/LB-RAG-1.json', import.meta.url),
        'utf8',
      ),
    ) as { referenceFacts: ReferenceFact[] };
    const stated = (episodes: PlayedEpisode[], workerId: string) =>
      meanOf(episodes, (episode) => {
        const outputs = episode.events.flatMap((event) =>
          event.type === 'worker-output' && event.workerId === workerId ? [event.raw] : [],
        );
        const counts = outputs.map((raw) => factsStated(material.referenceFacts, raw).filter(Boolean).length);
        return counts.reduce((sum, count) => sum + count, 0) / Math.max(1, counts.length);
      });
    const clean = await played([], 'LB-RAG-1');
    const corrupted = await played(['corrupted_tool_result'], 'LB-RAG-1');
    expect(corrupted[0]!.events.filter((event) => event.type === 'tool-call').length).toBeGreaterThan(0);
    // The retriever writes the numbers its search returned; the answerer, which depends on it, reads its output.
    // Measured: facts per output 1.94 → 1.47 (retriever), 2.90 → 2.56 (answerer); success 0.83 → 0.50.
    expect(stated(corrupted, 'retriever')).toBeLessThan(stated(clean, 'retriever') - 0.3);
    expect(stated(corrupted, 'answerer')).toBeLessThan(stated(clean, 'answerer') - 0.3);
    expect(successRate(corrupted)).toBeLessThan(successRate(clean) - 0.15);
    expect(meanOf(corrupted, (episode) => episode.totalReward)).toBeLessThan(
      meanOf(clean, (episode) => episode.totalReward),
    );
  }, 120_000);

  it('leaves a loop without tools as it is', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/research-synthesis-v1', {
      perturbations: ['corrupted_tool_result'],
      taskPerturbations: false,
    });
    const reset = await env.reset({ seed: 0 });
    expect(reset.info.perturbations).toEqual([
      expect.objectContaining({ name: 'corrupted_tool_result', details: { tools: 0 } }),
    ]);
  });
});
