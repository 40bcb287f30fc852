import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInputValue, compilePattern } from './check-input-value.js';

const described = { description: 'A field' };

describe('checkInputValue', () => {
  it('accepts a value of each type', () => {
    const cases: [Record<string, unknown>, unknown][] = [
      [{ type: 'string' }, 'text'],
      [{ type: 'number' }, -2.5],
      [{ type: 'boolean' }, false],
      [{ type: 'array' }, []],
      [{ type: 'object' }, { a: 1 }],
      [{ type: 'enum', values: ['quick', 2, true] }, 2],
    ];
    for (const [field, value] of cases)
      expect(checkInputValue({ ...described, ...field }, value, ['x'])).toEqual([]);
  });

  it('reports a value of the wrong type, with how to write it', () => {
    expect(checkInputValue({ type: 'number' }, '5', ['depth'])).toEqual([
      {
        severity: 'error',
        rule: 'input',
        message: 'The input `depth` must be a number; got `"5"` (a string).',
        path: ['depth'],
        fix: 'Write it without quotes: `5`.',
      },
    ]);
    expect(checkInputValue({ type: 'boolean' }, 'true', ['strict'])[0]!.fix).toBe(
      'Write it without quotes: `true`.',
    );
    expect(checkInputValue({ type: 'string' }, 5, ['name'])[0]!.fix).toBe('Quote it: `"5"`.');
    expect(checkInputValue({ type: 'array' }, 'a', ['tags'])[0]).toMatchObject({
      message: 'The input `tags` must be a list; got `"a"` (a string).',
      fix: 'Give a list.',
    });
    expect(checkInputValue({ type: 'object' }, [], ['config'])[0]!.message).toBe(
      'The input `config` must be a mapping; got a list.',
    );
    expect(checkInputValue({ type: 'boolean' }, null, ['strict'])[0]!.message).toBe(
      'The input `strict` must be true or false; got `null`.',
    );
  });

  it('does not take infinities or NaN for numbers', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(checkInputValue({ type: 'number' }, value, ['n'])).toHaveLength(1);
    }
  });

  it('reports a value that is not one of the enum values, suggesting the closest', () => {
    const field = { type: 'enum', values: ['quick', 'standard', 'deep'] };
    expect(checkInputValue(field, 'standrd', ['depth'])).toEqual([
      {
        severity: 'error',
        rule: 'input',
        message: 'The input `depth` must be one of `quick`, `standard`, `deep`; got `"standrd"` (a string).',
        path: ['depth'],
        fix: 'Did you mean `standard`?',
      },
    ]);
    expect(checkInputValue(field, 'huge', ['depth'])[0]!.fix).toBe('Use one of `quick`, `standard`, `deep`.');
    expect(checkInputValue(field, 3, ['depth'])[0]!.fix).toBe('Use one of `quick`, `standard`, `deep`.');
    expect(checkInputValue({ type: 'enum', values: [1, 2] }, '1', ['level'])).toHaveLength(1);
  });

  it('counts the characters of a string as code points, and the items of a list', () => {
    const field = { type: 'string', min_length: 2, max_length: 3 };
    expect(checkInputValue(field, '😀😀😀', ['s'])).toEqual([]);
    expect(checkInputValue(field, 'abcd', ['s'])).toEqual([
      {
        severity: 'error',
        rule: 'input',
        message: 'The input `s` has 4 characters; it may have at most 3 characters.',
        path: ['s'],
        fix: 'Shorten it to at most 3 characters.',
      },
    ]);
    expect(checkInputValue(field, 'a', ['s'])[0]).toMatchObject({
      message: 'The input `s` has 1 character; it needs at least 2 characters.',
      fix: 'Lengthen it to at least 2 characters.',
    });
    const list = { type: 'array', min_length: 1, max_length: 2 };
    expect(checkInputValue(list, [], ['tags'])[0]).toMatchObject({
      message: 'The input `tags` has 0 items; it needs at least 1 item.',
      fix: 'Give at least 1 item.',
    });
    expect(checkInputValue(list, [1, 2, 3], ['tags'])[0]!.fix).toBe('Give at most 2 items.');
  });

  it('checks the pattern anywhere in the string unless it is anchored', () => {
    expect(checkInputValue({ type: 'string', pattern: 'b' }, 'abc', ['s'])).toEqual([]);
    expect(
      checkInputValue({ type: 'string', pattern: '^[a-z]{2}(-[A-Z]{2})?$' }, 'en-us', ['locale']),
    ).toEqual([
      {
        severity: 'error',
        rule: 'input',
        message: 'The input `locale` `en-us` does not match the pattern `^[a-z]{2}(-[A-Z]{2})?$`.',
        path: ['locale'],
        fix: 'Write a value that matches `^[a-z]{2}(-[A-Z]{2})?$`.',
      },
    ]);
    // A pattern that does not compile is the input-schema rule's to report; values are not checked against it.
    expect(checkInputValue({ type: 'string', pattern: '(' }, 'x', ['s'])).toEqual([]);
  });

  it('checks the range of numbers', () => {
    const field = { type: 'number', minimum: 1, maximum: 5 };
    expect(checkInputValue(field, 1, ['n'])).toEqual([]);
    expect(checkInputValue(field, 5, ['n'])).toEqual([]);
    expect(checkInputValue(field, 0, ['n'])[0]).toMatchObject({
      message: 'The input `n` must be at least 1; got 0.',
      fix: 'Use a number from 1 to 5.',
    });
    expect(checkInputValue(field, 6, ['n'])[0]!.message).toBe('The input `n` must be at most 5; got 6.');
    expect(checkInputValue({ type: 'number', minimum: 1 }, 0, ['n'])[0]!.fix).toBe(
      'Use a number of at least 1.',
    );
    expect(checkInputValue({ type: 'number', maximum: 5 }, 6, ['n'])[0]!.fix).toBe(
      'Use a number of at most 5.',
    );
  });

  it('checks the items of a list, at their own path, with the enum values of the field', () => {
    expect(checkInputValue({ type: 'array', items: 'number' }, [1, 'two', 3], ['weights'])).toEqual([
      {
        severity: 'error',
        rule: 'input',
        message: 'The input `weights[1]` must be a number; got `"two"` (a string).',
        path: ['weights', 1],
        fix: 'Give a number.',
      },
    ]);
    const tags = { type: 'array', items: 'enum', values: ['red', 'green'] };
    expect(checkInputValue(tags, ['red', 'gren'], ['tags'])[0]).toMatchObject({
      path: ['tags', 1],
      fix: 'Did you mean `green`?',
    });
  });

  it('accepts anything for a field it cannot read (the schema reports the field)', () => {
    for (const field of [undefined, null, 'string', [], {}, { type: 'integer' }, { type: 'enum' }]) {
      expect(checkInputValue(field, Symbol('x'), ['x'])).toEqual([]);
    }
  });

  it('never throws, and every problem is at the path or under it, with a fix', () => {
    const fields = fc.record(
      {
        type: fc.constantFrom('string', 'number', 'boolean', 'enum', 'array', 'object', 'other'),
        values: fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean())),
        min_length: fc.nat(5),
        max_length: fc.nat(5),
        pattern: fc.constantFrom('^a', '(', 'b$', '[', '\\d'),
        minimum: fc.integer(),
        maximum: fc.integer(),
        items: fc.constantFrom('string', 'number', 'enum', 'array', 'nope'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fields, fc.anything(), (field, value) => {
        for (const problem of checkInputValue(field, value, ['x'])) {
          expect(problem.path[0]).toBe('x');
          expect(problem.fix).toMatch(/^\S.*[.?]$/);
        }
      }),
    );
  });
});

describe('compilePattern', () => {
  it('compiles in Unicode mode, and gives undefined for a pattern that does not compile', () => {
    expect(compilePattern('^.$')?.test('😀')).toBe(true);
    expect(compilePattern('(')).toBeUndefined();
    expect(compilePattern('\\p{L}+')?.test('été')).toBe(true);
    expect(compilePattern('\\:')).toBeUndefined();
  });
});
