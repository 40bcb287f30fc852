/**
 * A number the way Python prints a NumPy scalar: the shortest text that reads back to the same value (in float32
 * when `float32` is set), with `.0` on whole floats and Python's exponent style (`-4.8`, `1.0`, `1e-05`, `inf`).
 */
export function formatNumber(value: number, kind: 'f' | 'i' | 'u' = 'f', float32 = false): string {
  if (kind !== 'f') return String(value);
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  let shortest = value;
  if (float32) {
    for (let precision = 1; precision <= 9; precision++) {
      const candidate = Number(value.toPrecision(precision));
      if (Math.fround(candidate) === value) {
        shortest = candidate;
        break;
      }
    }
  }
  const magnitude = Math.abs(shortest);
  let text: string;
  if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e16)) {
    const [mantissa, exponent] = shortest.toExponential().split('e') as [string, string];
    const sign = exponent.startsWith('-') ? '-' : '+';
    text = `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  } else {
    text = String(shortest);
    if (/^-?\d+$/.test(text)) text += '.0';
  }
  return text;
}
