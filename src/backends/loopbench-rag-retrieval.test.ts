// loopbench/rag-retrieval-v1 in sim: the retriever searches its task's documents, and `missing_source` (named by
// LB-RAG-1) costs the answers the facts only the key document states.
import { describe, expect, it, vi } from 'vitest';
import './default-loop-environments.js';
import type { LoopInfo } from '../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../loop/gym/loop-spaces.js';
import { make } from '../registry/make.js';
import {
  loopOutcomes,
  runLoopEpisode as runEpisode,
  type LoopGymEnv,
} from './__fixtures__/run-loop-episode.js';

const ID = 'loopbench/rag-retrieval-v1';
const SEEDS = 30;

function outcomes(env: LoopGymEnv, taskId: string) {
  return loopOutcomes(env, taskId, SEEDS);
}

describe('loopbench/rag-retrieval-v1', () => {
  it('runs every task to an end; the retriever searches the task’s documents and the answer is graded', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const env = make<LoopObservation, LoopAction, LoopInfo>(ID, { taskPerturbations: false });
    const tasks = (env.unwrapped as unknown as { tasks: { id: string }[] }).tasks;
    expect(tasks.map((task) => task.id)).toEqual(['LB-RAG-1', 'LB-RAG-2', 'rag-003']);
    for (const task of tasks) {
      const { reason, events } = await runEpisode(env, 0, task.id);
      expect(reason).toBeDefined();
      const searches = events.filter((event) => event.type === 'tool-call');
      expect(searches.length).toBeGreaterThan(0);
      for (const search of searches) {
        expect(search).toMatchObject({ workerId: 'retriever', name: 'search', outcome: 'ok' });
        expect((search as { result: string }).result).toMatch(/^\[S\d\] /);
      }
      const graders = events.flatMap((event) =>
        event.type === 'evaluator-score' ? [event.evaluatorId] : [],
      );
      expect(graders).toEqual(expect.arrayContaining(['grounding_check', 'quality_rubric']));
    }
    warn.mockRestore();
  });

  it('missing_source (LB-RAG-1’s own) lowers success and return over 30 seeds; the key passages leave the results', async () => {
    const perturbed = make<LoopObservation, LoopAction, LoopInfo>(ID);
    const plain = make<LoopObservation, LoopAction, LoopInfo>(ID, { taskPerturbations: false });
    const withMissing = await outcomes(perturbed, 'LB-RAG-1');
    const without = await outcomes(plain, 'LB-RAG-1');
    expect(without.successRate).toBeGreaterThanOrEqual(0.7);
    expect(withMissing.successRate).toBeLessThan(without.successRate - 0.4);
    expect(withMissing.meanReturn).toBeLessThan(without.meanReturn);
    const { events, step } = await runEpisode(perturbed, 0, 'LB-RAG-1');
    expect(step.info.perturbations).toEqual([
      expect.objectContaining({ name: 'missing_source', source: 'task' }),
    ]);
    for (const event of events) if (event.type === 'tool-call') expect(event.result).not.toContain('[S1]');
  }, 60_000);

  it('applies stale_source (LB-RAG-2’s): a stale copy of the key source ranks first in the search results', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>(ID);
    const { reason, step, events } = await runEpisode(env, 1, 'LB-RAG-2');
    expect(reason).toBeDefined();
    const applied = step.info.perturbations as { name: string; source: string }[];
    expect(applied.map((entry) => [entry.name, entry.source])).toEqual([['stale_source', 'task']]);
    const calls = events.filter((event) => event.type === 'tool-call');
    expect(calls.length).toBeGreaterThan(0);
    for (const event of calls) expect(event.result).toMatch(/^\[STALE1\] /);
  });

  it('is deterministic for a seed, perturbation included', async () => {
    const run = async () => {
      const env = make<LoopObservation, LoopAction, LoopInfo>(ID);
      return JSON.stringify((await runEpisode(env, 4, 'LB-RAG-1')).events);
    };
    expect(await run()).toBe(await run());
  });
});
