import { describe, expect, it } from 'vitest';
import '../../backends/default-loop-environments.js';
import type { LoopInfo } from '../../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../../loop/gym/loop-spaces.js';
import { createModelClient } from '../../models/model-client.js';
import { createModel } from '../../models/provider-registry.js';
import { WordleEnv } from '../../envs/text/wordle.js';
import { WORDLE_WORDS } from '../../envs/text/wordle-words.js';
import { make } from '../../registry/make.js';
import { startModelServer } from '../../testing/model-server/index.js';
import { lakeSolver as scriptedLakeSolver } from '../../testing/__fixtures__/lake-solver.js';
import { ScriptedLanguageModel } from '../../testing/scripted-language-model.js';
import { createLlmAgent } from './create-llm-agent.js';
import { rollout } from './rollout.js';

function lakeSolver(): ScriptedLanguageModel {
  return scriptedLakeSolver(
    (action, state) => `<think>I am on state ${state}.</think>I will go <action>${action}</action>`,
  );
}

/** The secret of a Wordle episode, found by playing every word of the list in a game with enough guesses. */
function wordleSecret(seed: number): string {
  const env = new WordleEnv({ maxGuesses: WORDLE_WORDS.length });
  env.resetSync({ seed });
  const secret = WORDLE_WORDS.find((word) => env.stepSync(word).reward === 1);
  if (secret === undefined) throw new Error(`no secret found for seed ${seed}`);
  return secret;
}

/** A model that reads how many guesses are left and plays `words` in turn (the third one being the secret). */
function wordlePlayer(words: readonly string[]): ScriptedLanguageModel {
  return new ScriptedLanguageModel(({ options }) => {
    const prompt = options.messages.at(-1)?.content ?? '';
    const left = Number(/Guesses left: (\d+)\./.exec(prompt)?.[1]);
    return `<think>${left} guesses left.</think><action>${words[6 - left] ?? 'zzzzz'}</action>`;
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

  it('solves text/wordle-v0 in three guesses through the local server, without a call for the terminal observation', async () => {
    const seed = 3;
    const secret = wordleSecret(seed);
    const words = [...WORDLE_WORDS.filter((word) => word !== secret).slice(0, 2), secret];
    await using server = await startModelServer({
      models: (name) => (name === 'wordle-player' ? wordlePlayer(words) : undefined),
    });
    const model = createModelClient(
      createModel('openai:wordle-player', { env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'test' } }),
      { retries: false },
    );
    const env = make<string, string>('text/wordle-v0');
    const agent = createLlmAgent<string, string>({ model, parser: 'xml' });
    const trajectory = await rollout(env, agent, { seed });
    expect(trajectory.status).toBe('terminated');
    expect(trajectory.steps.map((step) => step.action)).toEqual(words);
    expect(trajectory.rewards).toEqual([0, 0, 1]);
    expect(trajectory.return).toBe(1);
    expect(trajectory.environmentSteps).toBe(3);
    expect(trajectory.finalObservation).toContain('Solved in 3!');
    // Three guesses, three calls: the terminal observation ends the episode without asking the model again.
    expect(server.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(3);
    expect(trajectory.modelCalls).toBe(3);
    // The model saw each scored guess before the next one.
    const secondPrompt = trajectory.steps[1]!.calls[0]!.messages.at(-1)!.content;
    expect(secondPrompt).toContain(`1. ${words[0]!.toUpperCase().split('').join(' ')}`);
    expect(secondPrompt).toContain('Guesses left: 5.');
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
