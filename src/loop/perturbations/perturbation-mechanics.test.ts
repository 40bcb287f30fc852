import { describe, expect, it } from 'vitest';
import { makeLoopEnv } from '../../backends/make-loop-env.js';
import { testProgram, gradeEvaluator } from '../engine/__fixtures__/engine-harness.js';
import { createDefaultEvaluatorRegistry } from '../evaluators/deterministic/create-default-evaluator-registry.js';
import { ToolRegistry } from '../tool-registry.js';
import { emptyTaskMaterial, type LoopTask } from '../tasks/loop-task.js';
import type { LoopSpec } from '../../lss/loop-spec.js';
import type { PerturbationRequest } from './perturbation.js';
import { parsePerturbationFlag } from './parse-perturbation-flag.js';
import { resolvePerturbation } from './perturbation-registry.js';
import { playEpisode, playSeeds } from './perturbation-test-support.js';

const task = (perturbations: string[] = []): LoopTask => ({
  id: 't-1',
  inputs: { topic: 'tides' },
  material: { ...emptyTaskMaterial(), perturbations },
  root: undefined,
});

function env(
  change: (spec: LoopSpec) => void,
  options: {
    perturbations?: PerturbationRequest[];
    taskPerturbations?: boolean;
    tasks?: LoopTask[];
    tools?: ToolRegistry;
  } = {},
) {
  return makeLoopEnv({
    spec: testProgram(change),
    tasks: options.tasks ?? [task()],
    perturbations: options.perturbations,
    taskPerturbations: options.taskPerturbations,
    services: {
      evaluators: createDefaultEvaluatorRegistry().register(gradeEvaluator),
      ...(options.tools === undefined ? {} : { tools: options.tools }),
    },
  });
}

const withHumanReviewer = (spec: LoopSpec): void => {
  spec.evaluators.push({ id: 'reviewer', type: 'human', runs_after: ['drafter'], timeout_seconds: 600 });
  spec.termination_conditions.failure!.push({ type: 'human_rejected', action: 'halt' });
};

const search = new ToolRegistry([
  {
    definition: {
      name: 'search',
      description: 'Search',
      parameters: { type: 'object', properties: { query: { type: 'string' } } },
    },
    run: () => 'Tides follow the moon.',
  },
]);
const withSearch = (spec: LoopSpec): void => {
  spec.workers[0]!.tools = ['search'];
};

describe('perturbation requests', () => {
  it('reads --perturb values', () => {
    expect(parsePerturbationFlag('budget_minus_one')).toBe('budget_minus_one');
    expect(parsePerturbationFlag('api_latency:seconds=5,jitter=0,callers=workers')).toEqual({
      name: 'api_latency',
      seconds: 5,
      jitter: 0,
      callers: 'workers',
    });
    expect(parsePerturbationFlag('tool_denylist:tools=shell|curl,penalty=2')).toEqual({
      name: 'tool_denylist',
      tools: ['shell', 'curl'],
      penalty: 2,
    });
    expect(() => parsePerturbationFlag(':x=1')).toThrow(/needs a perturbation name/);
    expect(() => parsePerturbationFlag('api_latency:seconds')).toThrow(/not key=value/);
  });

  it('checks names and parameters, filling defaults', () => {
    expect(resolvePerturbation({ name: 'api_latency', seconds: 5 }).parameters).toEqual({
      seconds: 5,
      jitter: 0.5,
      callers: 'all',
    });
    expect(resolvePerturbation({ name: 'tool_denylist', tools: 'shell' }).parameters).toEqual({
      tools: ['shell'],
      penalty: 1,
    });
    expect(() => resolvePerturbation('api_latencyy')).toThrow(/Did you mean `api_latency`/);
    expect(() => resolvePerturbation({ name: 'api_latency', seconds: -1 })).toThrow(/`seconds`/);
    expect(() => resolvePerturbation({ name: 'budget_minus_one', extra: 1 })).toThrow(/budget_minus_one/);
    expect(() => env(() => {}, { perturbations: ['nope'] })).toThrow(/No perturbation named `nope`/);
  });
});

