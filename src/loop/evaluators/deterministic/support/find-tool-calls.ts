// Tool calls recorded in a worker output (an action log): from JSON, or from text.

const NAME_KEYS = ['tool', 'tool_name', 'toolName'];
const ARGUMENT_KEYS = ['arguments', 'args', 'input', 'parameters', 'params'];
const IDENTIFIER = /^[A-Za-z_][\w.:-]{0,80}$/u;
const TEXT_CALLS = [
  /\b(?:tool|tool_name|action)\s*[:=]\s*["'`]?([A-Za-z_][\w.:-]*)/giu,
  /\b([a-z][a-z0-9]*_[a-z0-9_]+)\s*\(/gu,
];

/**
 * The names of the tools an output says were called, in order (repeats kept). In JSON: objects with a `tool` /
 * `tool_name` string, objects with a `name` next to `arguments`/`args`/`input`/`parameters` (OpenAI and Anthropic
 * call shapes), and `action` strings that are identifiers. In text: `tool: name` / `action = name`, and
 * `snake_case_name(` calls.
 *
 * @example
 * ```ts
 * findToolCalls({ steps: [{ tool: 'fs_read', args: {} }, { type: 'function', function: { name: 'fs_delete', arguments: '{}' } }] });
 * // ['fs_read', 'fs_delete']
 * findToolCalls('Called fs_stat("/tmp") then tool: fs_delete'); // ['fs_stat', 'fs_delete']
 * ```
 */
export function findToolCalls(value: unknown): string[] {
  if (typeof value === 'string') return fromText(value);
  const calls: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 16) return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const named = NAME_KEYS.map((key) => record[key]).find((field) => typeof field === 'string');
    const name = record['name'];
    const action = record['action'];
    if (typeof named === 'string' && IDENTIFIER.test(named)) calls.push(named);
    else if (typeof name === 'string' && IDENTIFIER.test(name) && ARGUMENT_KEYS.some((key) => key in record))
      calls.push(name);
    else if (typeof action === 'string' && IDENTIFIER.test(action)) calls.push(action);
    for (const field of Object.values(record)) visit(field, depth + 1);
  };
  visit(value, 0);
  return calls;
}

function fromText(text: string): string[] {
  const found: { index: number; name: string }[] = [];
  for (const pattern of TEXT_CALLS) {
    for (const match of text.matchAll(pattern)) found.push({ index: match.index, name: match[1]! });
  }
  return found.sort((a, b) => a.index - b.index).map((call) => call.name);
}
