import { describe, expect, it } from 'vitest';
import { makeLoopEnv } from '../../backends/make-loop-env.js';
import { createSimBackend } from '../../backends/sim/sim-backend.js';
import { createLoopServices } from '../create-loop-services.js';
import type { LoopEvent } from '../events/loop-event.js';
import { FIXTURES, compositionTasks } from './__fixtures__/composition-tasks.js';
import { CompositionEnv, type CompositionStepInfo } from './composition-env.js';

function composition(name: string): CompositionEnv {
  const env = makeLoopEnv({ spec: `${FIXTURES}/${name}.yaml`, tasks: compositionTasks() });
  expect(env).toBeInstanceOf(CompositionEnv);
  return env as CompositionEnv;
}

interface Episode {
  steps: { reward: number; terminated: boolean; truncated: boolean; info: CompositionStepInfo }[];
  events: LoopEvent[];
}

async function runEpisode(env: CompositionEnv, seed: number, taskId = 'rs-001'): Promise<Episode> {
  const reset = await env.reset({ seed, options: { taskId } });
  const events = [...reset.info.events];
  const steps: Episode['steps'] = [];
  for (;;) {
    const { reward, terminated, truncated, info } = await env.step(null);
    steps.push({ reward, terminated, truncated, info });
    events.push(...info.events);
    if (terminated || truncated) return { steps, events };
  }
}

const tags = (events: readonly LoopEvent[]): string[] => [...new Set(events.map((e) => e.episodeId))];
const startOf = (events: readonly LoopEvent[], suffix: string) =>
  events.find((e) => e.type === 'episode-start' && e.episodeId.endsWith(suffix)) as Extract<
    LoopEvent,
    { type: 'episode-start' }
  >;
const lastOutput = (events: readonly LoopEvent[], suffix: string, worker: string): string =>
  (
    events.filter(
      (e) => e.type === 'worker-output' && e.episodeId.endsWith(suffix) && e.workerId === worker,
    ) as Extract<LoopEvent, { type: 'worker-output' }>[]
  ).at(-1)!.raw;

describe('sequential composition', () => {
  it('runs one stage per step, the adapter carrying the draft to the critique, then its own loop', async () => {
    const env = composition('sequential');
    const { steps, events } = await runEpisode(env, 0);
    const id = 'draft-then-critique/rs-001/0';
    expect(tags(steps[0]!.info.events)).toEqual([`${id}/draft`]);
    expect(tags(steps[1]!.info.events)).toEqual([`${id}/critique`]);
    expect(steps[0]!.info.composition).toMatchObject({ phase: 'children', childSteps: 1 });
    expect(steps[1]!.info.composition.phase).toBe('own');
    expect(steps.slice(0, 2).map((step) => step.reward)).toEqual([0, 0]);
    // The critique started on the draft's final brief, trimmed by the adapter.
    expect(startOf(events, '/critique').inputs['draft']).toBe(lastOutput(events, '/draft', 'writer').trim());
    // The own loop's synthesizer read both answers.
    const call = events.find((e) => e.type === 'worker-call' && e.episodeId === id);
    const prompt = call?.type === 'worker-call' ? call.messages.map((m) => m.content).join('\n') : '';
    expect(prompt).toContain('inputs.children');
    // The answers come as JSON, newlines escaped.
    expect(prompt).toContain(JSON.stringify(lastOutput(events, '/critique', 'editor')).slice(1, 80));
    const last = steps.at(-1)!;
    const children = Object.values(last.info.composition.children);
    const childCost = children.reduce((sum, child) => sum + child.costUsd, 0);
    expect(last.info.costUsd).toBeGreaterThan(childCost);
    expect(steps.slice(2).every((step) => step.info.iteration > 0)).toBe(true);
  });
});