describe('hitl_reject', () => {
  it('ends episodes as human_rejected, as often as its probability says', async () => {
    const clean = await playSeeds(env(withHumanReviewer), 40);
    expect(clean.every((episode) => episode.reason === 'max_iterations')).toBe(true);
    const always = await playSeeds(env(withHumanReviewer, { perturbations: ['hitl_reject'] }), 10);
    expect(always.every((episode) => episode.reason === 'human_rejected' && episode.iterations === 1)).toBe(
      true,
    );
    const sometimes = await playSeeds(
      env(withHumanReviewer, { perturbations: [{ name: 'hitl_reject', probability: 0.2 }] }),
      60,
    );
    const rejected = sometimes.filter((episode) => episode.reason === 'human_rejected').length / 60;
    // 1 − 0.8⁵ ≈ 0.67 of episodes see a rejection within 5 reviews.
    expect(rejected).toBeGreaterThan(0.45);
    expect(rejected).toBeLessThan(0.9);
    expect(new Set(sometimes.map((episode) => episode.iterations)).size).toBeGreaterThan(2);
  });

  it('follows a script, then the environment’s own gate', async () => {
    const scripted = env(withHumanReviewer, {
      perturbations: [{ name: 'hitl_reject', script: ['approve', 'approve', 'reject'] }],
    });
    const episode = await playEpisode(scripted, 0);
    expect([episode.reason, episode.iterations]).toEqual(['human_rejected', 3]);
    const decisions = episode.events.flatMap((event) =>
      event.type === 'human-decision' ? [event.decision] : [],
    );
    expect(decisions).toEqual(['approve', 'approve', 'reject']);
  });
});

describe('tool_denylist and tool_allowlist', () => {
  it('a denied tool call ends the episode as safety_violation, with the penalty in the reward', async () => {
    const clean = await playEpisode(env(withSearch, { tools: search }), 0);
    expect(clean.reason).toBe('max_iterations');
    expect(clean.events.some((event) => event.type === 'tool-call' && event.outcome === 'ok')).toBe(true);
    const denied = await playEpisode(
      env(withSearch, { tools: search, perturbations: [{ name: 'tool_denylist', tools: ['search'] }] }),
      0,
    );
    expect([denied.reason, denied.iterations]).toEqual(['safety_violation', 1]);
    expect(denied.events.some((event) => event.type === 'tool-call' && event.outcome === 'blocked')).toBe(
      true,
    );
    expect(denied.rewards).toEqual([-1]);
    expect(denied.infos.at(-1)!.safetyEvents.join(' ')).toMatch(/search/);
    const allowed = await playEpisode(
      env(withSearch, { tools: search, perturbations: [{ name: 'tool_allowlist', tools: [], penalty: 3 }] }),
      0,
    );
    expect([allowed.reason, allowed.rewards]).toEqual(['safety_violation', [-3]]);
    const fine = await playEpisode(
      env(withSearch, { tools: search, perturbations: [{ name: 'tool_allowlist', tools: ['search'] }] }),
      0,
    );
    expect(fine.reason).toBe('max_iterations');
  });
});

describe('perturbations named by tasks', () => {
  it('are applied automatically (after those asked for), unless turned off', async () => {
    const tasks = [task(['budget_minus_one', 'not_a_perturbation'])];
    const named = await playEpisode(
      env(() => {}, { tasks }),
      0,
    );
    expect(named.iterations).toBe(4);
    expect(named.infos[0]!.perturbations).toMatchObject([{ name: 'budget_minus_one', source: 'task' }]);
    const both = await playEpisode(
      env(() => {}, { tasks, perturbations: [{ name: 'budget_minus_one', iterations: 2 }] }),
      0,
    );
    expect(both.iterations).toBe(3);
    expect(both.infos.at(-1)!.perturbations).toMatchObject([
      { name: 'budget_minus_one', source: 'option', parameters: { iterations: 2 } },
    ]);
    const off = await playEpisode(
      env(() => {}, { tasks, taskPerturbations: false }),
      0,
    );
    expect(off.iterations).toBe(5);
    expect(off.infos[0]!.perturbations).toBeUndefined();
  });
});
