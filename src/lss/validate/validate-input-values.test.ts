import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseSpec } from './rules/__fixtures__/base-spec.js';
import { validateInputValues } from './validate-input-values.js';

const schema = {
  query: { type: 'string', description: 'The question', required: true, max_length: 20 },
  depth: {
    type: 'enum',
    description: 'How deep',
    values: ['quick', 'standard', 'deep'],
    default: 'standard',
  },
  limit: { type: 'number', description: 'At most this many', minimum: 1, maximum: 10 },
  strict: { type: 'boolean', description: 'Refuse weak sources' },
  tags: { type: 'array', description: 'Labels', items: 'string', default: ['a'] },
  weights: { type: 'array', description: 'Weights', items: 'number' },
  levels: { type: 'array', description: 'Levels', items: 'enum', values: [1, 2, 3] },
  config: { type: 'object', description: 'Options' },
  locale: { type: 'string', description: 'Locale', pattern: '^[a-z]{2}(-[A-Z]{2})?$', default: 'en' },
};

describe('validateInputValues', () => {
  it('accepts valid values and fills in the defaults of missing fields', () => {
    const result = validateInputValues(schema, { query: 'Why?', limit: 3, strict: true, config: { a: 1 } });
    expect(result).toEqual({
      valid: true,
      values: {
        query: 'Why?',
        depth: 'standard',
        limit: 3,
        strict: true,
        tags: ['a'],
        config: { a: 1 },
        locale: 'en',
      },
      problems: [],
    });
  });

  it('gives each run its own copy of a default', () => {
    const first = validateInputValues(schema, { query: 'a' }).values.tags as string[];
    first.push('changed');
    expect(validateInputValues(schema, { query: 'a' }).values.tags).toEqual(['a']);
    expect(schema.tags.default).toEqual(['a']);
  });

  it('reports a missing required field with its description and type', () => {
    const result = validateInputValues(schema, {});
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        rule: 'input',
        message: 'The input `query` is required (The question).',
        path: ['query'],
        fix: 'Pass a value for `query` (string).',
      },
    ]);
    // `undefined` counts as missing; `null` is a value (of the wrong type).
    expect(validateInputValues(schema, { query: undefined }).problems[0]!.message).toContain('is required');
    expect(validateInputValues(schema, { query: null }).problems[0]!.message).toBe(
      'The input `query` must be a string; got `null`.',
    );
  });

  it('uses the default of a required field that has one', () => {
    const withDefault = { query: { ...schema.query, default: 'Why?' } };
    expect(validateInputValues(withDefault, {})).toEqual({
      valid: true,
      values: { query: 'Why?' },
      problems: [],
    });
  });

  it('reports values of undeclared fields, suggesting the closest field', () => {
    const problems = validateInputValues(schema, { query: 'a', qurey: 'b', colour: 'red' }).problems;
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'input',
        message:
          '`qurey` is not an input of this loop (it declares `query`, `depth`, `limit`, `strict`, `tags`, `weights`, `levels`, `config`, `locale`).',
        path: ['qurey'],
        fix: 'Did you mean `query`?',
      },
      expect.objectContaining({ path: ['colour'], fix: 'Remove it, or declare it in `inputs.schema`.' }),
    ]);
    expect(validateInputValues({}, { a: 1 }).problems[0]!.message).toBe(
      '`a` is not an input of this loop (it declares none).',
    );
  });

  it('reports every problem of every value at once', () => {
    const result = validateInputValues(schema, {
      query: 'x'.repeat(21),
      depth: 'deeper',
      limit: 11,
      strict: 'yes',
      weights: [1, 'two'],
      levels: [1, 4],
      locale: 'EN',
    });
    expect(result.problems.map((problem) => problem.path)).toEqual([
      ['query'],
      ['depth'],
      ['limit'],
      ['strict'],
      ['weights', 1],
      ['levels', 1],
      ['locale'],
    ]);
    expect(result.problems[1]!.fix).toBe('Did you mean `deep`?');
  });

  it('refuses values that are not a mapping, and reads no values as none', () => {
    for (const values of [null, 'query=a', ['a'], 3]) {
      const result = validateInputValues(schema, values);
      expect(result.problems[0]).toMatchObject({
        path: [],
        message: expect.stringContaining('must be a mapping'),
        fix: 'Pass a mapping such as `{ query: … }`.',
      });
    }
    expect(validateInputValues(schema, undefined).problems.map((problem) => problem.path)).toEqual([
      ['query'],
    ]);
    expect(validateInputValues({}, 'x').problems[0]!.fix).toBe('Pass an empty mapping: `{}`.');
  });

  it('accepts anything for a schema it cannot read', () => {
    for (const inputsSchema of [undefined, null, 'x', []]) {
      expect(validateInputValues(inputsSchema, {})).toEqual({ valid: true, values: {}, problems: [] });
    }
    expect(validateInputValues({ a: 'string', b: null }, { a: 1, b: 2 })).toEqual({
      valid: true,
      values: { a: 1, b: 2 },
      problems: [],
    });
  });

  it('keeps a field named `__proto__` as an own value, without touching any prototype', () => {
    const fields = JSON.parse(
      '{"__proto__": {"type": "object", "description": "odd", "default": {"polluted": true}}, "b": {"type": "object", "description": "b"}}',
    ) as unknown;
    const defaulted = validateInputValues(fields, {});
    expect(Object.hasOwn(defaulted.values, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(defaulted.values)).toBe(Object.prototype);
    expect((defaulted.values as { polluted?: unknown }).polluted).toBeUndefined();
    const given = validateInputValues(fields, JSON.parse('{"__proto__": {"polluted": true}, "b": {}}'));
    expect(given.valid).toBe(true);
    expect(Object.getPrototypeOf(given.values)).toBe(Object.prototype);
    expect(Object.keys(given.values)).toEqual(['__proto__', 'b']);
  });

  it('validates the examples of the base spec', () => {
    const spec = baseSpec();
    for (const example of spec.inputs.examples!)
      expect(validateInputValues(spec.inputs.schema, example).valid).toBe(true);
  });
});

