import { describe, expect, it } from 'vitest';
import { makeCheck } from './__fixtures__/make-check.js';
import { SafetyConfigError } from './safety-config.js';
import { createSchemaEnforceDetector, type SchemaRequest } from './schema-enforce-detector.js';

const noteSchema = {
  type: 'object',
  properties: { title: { type: 'string' }, sources: { type: 'array', minItems: 1 } },
  required: ['title', 'sources'],
};

const detector = createSchemaEnforceDetector();
const inspect = (text: string | undefined, config: Record<string, unknown>) =>
  detector.inspect(makeCheck('schema_enforce', config, { text }));
const messages = (text: string | undefined, config: Record<string, unknown>) =>
  inspect(text, config).map((finding) => finding.message);

function diffOf(files: number, linesPerFile: number): string {
  return Array.from({ length: files }, (_, file) =>
    [
      `diff --git a/f${file}.ts b/f${file}.ts`,
      `--- a/f${file}.ts`,
      `+++ b/f${file}.ts`,
      `@@ -1,${linesPerFile} +1,${linesPerFile} @@`,
      ...Array.from({ length: linesPerFile }, (_, line) => `-old ${line}\n+new ${line}`),
    ].join('\n'),
  ).join('\n');
}

describe('schema_enforce: schema', () => {
  it('passes an output that matches the inline schema, in a code fence or not', () => {
    const output = JSON.stringify({ title: 'Brief', sources: ['a'] });
    expect(inspect(output, { schema: noteSchema })).toEqual([]);
    expect(inspect(`\`\`\`json\n${output}\n\`\`\``, { schema: noteSchema })).toEqual([]);
  });

  it('reports what does not match, without the values', () => {
    expect(messages('{"title": 42, "sources": [], "api_key": "q8Vx2LmZ"}', { schema: noteSchema })).toEqual([
      'The output does not match its schema: /title must be string; /sources must NOT have fewer than 1 items.',
    ]);
  });

  it('checks an output that is not JSON as a string', () => {
    expect(messages('not json', { schema: noteSchema })).toEqual([
      'The output does not match its schema (it is not JSON, so it was checked as a string): (root) must be object.',
    ]);
    expect(inspect('--- a/x\n+++ b/x', { schema: { type: 'string', pattern: '^--- ' } })).toEqual([]);
  });

  it('rejects unknown fields when asked', () => {
    const output = '{"title": "t", "sources": [1], "extra": true}';
    expect(inspect(output, { schema: noteSchema })).toEqual([]);
    expect(messages(output, { schema: noteSchema, reject_unknown_fields: true })).toEqual([
      'The output does not match its schema: (root) must NOT have unevaluated properties.',
    ]);
  });

  it('loads schema_ref through the resolver, and refuses one it cannot load', () => {
    const requests: SchemaRequest[] = [];
    const resolving = createSchemaEnforceDetector({
      resolveSchema: (request) => {
        requests.push(request);
        return request.schemaRef === 'schemas/note.json' ? noteSchema : undefined;
      },
    });
    const check = (schemaRef: string) =>
      resolving.inspect(makeCheck('schema_enforce', { schema_ref: schemaRef }, { text: '{}' }));
    expect(check('schemas/note.json')).toHaveLength(1);
    expect(requests).toEqual([{ schemaRef: 'schemas/note.json', workerId: 'writer' }]);
    expect(() => check('schemas/missing.json')).toThrow(SafetyConfigError);
    expect(() => inspect('{}', { schema_ref: 'schemas/note.json' })).toThrow(/could not be loaded/);
  });

  it('asks the resolver for the worker’s output schema when the config names none', () => {
    const resolving = createSchemaEnforceDetector({
      resolveSchema: ({ schemaRef, workerId }) =>
        schemaRef === undefined && workerId === 'writer' ? noteSchema : undefined,
    });
    const findings = resolving.inspect(
      makeCheck('schema_enforce', { reject_unknown_fields: true }, { text: '{"x": 1}' }),
    );
    expect(findings).toHaveLength(1);
    expect(inspect('{"x": 1}', { reject_unknown_fields: true })).toEqual([]);
  });

  it('refuses a schema that is not one', () => {
    expect(() => inspect('{}', { schema: 'object' })).toThrow(/`schema` must be a JSON Schema object/);
    expect(() => inspect('{}', { schema: { type: 'no-such-type' } })).toThrow(/is not a valid JSON Schema/);
  });

  it('compiles two schemas with the same $id without a clash', () => {
    const first = { $id: 'https://example.org/s.json', type: 'object' };
    const second = { $id: 'https://example.org/s.json', type: 'array' };
    expect(inspect('{}', { schema: first })).toEqual([]);
    expect(inspect('{}', { schema: second })).toHaveLength(1);
  });
});

describe('schema_enforce: diff limits and size', () => {
  const limits = { max_files_changed: 2, max_lines_changed: 10 };

  it('passes a diff within limits', () => {
    expect(inspect(diffOf(2, 2), limits)).toEqual([]);
  });

  it('reports too many files and too many lines', () => {
    expect(messages(diffOf(3, 1), limits)).toEqual([
      'The diff changes 3 files; at most 2 are allowed (max_files_changed). Split the change.',
    ]);
    expect(messages(diffOf(1, 6), limits)).toEqual([
      'The diff changes 12 lines (6 added, 6 removed); at most 10 are allowed (max_lines_changed). Make a smaller change.',
    ]);
  });

  it('counts a diff held in the strings of a JSON output', () => {
    const output = JSON.stringify({ summary: 'fix', patches: [diffOf(2, 1), diffOf(1, 1)] });
    expect(messages(output, limits)).toEqual([
      'The diff changes 3 files; at most 2 are allowed (max_files_changed). Split the change.',
    ]);
  });

  it('reports an output over max_chars with the excess as span', () => {
    const [finding] = inspect('0123456789', { max_chars: 4 });
    expect(finding).toEqual({
      type: 'schema_enforce',
      message: 'The output has 10 characters; at most 4 are allowed (max_chars).',
      spans: [{ start: 4, end: 10, label: 'over_max_chars' }],
    });
  });

  it('finds nothing without text', () => {
    expect(inspect(undefined, { schema: noteSchema, max_chars: 1 })).toEqual([]);
  });
});
