// A run store filled by real runs, for the tracing and viewer tests: FrozenLake played by a language model, a
// random FrozenLake run, two code-repair loop episodes (one whose output holds HTML), and a short training run.
import '../../backends/default-loop-environments.js';
import { createLlmAgent } from '../../agents/llm/create-llm-agent.js';
import { RandomAgent } from '../../agents/random-agent.js';
import { scriptedAgent } from '../../agents/scripted-agent.js';
import { evaluate } from '../../eval/evaluate.js';
import type { LoopInfo } from '../../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../../loop/gym/loop-spaces.js';
import type { RunStore } from '../../store/run-store.js';
import { ScriptedLanguageModel } from '../../testing/scripted-language-model.js';

/** What an agent wrote in the loop run: markup that must be shown as text, never run. */
export const HOSTILE_OUTPUT =
  '<script>window.__hostile = 1</script><img src="x" onerror="window.__hostile = 2"><b>bold?</b>';

/** The ids of the runs {@link fillRunStore} made. */
export interface FilledRuns {
  lakeLlm: string;
  lakeRandom: string;
  loop: string;
  loopHostile: string;
  train: string;
}

// The shortest path across non-slippery FrozenLake 4x4, by state, as a model would read it from the prompt.
const PLAN: Record<number, string> = { 0: 'down', 4: 'down', 8: 'right', 9: 'right', 10: 'down', 14: 'right' };

/**
 * Fills a store with real runs (a few seconds).
 *
 * @example
 * ```ts
 * const store = openRunStore(':memory:');
 * const runs = await fillRunStore(store);
 * ```
 */
export async function fillRunStore(store: RunStore): Promise<FilledRuns> {
  const solver = new ScriptedLanguageModel(
    ({ options }) => {
      const prompt = options.messages.at(-1)?.content ?? '';
      const state = Number(/Observation \(Discrete\): (\d+)\s*$/.exec(prompt)?.[1]);
      return `<action>${PLAN[state] ?? 'left'}</action>`;
    },
    { modelName: 'lake-solver' },
  );
  const lakeLlm = await evaluate<number, number>({
    env: 'FrozenLake-v1',
    envOptions: { isSlippery: false, renderMode: 'ansi' },
    agent: () => createLlmAgent({ model: solver, parser: 'xml' }),
    model: 'scripted:lake-solver',
    episodes: 3,
    seed: 0,
    store,
  });
  const lakeRandom = await evaluate<number, number>({
    env: 'FrozenLake-v1',
    envOptions: { isSlippery: true, renderMode: 'ansi' },
    agent: ({ env }) => new RandomAgent(env.actionSpace, { seed: 1 }),
    episodes: 4,
    seed: 0,
    store,
  });
  const loop = await evaluate<LoopObservation, LoopAction, LoopInfo>({
    env: 'loopbench/code-repair-v1',
    envOptions: { backend: 'sim' },
    agent: scriptedAgent(() => null, { name: 'loop-models' }),
    episodes: 2,
    seed: 0,
    store,
  });
  const loopHostile = await evaluate<LoopObservation, LoopAction, LoopInfo>({
    env: 'loopbench/code-repair-v1',
    envOptions: { backend: 'sim' },
    agent: scriptedAgent(() => ({ output: HOSTILE_OUTPUT }), { name: 'hostile' }),
    episodes: 1,
    seed: 0,
    resetOptions: { taskId: 'cr-001' },
    store,
  });
  // A training run as the trainer records it: episodes whose returns rise.
  const train = store.startRun({ kind: 'train', envId: 'FrozenLake-v1', agent: 'q-learning', seeds: [0] });
  for (let index = 0; index < 12; index += 1) {
    const success = index % 3 !== 0 && index > 4 ? 1 : 0;
    store.recordEpisode(train, {
      index,
      seed: index,
      return: success,
      length: 6 + (index % 4),
      terminated: true,
      truncated: false,
      terminationReason: 'terminated',
      metrics: { success, epsilon: Math.max(0.05, 1 - index / 10) },
    });
  }
  store.finishRun(train, { episodes: 12 }, 'completed');
  return {
    lakeLlm: lakeLlm.runId!,
    lakeRandom: lakeRandom.runId!,
    loop: loop.runId!,
    loopHostile: loopHostile.runId!,
    train,
  };
}
