// loopbench/hitl-gate-v1 in sim: every task ends, the human gate is asked, and `hitl_reject` ends episodes as
// `human_rejected`.
import { describe, expect, it } from 'vitest';
import './default-loop-environments.js';
import { scriptedHumanGate } from '../loop/human-gate.js';
import type { LoopInfo } from '../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../loop/gym/loop-spaces.js';
import { make } from '../registry/make.js';
import {
  loopOutcomes,
  runLoopEpisode as runEpisode,
  type LoopGymEnv,
} from './__fixtures__/run-loop-episode.js';

const ID = 'loopbench/hitl-gate-v1';
const SEEDS = 30;

function outcomes(env: LoopGymEnv, taskId: string) {
  return loopOutcomes(env, taskId, SEEDS);
}

describe('loopbench/hitl-gate-v1', () => {
  it('runs every task of its tasks.json to an end, asking the human gate about the executor’s output', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>(ID);
    const tasks = (env.unwrapped as unknown as { tasks: { id: string }[] }).tasks;
    expect(tasks.map((task) => task.id)).toEqual(['LB-HITL-1', 'LB-HITL-2', 'hitl-003']);
    for (const task of tasks) {
      const { reason, events } = await runEpisode(env, 0, task.id);
      expect(reason).toBeDefined();
      expect(events.at(-1)?.type).toBe('episode-end');
      const decisions = events.filter((event) => event.type === 'human-decision');
      expect(decisions.length).toBeGreaterThan(0);
      expect(decisions.every((event) => event.gateId === 'approval-gate')).toBe(true);
    }
  });

  it('ends the tasks that name hitl_reject as human_rejected, always, and the others never', async () => {
    const perturbed = make<LoopObservation, LoopAction, LoopInfo>(ID);
    const plain = make<LoopObservation, LoopAction, LoopInfo>(ID, { taskPerturbations: false });
    for (const taskId of ['LB-HITL-2', 'hitl-003']) {
      const withReject = await outcomes(perturbed, taskId);
      const without = await outcomes(plain, taskId);
      expect(withReject.reasons).toEqual({ human_rejected: SEEDS });
      expect(without.reasons.human_rejected).toBeUndefined();
      expect(withReject.meanReturn).toBeLessThan(without.meanReturn);
    }
    const lowRisk = await outcomes(perturbed, 'LB-HITL-1');
    expect(lowRisk.reasons.human_rejected).toBeUndefined();
    expect(lowRisk.reasons.success ?? 0).toBeGreaterThanOrEqual(SEEDS * 0.8);
  }, 60_000);

  it('a rejection halts cleanly: the episode ends as human_rejected at the iteration of the rejection', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>(ID, {
      humanGate: scriptedHumanGate(['approve', 'reject']),
      taskPerturbations: false,
    });
    const { reason, events, step } = await runEpisode(env, 3, 'LB-HITL-2');
    const decisions = events.flatMap((event) => (event.type === 'human-decision' ? [event.decision] : []));
    expect(decisions).toEqual(['approve', 'reject']);
    expect(reason).toBe('human_rejected');
    expect(step.info.iteration).toBe(2);
    const rejected = events.find((event) => event.type === 'safety-event' && event.outcome === 'rejected');
    expect(rejected).toMatchObject({ constraintType: 'human_gate', workerId: 'executor' });
  });

  it('a hitl_reject with a probability rejects some episodes of a low-risk task', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>(ID, {
      perturbations: [{ name: 'hitl_reject', probability: 0.5 }],
    });
    const { reasons } = await outcomes(env, 'LB-HITL-1');
    expect(reasons.human_rejected ?? 0).toBeGreaterThan(0);
    expect(reasons.human_rejected ?? 0).toBeLessThan(SEEDS);
  }, 60_000);

  it('is deterministic for a seed, perturbation included', async () => {
    const run = async () => {
      const env = make<LoopObservation, LoopAction, LoopInfo>(ID);
      const episode = await runEpisode(env, 11, 'hitl-003');
      return JSON.stringify(episode.events);
    };
    expect(await run()).toBe(await run());
  });
});
