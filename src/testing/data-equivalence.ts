/** Options of {@link dataEquivalence}. */
export interface DataEquivalenceOptions {
  /**
   * Compare numeric arrays exactly; otherwise elements may differ by `1e-5 + 1e-5 * |b|` (NumPy's `allclose` as
   * Gymnasium's checker uses it). Plain numbers are always compared exactly.
   */
  exact?: boolean;
}

/**
 * Whether two observations, actions or infos are the same data, as Gymnasium's `data_equivalence`: same types,
 * typed arrays of the same kind and length with equal (or close) elements, arrays and plain objects equal element by
 * element and key by key.
 *
 * @example
 * ```ts
 * dataEquivalence(Float32Array.of(1, 2), Float32Array.of(1, 2.000001)); // true
 * dataEquivalence(Float32Array.of(1, 2), Float32Array.of(1, 2.000001), { exact: true }); // false
 * dataEquivalence({ a: [1, 2] }, { a: [1, 2] }); // true
 * ```
 */
export function dataEquivalence(a: unknown, b: unknown, options: DataEquivalenceOptions = {}): boolean {
  const exact = options.exact ?? false;
  if (typeof a !== typeof b) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.constructor !== b.constructor) return false;
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!elementEqual(x[i]!, y[i]!, exact)) return false;
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((value, index) => dataEquivalence(value, b[index], options));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && dataEquivalence(a[key], b[key], options));
  }
  return a === b;
}

function elementEqual(x: number, y: number, exact: boolean): boolean {
  if (x === y) return true;
  if (exact || !Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= 1e-5 + 1e-5 * Math.abs(y);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
