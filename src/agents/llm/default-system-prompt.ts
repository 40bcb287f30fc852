// The default instructions of a language-model agent, from the action space.
import type { Space } from '../../core/space.js';

/** How answers are wrapped, which the instructions mention. */
export type AnswerParser = 'xml' | 'think' | 'none';

/**
 * Instructions that say what an action looks like in this space and how to write the answer.
 *
 * @example
 * ```ts
 * defaultSystemPrompt(new Discrete(4), ['left', 'down', 'right', 'up'], 'xml');
 * ```
 */
export function defaultSystemPrompt(
  actionSpace: Space<unknown, unknown>,
  actionNames: readonly string[] | undefined,
  parser: AnswerParser,
): string {
  let what: string;
  if (actionSpace.type === 'Discrete') {
    const { n, start } = actionSpace as unknown as { n: number; start: number };
    what =
      actionNames === undefined
        ? `an action number from ${start} to ${start + n - 1}`
        : `one action: ${actionNames.map((name, index) => `${name} (${start + index})`).join(', ')}`;
  } else if (actionSpace.type === 'LoopAction') {
    what = 'your complete output for the task (it replaces the policy worker’s output)';
  } else if (actionSpace.type === 'Text' || actionSpace.type === 'Unknown') {
    what = 'your answer as text';
  } else {
    what = `a JSON value of ${actionSpace.toString()}`;
  }
  const lines = [
    'You are an agent acting in an environment. Each turn you read an observation and choose the next action.',
    `Answer with ${what}.`,
  ];
  if (parser === 'xml') lines.push('Put the action inside <action></action>; you may reason before it.');
  if (parser === 'think')
    lines.push('You may reason inside <think></think> first; then give only the action.');
  if (parser === 'none') lines.push('Give only the action, nothing else.');
  return lines.join('\n');
}
