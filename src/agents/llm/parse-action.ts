// Default action parsers by action space, the named actions of the toy-text envs, and the XML and think parsers.
import type { Space } from '../../core/space.js';

/** Turns a model's answer (after the optional XML/think parser) into an action; throws an {@link ActionParseError}. */
export type ParseAction<Act = unknown> = (answer: string, context: ParseActionContext) => Act;

/** What an action parser may read besides the answer. */
export interface ParseActionContext {
  actionSpace: Space<unknown, unknown>;
  /** Names of the Discrete actions, index order (from `actionNames` or the env id), if known. */
  actionNames: readonly string[] | undefined;
}

/**
 * A model's answer is not a valid action. The message says what was expected, so it can be fed back to the model.
 *
 * @example
 * ```ts
 * throw new ActionParseError('No <action> tag in the answer; answer with <action>…</action>.');
 * ```
 */
export class ActionParseError extends Error {
  override readonly name = 'ActionParseError';
}

/** Names of the Discrete actions of the classic envs, by env id without version. */
const KNOWN_ACTION_NAMES: Readonly<Record<string, readonly string[]>> = {
  FrozenLake: ['left', 'down', 'right', 'up'],
  FrozenLake8x8: ['left', 'down', 'right', 'up'],
  Taxi: ['south', 'north', 'east', 'west', 'pickup', 'dropoff'],
  CliffWalking: ['up', 'right', 'down', 'left'],
  Blackjack: ['stick', 'hit'],
  CartPole: ['left', 'right'],
  MountainCar: ['left', 'none', 'right'],
  Acrobot: ['negative', 'none', 'positive'],
};

/**
 * The action names of an environment: `metadata.actionNames` when it declares them, else the known names of its
 * registered id (FrozenLake, Taxi, CliffWalking, Blackjack, CartPole, …), else `undefined`.
 *
 * @example
 * ```ts
 * actionNamesOf(make('FrozenLake-v1')); // ['left', 'down', 'right', 'up']
 * ```
 */
export function actionNamesOf(env: {
  metadata?: { [key: string]: unknown } | undefined;
  spec?: { id?: string; name?: string } | undefined;
}): readonly string[] | undefined {
  const declared = env.metadata?.actionNames;
  if (Array.isArray(declared) && declared.every((name) => typeof name === 'string')) return declared;
  const id = env.spec?.id ?? env.spec?.name;
  if (id === undefined) return undefined;
  const base = id.replace(/^.*\//, '').replace(/-v\d+$/, '');
  return KNOWN_ACTION_NAMES[base];
}

function parseDiscrete(answer: string, context: ParseActionContext): number {
  const space = context.actionSpace as unknown as { n: number; start: number };
  const start = space.start;
  const last = start + space.n - 1;
  const text = answer
    .trim()
    .toLowerCase()
    .replace(/[.!"'`*]+$/g, '')
    .replace(/^["'`*]+/, '');
  const names = context.actionNames?.map((name) => name.toLowerCase());
  const choices =
    `an integer from ${start} to ${last}` + (names === undefined ? '' : ` or one of ${names.join(', ')}`);
  if (/^-?\d+$/.test(text)) {
    const index = Number(text);
    if (index >= start && index <= last) return index;
    throw new ActionParseError(`${text} is not an action: answer with ${choices}.`);
  }
  if (names !== undefined) {
    const exact = names.indexOf(text);
    if (exact >= 0) return start + exact;
    const mentioned = names
      .map((name, index) => ({ index, found: new RegExp(`\\b${name}\\b`).test(text) }))
      .filter((entry) => entry.found);
    if (mentioned.length === 1) return start + mentioned[0]!.index;
  }
  const numbers = text.match(/-?\d+/g) ?? [];
  if (numbers.length === 1) {
    const index = Number(numbers[0]);
    if (index >= start && index <= last) return index;
  }
  throw new ActionParseError(
    `Could not read an action from ${JSON.stringify(answer.slice(0, 200))}: answer with ${choices}.`,
  );
}

/**
 * The default action parser, by action space: Discrete takes an index or an action name (exact, or the only name
 * mentioned), Text takes the answer, loop envs take `{ output: answer }`, an unknown space takes JSON when the
 * answer is JSON and the text otherwise, and any other space takes the answer as JSON checked against the space.
 *
 * @example
 * ```ts
 * defaultParseAction('right', { actionSpace: new Discrete(4), actionNames: ['left', 'down', 'right', 'up'] }); // 2
 * ```
 */
export function defaultParseAction(answer: string, context: ParseActionContext): unknown {
  const space = context.actionSpace;
  switch (space.type) {
    case 'Discrete':
      return parseDiscrete(answer, context);
    case 'Text': {
      const text = answer.trim();
      if (!space.contains(text)) {
        throw new ActionParseError(`The answer is not a valid text action for ${space.toString()}.`);
      }
      return text;
    }
    case 'LoopAction':
      return { output: answer.trim() };
    case 'Unknown': {
      const text = answer.trim();
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    }
    default: {
      let value: unknown;
      try {
        value = JSON.parse(answer.trim()) as unknown;
      } catch {
        throw new ActionParseError(
          `The answer is not JSON; answer with a JSON value of ${space.toString()}.`,
        );
      }
      try {
        return space.fromJsonValue(value);
      } catch (error) {
        throw new ActionParseError(
          `The answer is not an element of ${space.toString()}: ${(error as Error).message}`,
        );
      }
    }
  }
}

/**
 * Removes `<think>…</think>` reasoning from an answer (an unclosed one up to the end too).
 *
 * @example
 * ```ts
 * stripThink('<think>left is a hole</think>down'); // 'down'
 * ```
 */
export function stripThink(answer: string): string {
  return answer.replace(/<think>[\s\S]*?(<\/think>|$)/gi, '').trim();
}

/**
 * The content of the last `<tag>…</tag>` in an answer (default tag `action`); throws an {@link ActionParseError}
 * when there is none.
 *
 * @example
 * ```ts
 * parseXmlTag('I go <action>right</action>'); // 'right'
 * ```
 */
export function parseXmlTag(answer: string, tag = 'action'): string {
  const matches = [...answer.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'gi'))];
  const last = matches.at(-1);
  if (last === undefined) {
    throw new ActionParseError(
      `No <${tag}>…</${tag}> in the answer: put the action inside <${tag}></${tag}>.`,
    );
  }
  return last[1]!.trim();
}
