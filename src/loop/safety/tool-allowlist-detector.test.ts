import { describe, expect, it } from 'vitest';
import { makeCheck } from './__fixtures__/make-check.js';
import { SafetyConfigError } from './safety-config.js';
import { createToolAllowlistDetector } from './tool-allowlist-detector.js';

const searchSchema = {
  type: 'object',
  properties: { query: { type: 'string', minLength: 1 }, limit: { type: 'integer', maximum: 50 } },
  required: ['query'],
  additionalProperties: false,
};

const call = (name: string, argumentsObject: Record<string, unknown> = {}) => ({
  name,
  arguments: argumentsObject,
});
const check = (config: Record<string, unknown>, toolCall: ReturnType<typeof call> | undefined) =>
  makeCheck('tool_allowlist', config, {
    scope: 'pre_worker',
    workerId: 'researcher',
    allowedTools: ['web_search', 'fetch_url'],
    toolCall,
  });

describe('tool_allowlist', () => {
  const detector = createToolAllowlistDetector();

  it('passes a tool the worker lists', () => {
    expect(detector.inspect(check({}, call('web_search')))).toEqual([]);
  });

  it('reports a tool the worker does not list, with a close name', () => {
    expect(detector.inspect(check({}, call('web_serach')))).toEqual([
      {
        type: 'tool_allowlist',
        message:
          'Tool `web_serach` is not allowed for worker `researcher` (allowed: web_search, fetch_url). ' +
          'Did you mean `web_search`? Add it to the worker’s `tools` if it should be allowed.',
        spans: [],
      },
    ]);
  });

  it('says when the worker may use no tool at all', () => {
    const findings = detector.inspect({ ...check({}, call('shell')), allowedTools: [] });
    expect(findings[0]!.message).toMatch(/\(allowed: none\)\./);
  });

  it('uses config allowed_tools in place of the worker’s tools', () => {
    expect(detector.inspect(check({ allowed_tools: ['shell'] }, call('shell')))).toEqual([]);
    expect(detector.inspect(check({ allowed_tools: ['shell'] }, call('web_search')))).toHaveLength(1);
  });

  it('finds nothing without a tool call', () => {
    expect(detector.inspect(check({}, undefined))).toEqual([]);
  });

  it('validates arguments against config tool_schemas', () => {
    const config = {
      validate_args_schema: true,
      tool_schemas: { web_search: searchSchema, fetch_url: true },
    };
    expect(detector.inspect(check(config, call('web_search', { query: 'solid-state batteries' })))).toEqual(
      [],
    );
    expect(detector.inspect(check(config, call('fetch_url', { anything: 1 })))).toEqual([]);
    const [finding] = detector.inspect(
      check(config, call('web_search', { limit: 99, extra: 'secret-value' })),
    );
    expect(finding!.message).toBe(
      "The arguments of tool `web_search` do not match its schema: (root) must have required property 'query'; " +
        '(root) must NOT have additional properties (`extra`); /limit must be <= 50.',
    );
    expect(finding!.message).not.toContain('secret-value');
  });

  it('validates arguments against the schema of the registered tool', () => {
    const registered = createToolAllowlistDetector({
      toolSchema: (name) => (name === 'web_search' ? searchSchema : undefined),
    });
    expect(registered.inspect(check({ validate_args_schema: true }, call('web_search', {})))).toHaveLength(1);
    expect(() => registered.inspect(check({ validate_args_schema: true }, call('fetch_url', {})))).toThrow(
      /no schema is known for it\. Give one in config `tool_schemas\.fetch_url`/,
    );
  });

  it('does not validate arguments unless asked', () => {
    expect(
      detector.inspect(check({ tool_schemas: { web_search: searchSchema } }, call('web_search', {}))),
    ).toEqual([]);
  });

  it('refuses malformed schemas as config errors', () => {
    const bad = (tool_schemas: unknown) => () =>
      detector.inspect(check({ validate_args_schema: true, tool_schemas }, call('web_search', {})));
    expect(bad(['x'])).toThrow(SafetyConfigError);
    expect(bad({ web_search: 'object' })).toThrow(/write a JSON Schema object/);
    expect(bad({ web_search: { type: 'no-such-type' } })).toThrow(
      /has an invalid schema for tool `web_search`/,
    );
    // A tool named like an Object.prototype member is not found on the prototype.
    expect(() =>
      detector.inspect({
        ...check({ validate_args_schema: true, tool_schemas: {} }, call('constructor', {})),
        allowedTools: ['constructor'],
      }),
    ).toThrow(/no schema is known/);
  });
});
