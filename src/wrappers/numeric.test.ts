import { describe, expect, it } from 'vitest';
import type { BoxDtype } from '../spaces/dtype.js';
import { floatResultDtype, numericValues, promoteDtypes, valueDtype } from './numeric.js';

const DTYPES: BoxDtype[] = ['float32', 'float64', 'int8', 'int16', 'int32', 'uint8', 'uint16', 'uint32'];

// numpy.result_type(row, column) for every pair (NumPy 2.4); int64 results widen to float64 here.
const NUMPY: Record<BoxDtype, BoxDtype[]> = {
  float32: ['float32', 'float64', 'float32', 'float32', 'float64', 'float32', 'float32', 'float64'],
  float64: ['float64', 'float64', 'float64', 'float64', 'float64', 'float64', 'float64', 'float64'],
  int8: ['float32', 'float64', 'int8', 'int16', 'int32', 'int16', 'int32', 'float64' /* int64 */],
  int16: ['float32', 'float64', 'int16', 'int16', 'int32', 'int16', 'int32', 'float64' /* int64 */],
  int32: ['float64', 'float64', 'int32', 'int32', 'int32', 'int32', 'int32', 'float64' /* int64 */],
  uint8: ['float32', 'float64', 'int16', 'int16', 'int32', 'uint8', 'uint16', 'uint32'],
  uint16: ['float32', 'float64', 'int32', 'int32', 'int32', 'uint16', 'uint16', 'uint32'],
  uint32: [
    'float64',
    'float64',
    'float64' /* int64 */,
    'float64' /* int64 */,
    'float64' /* int64 */,
    'uint32',
    'uint32',
    'uint32',
  ],
};

describe('promoteDtypes', () => {
  it.each(DTYPES)('matches numpy.result_type for %s', (a) => {
    expect(DTYPES.map((b) => promoteDtypes(a, b))).toEqual(NUMPY[a]);
  });

  it('computes float results in float32 only when every operand allows it', () => {
    expect(floatResultDtype('float32', 'uint8')).toBe('float32');
    expect(floatResultDtype('float32', 'int32')).toBe('float64');
    expect(floatResultDtype('float32', 'float32', 'float64')).toBe('float64');
  });

  it('reads numbers and arrays of numbers as NumPy would type them', () => {
    expect(valueDtype(Float32Array.of(1))).toBe('float32');
    expect(valueDtype([1, 2])).toBe('float64');
    expect(Array.from(numericValues(3, 'x'))).toEqual([3]);
    expect(() => numericValues('a', 'The action')).toThrow(
      /The action must be a number or an array of numbers/,
    );
  });
});
