// Reading the JSON arguments a model wrote for a tool call, safely.
import type { ModelToolCall } from '../language-model.js';

/** What {@link parseToolArguments} returns: the arguments object, and a warning when it had to make do. */
export interface ParsedToolArguments {
  arguments: Record<string, unknown>;
  warning?: string;
}

const MAXIMUM_QUOTED = 200;

/**
 * The arguments object of a tool call from the JSON text the model wrote. An empty text is `{}`; text that is not
 * JSON, or JSON that is not an object, gives `{}` and a warning quoting (the start of) the text, so that a caller can
 * still answer the call with an error message instead of failing the whole step.
 *
 * @example
 * ```ts
 * parseToolArguments('get_weather', '{"city":"Oslo"}'); // { arguments: { city: 'Oslo' } }
 * parseToolArguments('get_weather', '{"city":'); // { arguments: {}, warning: 'Tool call get_weather: … not valid JSON …' }
 * ```
 */
export function parseToolArguments(toolName: string, text: string): ParsedToolArguments {
  if (text.trim() === '') return { arguments: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {
      arguments: {},
      warning: `Tool call ${toolName}: the arguments are not valid JSON (${quote(text)}); using {}.`,
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      arguments: {},
      warning: `Tool call ${toolName}: the arguments are not a JSON object (${quote(text)}); using {}.`,
    };
  }
  return { arguments: parsed as Record<string, unknown> };
}

function quote(text: string): string {
  return JSON.stringify(text.length > MAXIMUM_QUOTED ? `${text.slice(0, MAXIMUM_QUOTED)}…` : text);
}

/**
 * A tool call from its id, name and argument text; a malformed argument text becomes `{}` and a warning.
 *
 * @example
 * ```ts
 * toolCallFrom('call_1', 'search', '{"q":"x"}', warnings); // { id: 'call_1', name: 'search', arguments: { q: 'x' } }
 * ```
 */
export function toolCallFrom(
  id: string,
  name: string,
  argumentText: string,
  warnings: string[],
): ModelToolCall {
  const parsed = parseToolArguments(name, argumentText);
  if (parsed.warning !== undefined) warnings.push(parsed.warning);
  return { id, name, arguments: parsed.arguments };
}
