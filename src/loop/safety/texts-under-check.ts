// The pieces of text a content detector reads: the check's text, and the string arguments of its tool call.
import type { SafetyCheck } from './safety-detector.js';

/** One piece of text under check. */
export interface TextUnderCheck {
  text: string;
  /**
   * `undefined`: this is `SafetyCheck.text`, and offsets in it are spans. Otherwise the dotted path of a string
   * argument of the tool call (`body`, `headers.authorization`, `urls.0`); findings there carry no span.
   */
  argument: string | undefined;
  /** The tool called, for an argument. */
  toolName: string | undefined;
}

/**
 * The check's text and, when `withToolArguments`, every string found in its tool call's arguments (nested objects
 * and arrays included), in that order.
 *
 * @example
 * ```ts
 * textsUnderCheck({ ...check, text: 'hi', toolCall: { name: 'mail', arguments: { to: ['a@b.io'] } } }, true);
 * // [{ text: 'hi', argument: undefined, … }, { text: 'a@b.io', argument: 'to.0', toolName: 'mail' }]
 * ```
 */
export function textsUnderCheck(check: SafetyCheck, withToolArguments: boolean): TextUnderCheck[] {
  const pieces: TextUnderCheck[] = [];
  if (check.text !== undefined) pieces.push({ text: check.text, argument: undefined, toolName: undefined });
  if (withToolArguments && check.toolCall !== undefined) {
    for (const leaf of stringLeaves(check.toolCall.arguments, [])) {
      pieces.push({ text: leaf.value, argument: leaf.path, toolName: check.toolCall.name });
    }
  }
  return pieces;
}

/**
 * Every string inside a JSON-like value with its dotted path (object keys that are strings are not included).
 *
 * @example
 * ```ts
 * stringLeaves({ a: ['x', { b: 'y' }] }, []); // [{ path: 'a.0', value: 'x' }, { path: 'a.1.b', value: 'y' }]
 * ```
 */
export function stringLeaves(value: unknown, path: readonly string[]): { path: string; value: string }[] {
  if (typeof value === 'string') return [{ path: path.join('.'), value }];
  if (Array.isArray(value)) {
    return value.flatMap((item: unknown, index) => stringLeaves(item, [...path, String(index)]));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  }
  return [];
}

/**
 * Where something was found, in words: `at line 2, column 5` in the text, or `in argument \`body\` of tool call
 * \`send_mail\``.
 *
 * @example
 * ```ts
 * describePlace({ text: 'a\nbc', argument: undefined, toolName: undefined }, 3); // 'at line 2, column 2'
 * ```
 */
export function describePlace(piece: TextUnderCheck, offset: number): string {
  if (piece.argument !== undefined) {
    return `in argument \`${piece.argument}\` of tool call \`${piece.toolName ?? 'unknown'}\``;
  }
  return `at ${describeTextPosition(piece.text, offset)}`;
}

/**
 * A 1-based line and column of an offset in a text.
 *
 * @example
 * ```ts
 * describeTextPosition('ab\ncd', 4); // 'line 2, column 2'
 * ```
 */
export function describeTextPosition(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text[index] === '\n') {
      line++;
      lineStart = index + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}
