// evaluate() end to end: language-model agents through the local OpenAI-compatible server, and in a loop.
import { describe, expect, it } from 'vitest';
import '../backends/default-loop-environments.js';
import { createLlmAgent } from '../agents/llm/create-llm-agent.js';
import type { LoopInfo } from '../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../loop/gym/loop-spaces.js';
import { createModelClient } from '../models/model-client.js';
import { createModel } from '../models/provider-registry.js';
import { openRunStore } from '../store/run-store.js';
import { startModelServer } from '../testing/model-server/index.js';
import { lakeSolver } from '../testing/__fixtures__/lake-solver.js';
import { ScriptedLanguageModel } from '../testing/scripted-language-model.js';
import { evaluate } from './evaluate.js';

describe('evaluate end to end', () => {
  it('evaluates an LLM agent on FrozenLake through the local server, retrying episodes the model failed', async () => {
    await using server = await startModelServer({
      models: (name) => (name === 'lake-solver' ? lakeSolver() : undefined),
      // Two overloaded answers: the facade does not retry here, so two episodes fail on them and are played again.
      faults: [{ kind: 'status', status: 503, times: 2 }],
    });
    const model = createModelClient(
      createModel('openai:lake-solver', { env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'test' } }),
      { retries: false },
    );
    const store = openRunStore(':memory:');
    const result = await evaluate<number, number>({
      env: 'FrozenLake-v1',
      envOptions: { isSlippery: false, renderMode: 'ansi' },
      agent: () => createLlmAgent({ model, parser: 'xml' }),
      model: 'openai:lake-solver',
      episodes: 4,
      concurrency: 2,
      maxRetries: 1,
      store,
    });
    expect(result.summary).toMatchObject({
      episodes: 4,
      successRate: 1,
      retries: 2,
      errors: { total: 0 },
      steps: { total: 24 },
      latency: { modelCalls: 24 },
    });
    expect(result.summary.tokens.input).toBeGreaterThan(0);
    expect(server.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(26);
    const episode = store.episodes(result.runId!)[0]!;
    expect(store.modelCalls(episode.id).map((call) => call.response)).toEqual(
      ['down', 'down', 'right', 'right', 'down', 'right'].map((move) => `<action>${move}</action>`),
    );
    expect(store.getRun(result.runId!)).toMatchObject({
      model: 'openai:lake-solver',
      agent: 'llm:openai:lake-solver',
    });
    store.close();
  });

  it('evaluates an LLM agent playing a loop’s policy worker, with the loop’s events stored', async () => {
    const store = openRunStore(':memory:');
    const result = await evaluate<LoopObservation, LoopAction, LoopInfo>({
      env: 'loopbench/code-repair-v1',
      envOptions: { backend: 'sim' },
      agent: () =>
        createLlmAgent({
          model: new ScriptedLanguageModel(({ index }) => `<action>patch attempt ${index}</action>`),
          parser: 'xml',
        }),
      episodes: 2,
      concurrency: 2,
      store,
    });
    expect(result.summary.episodes).toBe(2);
    expect(result.summary.errors.total).toBe(0);
    const reasons = Object.keys(result.summary.terminations);
    expect(reasons.length).toBeGreaterThan(0);
    const episodes = store.episodes(result.runId!);
    for (const episode of episodes) {
      expect(episode.taskId).toMatch(/^cr-/);
      expect(reasons).toContain(episode.terminationReason);
      expect(store.events(episode.id).at(-1)?.type).toBe('episode-end');
      expect(store.modelCalls(episode.id)).toHaveLength(episode.length);
    }
    // A loop's success is its termination reason.
    const successes = episodes.filter((episode) => episode.terminationReason === 'success').length;
    expect(result.summary.successes).toBe(successes);
    expect(store.getRun(result.runId!).backend).toBe('sim');
    store.close();
  });
});
