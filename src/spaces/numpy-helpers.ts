import type { Rng } from '../core/random/rng.js';

/**
 * Small NumPy internals that space sampling depends on bit for bit (not public API).
 */

/** `np.sum` of a float64 array: NumPy's pairwise summation (8-way unrolled blocks of up to 128 values). */
export function pairwiseSum(values: ArrayLike<number>, start = 0, count = values.length - start): number {
  if (count < 8) {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += values[start + i]!;
    return sum;
  }
  if (count <= 128) {
    const partial = [0, 0, 0, 0, 0, 0, 0, 0].map((_, j) => values[start + j]!);
    let i = 8;
    for (; i < count - (count % 8); i += 8) {
      for (let j = 0; j < 8; j++) partial[j] = partial[j]! + values[start + i + j]!;
    }
    const [r0, r1, r2, r3, r4, r5, r6, r7] = partial as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < count; i++) sum += values[start + i]!;
    return sum;
  }
  let half = Math.floor(count / 2);
  half -= half % 8;
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, count - half);
}

/**
 * `count` integers in `[offset, offset + range]` drawn as NumPy's `integers(..., dtype=np.int8 / np.uint8)`: Lemire's
 * method on bytes taken from 32-bit words (low byte first), the unused bytes of the last word discarded.
 */
export function boundedUint8Fill(rng: Rng, offset: number, range: number, count: number): number[] {
  const out = new Array<number>(count);
  let buffer = 0;
  let remaining = 0;
  const nextByte = (): number => {
    if (remaining === 0) {
      buffer = rng.bitGenerator.nextUint32();
      remaining = 3;
    } else {
      buffer >>>= 8;
      remaining -= 1;
    }
    return buffer & 0xff;
  };
  for (let i = 0; i < count; i++) {
    if (range === 0) out[i] = offset;
    else if (range === 0xff) out[i] = offset + nextByte();
    else {
      const exclusive = range + 1;
      let product = nextByte() * exclusive;
      let leftover = product & 0xff;
      if (leftover < exclusive) {
        const threshold = (0xff - range) % exclusive;
        while (leftover < threshold) {
          product = nextByte() * exclusive;
          leftover = product & 0xff;
        }
      }
      out[i] = offset + (product >>> 8);
    }
  }
  return out;
}
