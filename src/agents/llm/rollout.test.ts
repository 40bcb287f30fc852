import { describe, expect, it } from 'vitest';
import { make } from '../../registry/make.js';
import { ScriptedLanguageModel } from '../../testing/scripted-language-model.js';
import { fromGymLike } from '../from-gym-like.js';
import { createLlmAgent } from './create-llm-agent.js';
import { rollout } from './rollout.js';
import { Discrete } from '../../spaces/discrete.js';

// Non-slippery FrozenLake 4x4: down, down, right, right, down, right reaches the goal (reward 1 on the 6th step).
const WINNING = ['down', 'down', 'right', 'right', 'down', 'right'];
const lake = () => make<number, number>('FrozenLake-v1', { renderMode: 'ansi', isSlippery: false });

describe('rollout with an LLM agent', () => {
  it('delivers the terminal observation without an extra model call, and keeps per-step rewards and the return', async () => {
    const model = new ScriptedLanguageModel([...WINNING, 'left']);
    const trajectory = await rollout(lake(), createLlmAgent({ model }), { seed: 0 });
    expect(model.calls).toHaveLength(6);
    expect(trajectory.status).toBe('terminated');
    expect(trajectory.environmentSteps).toBe(6);
    expect(trajectory.modelCalls).toBe(6);
    expect(trajectory.rewards).toEqual([0, 0, 0, 0, 0, 1]);
    expect(trajectory.return).toBe(1);
    expect(trajectory.finalObservation).toBe(15);
    expect(trajectory.steps.map((step) => step.action)).toEqual([1, 1, 2, 2, 1, 2]);
    expect(trajectory.steps.at(-1)?.nextObservation).toBe(15);
  });

  it('counts maxEpisodeSteps in environment steps, one model call per step', async () => {
    const model = new ScriptedLanguageModel(['left']);
    const trajectory = await rollout(lake(), createLlmAgent({ model }), { seed: 0, maxEpisodeSteps: 3 });
    expect(trajectory.status).toBe('max-episode-steps');
    expect(trajectory.environmentSteps).toBe(3);
    expect(model.calls).toHaveLength(3);
    expect(trajectory.steps.every((step) => step.calls.length === 1)).toBe(true);
  });

  it('reports the environment’s own time limit as truncated', async () => {
    const model = new ScriptedLanguageModel(['left']);
    const trajectory = await rollout(lake(), createLlmAgent({ model }), { seed: 0 });
    expect(trajectory.status).toBe('truncated');
    expect(trajectory.environmentSteps).toBe(100);
    expect(model.calls).toHaveLength(100);
  });

  it("ends the episode with reward 0 on an invalid answer under the default 'end' policy, reusing no older answer", async () => {
    const model = new ScriptedLanguageModel(['down', 'jump over it']);
    const trajectory = await rollout(lake(), createLlmAgent({ model }), { seed: 0 });
    expect(trajectory.status).toBe('invalid-action');
    expect(trajectory.environmentSteps).toBe(1);
    expect(model.calls).toHaveLength(2);
    const last = trajectory.steps.at(-1)!;
    expect(last).toMatchObject({
      action: undefined,
      reward: 0,
      environmentStep: false,
      answer: 'jump over it',
    });
    expect(last.invalidAction).toContain('left, down, right, up');
    expect(trajectory.rewards).toEqual([0, 0]);
  });

  it('retries with the parse error fed back, up to k times, within one step', async () => {
    const model = new ScriptedLanguageModel(['jump', 'swim', 'down', 'left']);
    const agent = createLlmAgent({ model, invalidActionPolicy: { retry: 2 } });
    const trajectory = await rollout(lake(), agent, { seed: 0, maxEpisodeSteps: 1 });
    expect(trajectory.environmentSteps).toBe(1);
    expect(trajectory.steps).toHaveLength(1);
    expect(trajectory.steps[0]!.action).toBe(1);
    expect(trajectory.steps[0]!.calls.map((call) => call.parseError === undefined)).toEqual([
      false,
      false,
      true,
    ]);
    const third = model.calls[2]!.messages;
    expect(third.at(-1)).toMatchObject({ role: 'user' });
    expect(third.at(-1)!.content).toContain('not a valid action');
    expect(third.filter((message) => message.role === 'assistant').map((message) => message.content)).toEqual(
      ['jump', 'swim'],
    );
  });

  it('ends the episode when the retries run out', async () => {
    const model = new ScriptedLanguageModel(['jump']);
    const agent = createLlmAgent({ model, invalidActionPolicy: { retry: 2 } });
    const trajectory = await rollout(lake(), agent, { seed: 0 });
    expect(trajectory.status).toBe('invalid-action');
    expect(model.calls).toHaveLength(3);
    expect(trajectory.environmentSteps).toBe(0);
  });

  it('takes the default action on an invalid answer under { default }', async () => {
    const model = new ScriptedLanguageModel(['right', 'jump']);
    const agent = createLlmAgent<number, number>({ model, invalidActionPolicy: { default: 1 } });
    const trajectory = await rollout(lake(), agent, { seed: 0, maxEpisodeSteps: 2 });
    expect(trajectory.steps.map((step) => [step.action, step.defaulted ?? false])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(trajectory.finalObservation).toBe(5); // right then down: into the hole at (1, 1)
    expect(trajectory.status).toBe('terminated');
  });

  it('ends the episode as an error with its cause when the model throws, and the next episode runs', async () => {
    const failure = new Error('connection reset');
    const model = new ScriptedLanguageModel(({ index }) => (index === 1 ? failure : 'down'));
    const agent = createLlmAgent({ model });
    const env = lake();
    const broken = await rollout(env, agent, { seed: 0 });
    expect(broken.status).toBe('error');
    expect(broken.error).toMatchObject({ phase: 'agent', message: 'connection reset', cause: failure });
    expect(broken.environmentSteps).toBe(1);
    const next = await rollout(env, agent, { seed: 0, maxEpisodeSteps: 1 });
    expect(next.status).toBe('max-episode-steps');
  });

  it('ends the episode as an error with its cause when the environment throws in step or reset', async () => {
    let calls = 0;
    const env = fromGymLike({
      reset: () => [0, {}],
      step: () => {
        calls += 1;
        if (calls === 2) throw new TypeError('simulator crashed');
        return [0, 0.5, false, false, {}];
      },
      actionSpace: new Discrete(2),
    });
    const model = new ScriptedLanguageModel(['1']);
    const trajectory = await rollout(env, createLlmAgent({ model }), { seed: 0 });
    expect(trajectory.status).toBe('error');
    expect(trajectory.error).toMatchObject({
      phase: 'step',
      name: 'TypeError',
      message: 'simulator crashed',
    });
    expect(trajectory.rewards).toEqual([0.5, 0]);
    const failingReset = fromGymLike({
      reset: () => Promise.reject(new Error('no such level')),
      step: () => [0, 0, true, false, {}],
    });
    const noStart = await rollout(failingReset, createLlmAgent({ model }));
    expect(noStart).toMatchObject({ status: 'error', error: { phase: 'reset', message: 'no such level' } });
  });

  it('records messages, usage, cost and latency per step', async () => {
    const model = new ScriptedLanguageModel(
      [{ text: 'down', usage: { inputTokens: 1000, outputTokens: 10 }, latencySeconds: 0.25 }],
      { provider: 'openai', modelName: 'gpt-4.1-mini' },
    );
    const trajectory = await rollout(lake(), createLlmAgent({ model }), { seed: 0, maxEpisodeSteps: 2 });
    const step = trajectory.steps[0]!;
    expect(step.calls[0]!.messages[0]).toMatchObject({ role: 'system' });
    expect(step.calls[0]!.messages[1]!.content).toContain('SFFF');
    expect(step.usage).toEqual({ inputTokens: 1000, outputTokens: 10 });
    expect(step.costUsd).toBeGreaterThan(0);
    expect(trajectory.usage).toEqual({ inputTokens: 2000, outputTokens: 20 });
    expect(trajectory.costUsd).toBeCloseTo(2 * step.costUsd, 12);
    expect(trajectory.modelLatencySeconds).toBeCloseTo(0.5, 12);
  });

  it('stops as aborted when the signal fires', async () => {
    const controller = new AbortController();
    const model = new ScriptedLanguageModel(({ index }) => {
      if (index === 1) controller.abort(new Error('stop'));
      return 'left';
    });
    const trajectory = await rollout(lake(), createLlmAgent({ model }), {
      seed: 0,
      signal: controller.signal,
    });
    expect(trajectory.status).toBe('aborted');
    expect(trajectory.environmentSteps).toBe(2);
  });

  it('plays a plain agent too', async () => {
    // Down three times: into the hole at (3, 0).
    const trajectory = await rollout(lake(), { name: 'down', act: () => 1 }, { seed: 0 });
    expect(trajectory).toMatchObject({ status: 'terminated', environmentSteps: 3, modelCalls: 0 });
  });
});
