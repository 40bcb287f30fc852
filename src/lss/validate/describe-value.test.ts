import { describe, expect, it } from 'vitest';
import { describeValue } from './describe-value.js';

describe('describeValue', () => {
  it('shows each kind of value the way a message should', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('`null`');
    expect(describeValue([1])).toBe('a list');
    expect(describeValue({ a: 1 })).toBe('a mapping');
    expect(describeValue('5')).toBe('`"5"` (a string)');
    expect(describeValue('')).toBe('`""` (a string)');
    expect(describeValue(3)).toBe('3 (a number)');
    expect(describeValue(Number.NaN)).toBe('NaN (a number)');
    expect(describeValue(false)).toBe('`false` (a boolean)');
    expect(describeValue(10n)).toBe('a bigint');
    expect(describeValue(Symbol('s'))).toBe('a symbol');
    expect(describeValue(() => 1)).toBe('a function');
  });

  it('shortens long strings and escapes quotes', () => {
    expect(describeValue('x'.repeat(41))).toBe(`\`"${'x'.repeat(37)}..."\` (a string)`);
    expect(describeValue('x'.repeat(40))).toBe(`\`"${'x'.repeat(40)}"\` (a string)`);
    expect(describeValue('say "hi"')).toBe('`"say \\"hi\\""` (a string)');
  });
});
