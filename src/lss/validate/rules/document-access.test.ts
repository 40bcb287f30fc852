import { describe, expect, it } from 'vitest';
import {
  asList,
  asNumber,
  asRecord,
  asString,
  declaredIds,
  field,
  keysOf,
  listEntries,
  quoteList,
  splitReference,
} from './document-access.js';

describe('guarded reads', () => {
  it('asRecord accepts plain mappings only', () => {
    const mapping = { a: 1 };
    expect(asRecord(mapping)).toBe(mapping);
    for (const value of [undefined, null, [], [1], 'a', 1, true]) expect(asRecord(value)).toBeUndefined();
  });

  it('asList, asString and asNumber keep values of their type only', () => {
    expect(asList([1, 2])).toEqual([1, 2]);
    expect(asList('ab')).toEqual([]);
    expect(asList({ 0: 'a', length: 1 })).toEqual([]);
    expect(asString('a')).toBe('a');
    expect(asString(1)).toBeUndefined();
    expect(asNumber(0.5)).toBe(0.5);
    expect(asNumber(0)).toBe(0);
    for (const value of ['0.5', Number.NaN, Number.POSITIVE_INFINITY, null])
      expect(asNumber(value)).toBeUndefined();
  });

  it('field walks own keys only and stops at anything that is not a mapping', () => {
    const document = { memory: { type: 'session', list: ['a'] } };
    expect(field(document, 'memory', 'type')).toBe('session');
    expect(field(document)).toBe(document);
    expect(field(document, 'memory', 'list', '0')).toBeUndefined();
    expect(field(document, 'memory', 'type', 'length')).toBeUndefined();
    expect(field(document, 'toString')).toBeUndefined();
    expect(field(document, '__proto__')).toBeUndefined();
    expect(field(JSON.parse('{"__proto__": {"a": 1}}'), '__proto__', 'a')).toBe(1);
    expect(field(null, 'a')).toBeUndefined();
  });

  it('keysOf lists the keys of a mapping only', () => {
    expect(keysOf({ a: 1, b: 2 })).toEqual(['a', 'b']);
    expect(keysOf(['a'])).toEqual([]);
  });
});

describe('lists of declarations', () => {
  it('listEntries gives each item with its index, string id and mapping', () => {
    const document = { workers: [{ id: 'a' }, 3, { id: 4 }, { name: 'n' }] };
    expect(listEntries(document, 'workers')).toEqual([
      { index: 0, id: 'a', value: { id: 'a' } },
      { index: 1, id: undefined, value: undefined },
      { index: 2, id: undefined, value: { id: 4 } },
      { index: 3, id: undefined, value: { name: 'n' } },
    ]);
    expect(listEntries(document, 'workers', 'name')[3]!.id).toBe('n');
    expect(listEntries({ workers: { a: {} } }, 'workers')).toEqual([]);
  });

  it('declaredIds gives each string id once, in order', () => {
    expect(declaredIds({ workers: [{ id: 'b' }, { id: 'a' }, { id: 'b' }, {}, null] }, 'workers')).toEqual([
      'b',
      'a',
    ]);
    expect(declaredIds({ metrics: [{ name: 'q' }] }, 'metrics', 'name')).toEqual(['q']);
    expect(declaredIds(undefined, 'workers')).toEqual([]);
  });
});

describe('splitReference', () => {
  it('splits a dotted reference into its root, name and the rest', () => {
    expect(splitReference('workers.writer.output.text')).toEqual({
      root: 'workers',
      name: 'writer',
      rest: ['output', 'text'],
    });
    expect(splitReference('inputs.query')).toEqual({ root: 'inputs', name: 'query', rest: [] });
    expect(splitReference('optimization_strategy')).toEqual({
      root: 'optimization_strategy',
      name: '',
      rest: [],
    });
    expect(splitReference('workers.')).toEqual({ root: 'workers', name: '', rest: [] });
    expect(splitReference('')).toEqual({ root: '', name: '', rest: [] });
  });
});

describe('quoteList', () => {
  it('quotes names and joins them the way a sentence does', () => {
    expect(quoteList([])).toBe('');
    expect(quoteList(['a'])).toBe('`a`');
    expect(quoteList(['a', 'b'])).toBe('`a` and `b`');
    expect(quoteList(['a', 'b', 'c'], 'or')).toBe('`a`, `b` or `c`');
  });
});
