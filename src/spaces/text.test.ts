import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random/rng.js';
import { ALPHANUMERIC, Text } from './text.js';

describe('Text', () => {
  it('contains strings of allowed characters within the lengths, counted in code points', () => {
    const space = new Text(3, { minLength: 2, charset: 'a😀' });
    expect(space.contains('a😀😀')).toBe(true);
    for (const x of ['a', 'aaaa', 'ab', 42, null, ['a', 'a']]) expect(space.contains(x)).toBe(false);
  });

  it('rejects invalid lengths and charsets', () => {
    expect(() => new Text(2, { minLength: 3 })).toThrow(/minLength <= maxLength/);
    expect(() => new Text(-1, { minLength: 0 })).toThrow(/0 <= minLength/);
    expect(() => new Text(2, { charset: '' })).toThrow(/at least one character/);
    expect(() => new Text(2, { charset: 'aba' })).toThrow(/repeated/);
    expect(() => new Text(2, { charset: ['ab'] })).toThrow(/one per entry/);
  });

  it('uses the alphanumeric charset by default and prints like Gymnasium', () => {
    const space = new Text(5);
    expect(space.characters).toBe(ALPHANUMERIC);
    expect(space.toString()).toBe(`Text(1, 5, charset=${ALPHANUMERIC})`);
    expect(new Text(4, { charset: 'cba' }).toString()).toBe('Text(1, 4, charset=abc)');
  });

  it('samples with a fixed length and masks', () => {
    const space = new Text(6, { minLength: 0, charset: 'abcde' });
    const rng = createRng(2);
    for (let i = 0; i < 20; i++) {
      expect(space.sample(rng, { length: 4 })).toHaveLength(4);
      expect(space.sample(rng, { mask: [0, 1, 0, 0, 1] })).toMatch(/^[be]*$/);
      expect(space.sample(rng, { probability: [0, 0, 1, 0, 0] })).toMatch(/^c*$/);
    }
    expect(space.sample(rng, { mask: [0, 0, 0, 0, 0] })).toBe('');
  });

  it('rejects malformed masks', () => {
    const space = new Text(4, { charset: 'abc' });
    const rng = createRng(0);
    expect(() => space.sample(rng, { length: 5 })).toThrow(/in \[1, 4\]/);
    expect(() => space.sample(rng, { mask: [1, 0] })).toThrow(/one entry per charset character \(3\)/);
    expect(() => space.sample(rng, { mask: [1, 0, 2] })).toThrow(/0 or 1/);
    expect(() => space.sample(rng, { mask: [0, 0, 0] })).toThrow(/allows no character/);
    expect(() => space.sample(rng, { probability: [0.5, 0.2, 0.2] })).toThrow(/sum to/);
  });

  it('has a JSON schema that agrees with contains, special characters included', () => {
    const space = new Text(4, { minLength: 1, charset: 'a-]\\^[.*😀 é\n' });
    const validate = new Ajv2020({ strict: true }).compile(space.toJsonSchema());
    for (const x of ['a', '-]\\^', '[.*😀', ' é\n', '', 'ab', 'aaaaa', '😀😀😀😀', 'x', '\t']) {
      expect(validate(x), JSON.stringify(x)).toBe(space.contains(x));
    }
  });

  it('compares charsets as sets, as Gymnasium', () => {
    expect(new Text(3, { charset: 'abc' }).equals(new Text(3, { charset: 'cab' }))).toBe(true);
    expect(new Text(3, { charset: 'abc' }).equals(new Text(3, { charset: 'ab' }))).toBe(false);
    expect(new Text(3, { charset: 'abc' }).toJSON()).toEqual({
      type: 'Text',
      maxLength: 3,
      minLength: 1,
      charset: 'abc',
    });
  });
});
