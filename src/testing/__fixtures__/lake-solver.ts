// A scripted model that crosses non-slippery FrozenLake 4x4, for the tests that drive a language-model agent.
import { ScriptedLanguageModel } from '../scripted-language-model.js';

/** The shortest path across non-slippery FrozenLake 4x4: the action to take in each state on it. */
export const LAKE_PLAN: Readonly<Record<number, string>> = {
  0: 'down',
  4: 'down',
  8: 'right',
  9: 'right',
  10: 'down',
  14: 'right',
};

/**
 * A model that reads the state from the prompt's last line (`Observation (Discrete): 4`), as a model would, and
 * answers with the plan's action (`left` off the path), worded by `answer` (default `<action>down</action>`).
 *
 * @example
 * ```ts
 * const model = lakeSolver((action, state) => `<think>On ${state}.</think><action>${action}</action>`);
 * ```
 */
export function lakeSolver(
  answer: (action: string, state: number) => string = (action) => `<action>${action}</action>`,
): ScriptedLanguageModel {
  return new ScriptedLanguageModel(({ options }) => {
    const prompt = options.messages.at(-1)?.content ?? '';
    const state = Number(/Observation \(Discrete\): (\d+)\s*$/.exec(prompt)?.[1]);
    return answer(LAKE_PLAN[state] ?? 'left', state);
  });
}
