import { describe, expect, it } from 'vitest';
import '../../backends/default-loop-environments.js';
import type { LoopInfo } from '../../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../../loop/gym/loop-spaces.js';
import { createModelClient } from '../../models/model-client.js';
import { createModel } from '../../models/provider-registry.js';
import { make } from '../../registry/make.js';
import { startModelServer } from '../../testing/model-server/index.js';
import { ScriptedLanguageModel } from '../../testing/scripted-language-model.js';
import { createLlmAgent } from './create-llm-agent.js';
import { rollout } from './rollout.js';

// A policy for non-slippery FrozenLake 4x4 that reads the state from the prompt, as a model would.
const PLAN: Record<number, string> = {
  0: 'down',
  4: 'down',
  8: 'right',
  9: 'right',
  10: 'down',
  14: 'right',
};

function lakeSolver(): ScriptedLanguageModel {
  return new ScriptedLanguageModel(({ options }) => {
    const prompt = options.messages.at(-1)?.content ?? '';
    const state = Number(/Observation \(Discrete\): (\d+)\s*$/.exec(prompt)?.[1]);
    return `<think>I am on state ${state}.</think>I will go <action>${PLAN[state] ?? 'left'}</action>`;
  });
}

describe('the LLM agent end to end', () => {
  it('plays FrozenLake through the local server with createModel("openai:…") and OPENAI_BASE_URL', async () => {
    await using server = await startModelServer({
      models: (name) => (name === 'lake-solver' ? lakeSolver() : undefined),
    });
    const model = createModelClient(
      createModel('openai:lake-solver', { env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'test' } }),
      { retries: false },
    );
    const env = make<number, number>('FrozenLake-v1', { renderMode: 'ansi', isSlippery: false });
    const agent = createLlmAgent<number, number>({ model, parser: 'xml', history: 2 });
    const trajectory = await rollout(env, agent, { seed: 0, maxEpisodeSteps: 20 });
    expect(trajectory.status).toBe('terminated');
    expect(trajectory.return).toBe(1);
    expect(trajectory.environmentSteps).toBe(6);
    expect(server.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(6);
    expect(trajectory.steps.every((step) => step.usage.inputTokens > 0)).toBe(true);
    // history: 2 keeps the last two turns: system + 2 × (user, assistant) + the current observation.
    const lastCall = trajectory.steps.at(-1)!.calls[0]!;
    expect(lastCall.messages).toHaveLength(6);
    expect(model.usage().calls).toBe(6);
  });

  it('plays a loop environment as its policy worker', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/code-repair-v1', { backend: 'sim' });
    const model = new ScriptedLanguageModel(({ index }) => `<action>patch attempt ${index}</action>`);
    const agent = createLlmAgent<LoopObservation, LoopAction, LoopInfo>({ model, parser: 'xml' });
    const trajectory = await rollout(env, agent, { seed: 0, resetOptions: { taskId: 'cr-001' } });
    expect(['terminated', 'truncated']).toContain(trajectory.status);
    expect(trajectory.environmentSteps).toBeGreaterThan(0);
    expect(model.calls).toHaveLength(trajectory.environmentSteps);
    expect(trajectory.steps.map((step) => step.action)).toEqual(
      trajectory.steps.map((_, index) => ({ output: `patch attempt ${index}` })),
    );
    const firstPrompt = model.calls[0]!.messages[1]!.content;
    expect(firstPrompt).toContain('Task: cr-001');
    expect(firstPrompt).toContain('Objective:');
    const lastInfo = trajectory.steps.at(-1)!.info!;
    expect(trajectory.return).toBeCloseTo(lastInfo.primary ?? 0, 10);
  });
});