describe('validateInputValues with coerce', () => {
  const coerce = { coerce: true };

  it('leaves strings as they are without coerce', () => {
    expect(validateInputValues(schema, { query: 'a', limit: '3' }).valid).toBe(false);
  });

  it('reads numbers written in decimal', () => {
    const cases: [string, unknown][] = [
      ['3', 3],
      [' -2.5 ', -2.5],
      ['.5', 0.5],
      ['1e1', 10],
      ['0x10', '0x10'],
      ['0b1', '0b1'],
      ['Infinity', 'Infinity'],
      ['', ''],
      ['1_000', '1_000'],
    ];
    for (const [text, value] of cases) {
      const result = validateInputValues({ n: { type: 'number', description: 'n' } }, { n: text }, coerce);
      expect(result.values.n, text).toEqual(value);
      expect(result.valid, text).toBe(typeof value === 'number');
    }
  });

  it('reads `true` and `false` for booleans, and nothing else', () => {
    expect(validateInputValues(schema, { query: 'a', strict: 'false' }, coerce).values.strict).toBe(false);
    expect(validateInputValues(schema, { query: 'a', strict: ' true ' }, coerce).values.strict).toBe(true);
    expect(validateInputValues(schema, { query: 'a', strict: 'yes' }, coerce).valid).toBe(false);
  });

  it('reads lists as JSON or as comma-separated items of the item type', () => {
    const read = (field: string, text: string): unknown =>
      validateInputValues(schema, { query: 'a', [field]: text }, coerce).values[field];
    expect(read('tags', 'x, y ,z')).toEqual(['x', 'y', 'z']);
    expect(read('tags', '["x,y"]')).toEqual(['x,y']);
    expect(read('tags', '')).toEqual([]);
    expect(read('weights', '1, 2.5')).toEqual([1, 2.5]);
    expect(read('weights', '[1, 2]')).toEqual([1, 2]);
    expect(read('tags', '[x, y]')).toEqual(['x', 'y']);
    expect(read('levels', '1,3')).toEqual([1, 3]);
  });

  it('reads JSON objects and enum values written as text', () => {
    const result = validateInputValues(schema, { query: 'a', config: '{"a": [1]}', depth: ' deep ' }, coerce);
    expect(result.values).toMatchObject({ config: { a: [1] }, depth: 'deep' });
    expect(result.valid).toBe(true);
    expect(validateInputValues(schema, { query: 'a', config: '[1]' }, coerce).valid).toBe(false);
    const numeric = { level: { type: 'enum', description: 'Level', values: [1, 2, true] } };
    expect(validateInputValues(numeric, { level: '2' }, coerce).values.level).toBe(2);
    expect(validateInputValues(numeric, { level: 'true' }, coerce).values.level).toBe(true);
  });

  it('changes nothing that is not a string, and never throws', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...Object.keys(schema), 'other'), fc.anything()),
        (values) => {
          const result = validateInputValues(schema, values, coerce);
          for (const [name, value] of Object.entries(values)) {
            if (typeof value !== 'string' && value !== undefined && name in schema)
              expect(result.values[name]).toBe(value);
          }
          expect(result.valid).toBe(result.problems.length === 0);
        },
      ),
    );
  });
});
