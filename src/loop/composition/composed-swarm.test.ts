import { describe, expect, it } from 'vitest';
import '../../backends/default-loop-environments.js';
import { make } from '../../registry/make.js';
import type { LoopInfo } from '../gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../gym/loop-spaces.js';
import type { CompositionInfo } from './composed-episode.js';

describe('loopbench/composed-swarm-v1', () => {
  it('runs the branches its spec names, merges them, and is the same for a seed', async () => {
    const run = async (seed: number, taskId: string) => {
      const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/composed-swarm-v1');
      const reset = await env.reset({ seed, options: { taskId } });
      const events = [...reset.info.events];
      let info: LoopInfo = reset.info;
      for (;;) {
        const step = await env.step(null);
        events.push(...step.info.events);
        info = step.info;
        if (step.terminated || step.truncated) break;
      }
      return { events: JSON.stringify(events), info };
    };
    for (const taskId of ['comp-001', 'comp-002', 'comp-003']) {
      const { events, info } = await run(0, taskId);
      const composition = info['composition'] as CompositionInfo;
      expect(Object.keys(composition.children)).toEqual(['falsifier', 'evidence', 'operator']);
      expect(composition.merge).toMatchObject({ strategy: 'min_branches_pass', branchCount: 3 });
      expect(info.terminationReason).toBeDefined();
      expect((await run(0, taskId)).events).toBe(events);
    }
  });
});
