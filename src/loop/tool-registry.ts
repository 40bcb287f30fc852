// The tools workers may call: a registry the task or the user provides.
import { LoopGymError } from '../core/errors.js';
import type { ModelToolDefinition } from '../models/language-model.js';
import { closestMatches } from '../registry/closest-matches.js';

/** What a tool gets besides its arguments. */
export interface ToolContext {
  workerId: string;
  iteration: number;
  signal: AbortSignal;
}

/**
 * A tool: its definition as models see it, and what it does. `run` returns text (what the model reads back).
 *
 * @example
 * ```ts
 * const search: LoopTool = {
 *   definition: { name: 'search', description: 'Search the corpus', parameters: { type: 'object', properties: { query: { type: 'string' } } } },
 *   run: ({ query }) => corpus.search(String(query)).join('\n'),
 * };
 * ```
 */
export interface LoopTool {
  definition: ModelToolDefinition;
  run(argumentsObject: Readonly<Record<string, unknown>>, context: ToolContext): string | Promise<string>;
}

/** A tool name that is not registered. */
export class UnknownToolError extends LoopGymError {
  readonly toolName: string;

  constructor(toolName: string, known: readonly string[]) {
    const close = closestMatches(toolName, known, 1)[0];
    super(
      `No tool named \`${toolName}\` is registered.` +
        (close === undefined
          ? ` Registered tools: ${known.join(', ') || 'none'}.`
          : ` Did you mean \`${close}\`?`),
      { code: 'unknown-tool' },
    );
    this.toolName = toolName;
  }
}

/**
 * The tools of a run, by name. A worker sees only the tools its spec lists (`tools`) that are registered here.
 *
 * @example
 * ```ts
 * const tools = new ToolRegistry([search]);
 * tools.definitionsFor(['search', 'calculator']); // [search's definition]
 * ```
 */
export class ToolRegistry {
  private readonly tools = new Map<string, LoopTool>();

  constructor(tools: Iterable<LoopTool> = []) {
    for (const tool of tools) this.register(tool);
  }

  register(tool: LoopTool): this {
    if (this.tools.has(tool.definition.name)) {
      throw new LoopGymError(`A tool named \`${tool.definition.name}\` is already registered.`, {
        code: 'duplicate-tool',
      });
    }
    this.tools.set(tool.definition.name, tool);
    return this;
  }

  has(name: string): boolean {
    return this.tools.has(name);
  }

  names(): string[] {
    return [...this.tools.keys()].sort();
  }

  /** The definitions of the named tools that are registered (in the order given). */
  definitionsFor(names: readonly string[]): ModelToolDefinition[] {
    return names.flatMap((name) => {
      const tool = this.tools.get(name);
      return tool === undefined ? [] : [tool.definition];
    });
  }

  /** Runs a tool; throws {@link UnknownToolError} for a name that is not registered. */
  async call(
    name: string,
    argumentsObject: Readonly<Record<string, unknown>>,
    context: ToolContext,
  ): Promise<string> {
    const tool = this.tools.get(name);
    if (tool === undefined) throw new UnknownToolError(name, this.names());
    return tool.run(argumentsObject, context);
  }
}
