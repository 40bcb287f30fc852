// A tool registry whose results pass through a change (perturbations of what tools return).
import { ToolRegistry, type LoopTool, type ToolContext } from '../tool-registry.js';

/**
 * A registry with the same tools whose results are changed by `change` (given the tool name, its arguments and the
 * call's context).
 *
 * @example
 * ```ts
 * const shouting = transformToolResults(tools, (text) => text.toUpperCase());
 * ```
 */
export function transformToolResults(
  tools: ToolRegistry,
  change: (
    text: string,
    call: { name: string; arguments: Readonly<Record<string, unknown>>; context: ToolContext },
  ) => string,
): ToolRegistry {
  const wrapped = tools.names().map((name): LoopTool => ({
    definition: tools.definitionsFor([name])[0]!,
    run: async (argumentsObject, context) =>
      change(await tools.call(name, argumentsObject, context), { name, arguments: argumentsObject, context }),
  }));
  return new ToolRegistry(wrapped);
}

/**
 * A registry whose results keep only the passages (blocks separated by blank lines) that `keep` accepts: a
 * retriever that no longer returns some documents.
 *
 * @example
 * ```ts
 * const withoutS1 = filterToolResults(tools, (passage) => !passage.includes('[S1]'));
 * ```
 */
export function filterToolResults(tools: ToolRegistry, keep: (passage: string) => boolean): ToolRegistry {
  if (tools.names().length === 0) return tools;
  return transformToolResults(tools, (text) =>
    text
      .split(/\n\s*\n/)
      .filter((passage) => keep(passage))
      .join('\n\n'),
  );
}
