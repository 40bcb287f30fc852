import { describe, expect, it } from 'vitest';
import { parseToolArguments, toolCallFrom } from './parse-tool-arguments.js';

describe('parseToolArguments', () => {
  it('parses objects, and makes do with {} and a warning otherwise', () => {
    expect(parseToolArguments('f', '{"a":1}')).toEqual({ arguments: { a: 1 } });
    expect(parseToolArguments('f', '  ')).toEqual({ arguments: {} });
    expect(parseToolArguments('f', '[1,2]')).toEqual({
      arguments: {},
      warning: 'Tool call f: the arguments are not a JSON object ("[1,2]"); using {}.',
    });
    const long = parseToolArguments('f', `{"a": "${'x'.repeat(500)}`);
    expect(long.arguments).toEqual({});
    expect(long.warning!.length).toBeLessThan(300);
    const warnings: string[] = [];
    expect(toolCallFrom('c', 'f', 'nope', warnings)).toEqual({ id: 'c', name: 'f', arguments: {} });
    expect(warnings).toHaveLength(1);
  });
});
