import { describe, expect, it } from 'vitest';
import { closeJsonSchema } from './close-json-schema.js';
import { compileJsonSchema } from './compile-json-schema.js';

const valid = (schema: object, value: unknown) => compileJsonSchema(closeJsonSchema(schema))(value);

describe('closeJsonSchema', () => {
  it('closes object schemas, nested ones included', () => {
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string' },
        sources: { type: 'array', items: { properties: { url: {} } } },
      },
    };
    expect(valid(schema, { title: 't', sources: [{ url: 'u' }] })).toBe(true);
    expect(valid(schema, { title: 't', extra: 1 })).toBe(false);
    expect(valid(schema, { title: 't', sources: [{ url: 'u', extra: 1 }] })).toBe(false);
  });

  it('keeps an explicit choice about other properties', () => {
    expect(valid({ type: 'object', additionalProperties: true }, { anything: 1 })).toBe(true);
    expect(valid({ type: 'object', additionalProperties: { type: 'number' } }, { a: 1 })).toBe(true);
  });

  it('closes the parent of allOf, not its members, so they do not refuse one another', () => {
    const schema = {
      allOf: [{ properties: { a: { type: 'number' } } }, { properties: { b: { type: 'number' } } }],
    };
    expect(valid(schema, { a: 1, b: 2 })).toBe(true);
    expect(valid(schema, { a: 1, b: 2, c: 3 })).toBe(false);
  });

  it('closes definitions reached by $ref', () => {
    const schema = { $ref: '#/$defs/item', $defs: { item: { type: 'object', properties: { id: {} } } } };
    expect(valid(schema, { id: 1 })).toBe(true);
    expect(valid(schema, { id: 1, other: 2 })).toBe(false);
  });

  it('does not change the schema it is given, and returns the same copy each time', () => {
    const schema = { type: 'object', properties: { a: {} } };
    const closed = closeJsonSchema(schema);
    expect(schema).toEqual({ type: 'object', properties: { a: {} } });
    expect(closeJsonSchema(schema)).toBe(closed);
    expect(closeJsonSchema(true)).toBe(true);
  });
});

describe('closeJsonSchema and free-form maps', () => {
  it('leaves an object schema that lists no properties open', () => {
    const schema = { type: 'object', properties: { title: {}, metadata: { type: 'object' } } };
    expect(valid(schema, { title: 't', metadata: { any: 1, key: 2 } })).toBe(true);
    expect(valid(schema, { title: 't', other: 1 })).toBe(false);
  });
});