describe('parallel composition', () => {
  it('runs every branch in one step, events kept in declaration order, then merges', async () => {
    const env = composition('parallel');
    const { steps } = await runEpisode(env, 1);
    const first = steps[0]!.info;
    expect(tags(first.events).map((tag) => tag.split('/').at(-1))).toEqual(['quick', 'careful', 'second']);
    expect(first.composition.merge).toMatchObject({ strategy: 'synthesize', passed: true, branchCount: 3 });
    expect(first.composition.phase).toBe('own');
    expect(first.composition.childPassRate).not.toBeNull();
  });

  it('ends the episode as worker_failed when the merge fails', async () => {
    // all_pass over branches of which one does not reach the bar at seed 0 (`second` stops at max_iterations).
    const base = composition('parallel');
    const plan = base.composedProgram.composition!;
    const env = new CompositionEnv({
      program: {
        ...base.composedProgram,
        composition: { ...plan, merge: { ...plan.merge!, strategy: 'all_pass' } },
      },
      tasks: base.tasks,
      backend: createSimBackend(),
      services: createLoopServices({}),
    });
    const { steps, events } = await runEpisode(env, 0);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ terminated: true, truncated: false });
    expect(steps[0]!.info.terminationReason).toBe('worker_failed');
    expect(steps[0]!.info.composition.merge?.passed).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'episode-end', reason: 'worker_failed' });
    await expect(env.step(null)).rejects.toThrow(/reset/);
  });
});

describe('each merge strategy, through the environment', () => {
  const strategies = ['synthesize', 'vote', 'first_pass', 'all_pass', 'min_branches_pass'] as const;
  it.each(strategies)(
    '%s: the own loop reads exactly the selected answers and the dissent',
    async (strategy) => {
      const base = composition('parallel');
      const plan = base.composedProgram.composition!;
      const env = new CompositionEnv({
        program: {
          ...base.composedProgram,
          composition: {
            ...plan,
            merge: {
              ...plan.merge!,
              strategy,
              minBranchesPass: strategy === 'min_branches_pass' ? 2 : undefined,
            },
          },
        },
        tasks: base.tasks,
        backend: createSimBackend(),
        services: createLoopServices({}),
      });
      await env.reset({ seed: 0, options: { taskId: 'rs-001' } });
      const { info } = await env.step(null);
      const merge = info.composition.merge!;
      expect(merge.strategy).toBe(strategy);
      if (!merge.passed) {
        expect(info.terminationReason).toBe('worker_failed');
        return;
      }
      const children = env.episode!.episode.inputs['children'] as { answers: object; dissent: object };
      expect(Object.keys(children.answers)).toEqual(merge.selected);
      expect(Object.keys(children.dissent)).toEqual(merge.dissent);
      if (strategy === 'first_pass') expect(merge.selected).toHaveLength(1);
    },
  );
});

describe('nested composition', () => {
  it('runs a whole inner episode per outer iteration, the outer loop reading each new draft', async () => {
    const env = composition('nested');
    const { steps, events } = await runEpisode(env, 0);
    const outerSteps = steps.filter((step) => step.info.iteration === 0);
    const rounds = outerSteps.length;
    expect(rounds).toBeGreaterThanOrEqual(2);
    outerSteps.forEach((step, index) => {
      expect(tags(step.info.events).map((tag) => tag.split('/').at(-1))).toEqual([
        `drafter#${index + 1}`,
        'critic',
      ]);
    });
    const summary = steps.at(-1)!.info.composition.children;
    expect(summary['drafter']!.runs).toBe(rounds);
    expect(summary['critic']!.iterations).toBe(rounds);
    // The critic's prompt in its second iteration carries the second draft.
    const calls = events.filter((e) => e.type === 'worker-call' && e.episodeId.endsWith('/critic'));
    const secondPrompt = calls[1]?.type === 'worker-call' ? calls[1].messages[1]!.content : '';
    expect(secondPrompt).toContain(lastOutput(events, '/drafter#2', 'writer').slice(0, 60));
    // The episode-start of the critic keeps the first draft.
    expect(startOf(events, '/critic').inputs['draft']).toBe(lastOutput(events, '/drafter#1', 'writer'));
  });
});

describe('determinism', () => {
  it('gives the same events for the same seed, and other events for another', async () => {
    for (const name of ['sequential', 'parallel', 'nested']) {
      const one = await runEpisode(composition(name), 4, 'rs-002');
      const two = await runEpisode(composition(name), 4, 'rs-002');
      expect(JSON.stringify(two.events)).toBe(JSON.stringify(one.events));
      const other = await runEpisode(composition(name), 5, 'rs-002');
      expect(JSON.stringify(other.events)).not.toBe(JSON.stringify(one.events));
    }
  });
});
