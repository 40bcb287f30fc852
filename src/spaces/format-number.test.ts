import { describe, expect, it } from 'vitest';
import { formatNumber, formatPositional, formatScientific } from './format-number.js';
import { pythonStringRepr } from './python-repr.js';

describe('formatNumber (str of a NumPy scalar)', () => {
  it('prints float32 and float64 values like NumPy', () => {
    expect(formatNumber(Math.fround(-4.8), 'f', true)).toBe('-4.8');
    expect(formatNumber(Math.fround(1e6), 'f', true)).toBe('1e+06');
    expect(formatNumber(1e6, 'f', false)).toBe('1000000.0');
    expect(formatNumber(Math.fround(1e-4), 'f', true)).toBe('1e-04');
    expect(formatNumber(1e-4)).toBe('0.0001');
    expect(formatNumber(1e16)).toBe('1e+16');
    expect(formatNumber(-0)).toBe('-0.0');
    expect(formatNumber(3.4028234663852886e38, 'f', true)).toBe('3.4028235e+38');
    expect(formatNumber(-Infinity)).toBe('-inf');
    expect(formatNumber(NaN)).toBe('nan');
    expect(formatNumber(255, 'u')).toBe('255');
  });

  it('rounds cut-off digits half to even from the exact value, as Dragon4', () => {
    expect(formatPositional(0.001953125, { precision: 8, trim: '.' })).toBe('0.00195312');
    expect(formatPositional(2.5, { precision: 0, trim: '.' })).toBe('2.');
    expect(formatPositional(3.5, { precision: 0, trim: '.' })).toBe('4.');
    expect(formatScientific(123456, { precision: 2, trim: 'k' })).toBe('1.23e+05');
    expect(formatScientific(1.5, { minDigits: 3, trim: 'k', padLeft: 3 })).toBe('  1.500e+00');
  });
});

describe('pythonStringRepr', () => {
  it('quotes and escapes like Python', () => {
    expect(pythonStringRepr('a')).toBe("'a'");
    expect(pythonStringRepr("it's")).toBe(`"it's"`);
    expect(pythonStringRepr(`both'"`)).toBe(`'both\\'"'`);
    expect(pythonStringRepr('tab\tnew\nline\\')).toBe("'tab\\tnew\\nline\\\\'");
    expect(pythonStringRepr('é\u0007\u200b😀')).toBe("'é\\x07\\u200b😀'");
  });
});
