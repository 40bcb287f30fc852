import { InvalidArgumentError } from '../errors.js';
import { SeedSequence, type SeedEntropy } from './seed-sequence.js';

/** The serialisable state of a {@link PCG64}, in the shape of NumPy's `PCG64().state`. */
export interface Pcg64State {
  bitGenerator: 'PCG64';
  /** 128-bit LCG state and increment, as decimal strings. */
  state: { state: string; inc: string };
  hasUint32: boolean;
  uinteger: number;
}

// PCG's default 128-bit multiplier 0x2360ed051fc65da44385df649fccf645, as 16-bit limbs, least significant first.
const M0 = 0xf645;
const M1 = 0x9fcc;
const M2 = 0xdf64;
const M3 = 0x4385;
const M4 = 0x5da4;
const M5 = 0x1fc6;
const M6 = 0xed05;
const M7 = 0x2360;
/** The multiplier's 32-bit words (int32), for the top word, which only needs products modulo 2^32. */
const W0 = (M1 << 16) | M0;
const W1 = (M3 << 16) | M2;
const W2 = (M5 << 16) | M4;
const W3 = (M7 << 16) | M6;
const LIMB = 65536;
const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_32 = 1 / 4294967296;
const TWO_POW_MINUS_53 = 1 / 9007199254740992;

/*
 * One step of the 128-bit LCG, `state = state * MULTIPLIER + inc (mod 2^128)`, in doubles without BigInt. The
 * state is kept as four 32-bit words; each is split into two 16-bit limbs, so that every limb product (< 2^32) and
 * every sum of a 16-bit column (< 2^36) is exact. Two columns at a time are then folded into a 32-bit word with a
 * carry: four dependent carry steps instead of eight, and each column's products are summed as a balanced tree, so
 * the chain of dependent operations from one state to the next stays short. The top word needs its products only
 * modulo 2^32: there Math.imul of 32-bit words replaces the limb products (w_i * W_j with i + j = 3), and only the
 * three limb products whose full 32 bits land in it (the high limbs of w_i * W_j with i + j = 2) stay exact sums. `next64` and `fillDoubles` spell the
 * step out each (one over fields, one over locals in a loop): a shared helper could not return four words without
 * allocating or going through memory, which costs more than the step itself.
 */

/**
 * NumPy's `PCG64` bit generator (PCG XSL-RR 128/64), bit for bit, with the 128-bit arithmetic done exactly in
 * doubles.
 *
 * @example
 * ```ts
 * const bits = new PCG64(new SeedSequence(0));
 * bits.nextDouble(); // 0.6369616873214543, as numpy.random.default_rng(0).random()
 * ```
 */
export class PCG64 {
  // The state as 32-bit words w0 (least significant) .. w3, stored as int32; the increment as 16-bit limbs.
  private w0 = 0;
  private w1 = 0;
  private w2 = 0;
  private w3 = 0;
  private i0 = 0;
  private i1 = 0;
  private i2 = 0;
  private i3 = 0;
  private i4 = 0;
  private i5 = 0;
  private i6 = 0;
  private i7 = 0;
  /** High and low 32 bits of the last 64-bit output (see {@link next64}). */
  high = 0;
  low = 0;
  private hasUint32 = false;
  private uinteger = 0;
  /** The seed sequence this generator was seeded from. */
  readonly seedSequence: SeedSequence;

  /** @param seed a {@link SeedSequence}, or entropy for one; omitted, the operating system's randomness. */
  constructor(seed?: SeedSequence | SeedEntropy) {
    this.seedSequence = seed instanceof SeedSequence ? seed : new SeedSequence(seed);
    const words = this.seedSequence.generateState(4, 'uint64');
    this.seedFromWords(words);
  }

  /** Advances the generator and stores the 64-bit output in {@link high} and {@link low}. */
  next64(): void {
    const w0 = this.w0;
    const w1 = this.w1;
    const w2 = this.w2;
    const w3 = this.w3;
    const a0 = w0 & 0xffff;
    const a1 = w0 >>> 16;
    const a2 = w1 & 0xffff;
    const a3 = w1 >>> 16;
    const a4 = w2 & 0xffff;
    const a5 = w2 >>> 16;
    const c0 = a0 * M0 + this.i0;
    const c1 = a0 * M1 + a1 * M0 + this.i1;
    const c2 = a0 * M2 + a1 * M1 + (a2 * M0 + this.i2);
    const c3 = a0 * M3 + a1 * M2 + a2 * M1 + (a3 * M0 + this.i3);
    const c4 = a0 * M4 + a1 * M3 + a2 * M2 + (a3 * M1 + a4 * M0 + this.i4);
    const c5 = a0 * M5 + a1 * M4 + (a2 * M3 + a3 * M2) + (a4 * M1 + a5 * M0 + this.i5);
    let r = c0 + c1 * LIMB;
    let carry = Math.floor(r * TWO_POW_MINUS_32);
    const n0 = (r - carry * TWO_POW_32) | 0;
    r = c2 + c3 * LIMB + carry;
    carry = Math.floor(r * TWO_POW_MINUS_32);
    const n1 = (r - carry * TWO_POW_32) | 0;
    r = c4 + c5 * LIMB + carry;
    carry = Math.floor(r * TWO_POW_MINUS_32);
    const n2 = (r - carry * TWO_POW_32) | 0;
    const n3 =
      (((a1 * M5 + a3 * M3 + a5 * M1 + (this.i6 + this.i7 * LIMB) + carry) | 0) +
        (Math.imul(w0, W3) + Math.imul(w1, W2)) +
        (Math.imul(w2, W1) + Math.imul(w3, W0))) |
      0;
    this.w0 = n0;
    this.w1 = n1;
    this.w2 = n2;
    this.w3 = n3;
    // XSL-RR output: (high64 ^ low64) rotated right by the top six bits of the state. Without branches: swap the
    // halves for rotations of 32 or more, then rotate by the rest (the double shift makes a rotation by 0 work).
    let xHigh = n3 ^ n1;
    let xLow = n2 ^ n0;
    const rotation = n3 >>> 26;
    const swap = (xHigh ^ xLow) & -(rotation >>> 5);
    xHigh ^= swap;
    xLow ^= swap;
    const k = rotation & 31;
    this.high = ((xHigh >>> k) | ((xLow << (31 - k)) << 1)) >>> 0;
    this.low = ((xLow >>> k) | ((xHigh << (31 - k)) << 1)) >>> 0;
  }

  /** The next 64-bit output as a bigint. */
  nextUint64(): bigint {
    this.next64();
    return (BigInt(this.high) << 32n) | BigInt(this.low);
  }

  /** The next 32-bit output; like NumPy, one 64-bit draw serves two calls (low half first). */
  nextUint32(): number {
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    this.next64();
    this.hasUint32 = true;
    this.uinteger = this.high;
    return this.low;
  }

  /** A double in [0, 1) from the top 53 bits of the next 64-bit output. */
  nextDouble(): number {
    this.next64();
    return (this.high * 2097152 + (this.low >>> 11)) * TWO_POW_MINUS_53;
  }

  /**
   * `count` doubles in [0, 1) into `out` from `offset`: the same values, in the same order, as `count` calls of
   * {@link nextDouble} (NumPy's `random(size)`), faster, with the state kept in registers between draws.
   *
   * @example
   * ```ts
   * const out = new Float64Array(4);
   * new PCG64(new SeedSequence(0)).fillDoubles(out, 0, 4); // out[0] === 0.6369616873214543
   * ```
   */
  fillDoubles(out: Float64Array, offset: number, count: number): void {
    let w0 = this.w0;
    let w1 = this.w1;
    let w2 = this.w2;
    let w3 = this.w3;
    const i0 = this.i0;
    const i1 = this.i1;
    const i2 = this.i2;
    const i3 = this.i3;
    const i4 = this.i4;
    const i5 = this.i5;
    const topIncrement = this.i6 + this.i7 * LIMB;
    for (let j = 0; j < count; j++) {
      // The step of next64, over locals.
      const a0 = w0 & 0xffff;
      const a1 = w0 >>> 16;
      const a2 = w1 & 0xffff;
      const a3 = w1 >>> 16;
      const a4 = w2 & 0xffff;
      const a5 = w2 >>> 16;
      const c0 = a0 * M0 + i0;
      const c1 = a0 * M1 + a1 * M0 + i1;
      const c2 = a0 * M2 + a1 * M1 + (a2 * M0 + i2);
      const c3 = a0 * M3 + a1 * M2 + a2 * M1 + (a3 * M0 + i3);
      const c4 = a0 * M4 + a1 * M3 + a2 * M2 + (a3 * M1 + a4 * M0 + i4);
      const c5 = a0 * M5 + a1 * M4 + (a2 * M3 + a3 * M2) + (a4 * M1 + a5 * M0 + i5);
      let r = c0 + c1 * LIMB;
      let carry = Math.floor(r * TWO_POW_MINUS_32);
      const n0 = (r - carry * TWO_POW_32) | 0;
      r = c2 + c3 * LIMB + carry;
      carry = Math.floor(r * TWO_POW_MINUS_32);
      const n1 = (r - carry * TWO_POW_32) | 0;
      r = c4 + c5 * LIMB + carry;
      carry = Math.floor(r * TWO_POW_MINUS_32);
      const n2 = (r - carry * TWO_POW_32) | 0;
      const top =
        (((a1 * M5 + a3 * M3 + a5 * M1 + topIncrement + carry) | 0) +
          (Math.imul(w0, W3) + Math.imul(w1, W2)) +
          (Math.imul(w2, W1) + Math.imul(w3, W0))) |
        0;
      w0 = n0;
      w1 = n1;
      w2 = n2;
      w3 = top;
      let xHigh = w3 ^ w1;
      let xLow = w2 ^ w0;
      const rotation = w3 >>> 26;
      const swap = (xHigh ^ xLow) & -(rotation >>> 5);
      xHigh ^= swap;
      xLow ^= swap;
      const k = rotation & 31;
      const high = ((xHigh >>> k) | ((xLow << (31 - k)) << 1)) >>> 0;
      const low = ((xLow >>> k) | ((xHigh << (31 - k)) << 1)) >>> 0;
      out[offset + j] = (high * 2097152 + (low >>> 11)) * TWO_POW_MINUS_53;
    }
    this.w0 = w0;
    this.w1 = w1;
    this.w2 = w2;
    this.w3 = w3;
  }

  /** The current state, serialisable as JSON. */
  getState(): Pcg64State {
    return {
      bitGenerator: 'PCG64',
      state: { state: this.stateValue().toString(), inc: this.incValue().toString() },
      hasUint32: this.hasUint32,
      uinteger: this.uinteger,
    };
  }

  /** Restores a state from {@link getState}. */
  setState(state: Pcg64State): void {
    if (state.bitGenerator !== 'PCG64') {
      throw new InvalidArgumentError(`Cannot restore a ${String(state.bitGenerator)} state into PCG64.`);
    }
    this.setValues(BigInt(state.state.state), BigInt(state.state.inc));
    this.hasUint32 = state.hasUint32;
    this.uinteger = state.uinteger >>> 0;
  }

  /**
   * NumPy's seeding from the SeedSequence words (val[k] = words[2k] + words[2k + 1] * 2^32): initState =
   * val[0] * 2^64 + val[1], seq = val[2] * 2^64 + val[3], then pcg_setseq_128_srandom_r: inc = 2 seq + 1,
   * state = 0, one step (state = inc), state += initState, one step. In 32-bit words, without BigInt (a vector
   * environment seeds one generator per sub-environment at every seeded reset).
   */
  private seedFromWords(words: Uint32Array): void {
    const q0 = words[6]!;
    const q1 = words[7]!;
    const q2 = words[4]!;
    const q3 = words[5]!;
    const inc0 = ((q0 << 1) | 1) >>> 0;
    const inc1 = ((q1 << 1) | (q0 >>> 31)) >>> 0;
    const inc2 = ((q2 << 1) | (q1 >>> 31)) >>> 0;
    const inc3 = ((q3 << 1) | (q2 >>> 31)) >>> 0;
    this.i0 = inc0 & 0xffff;
    this.i1 = inc0 >>> 16;
    this.i2 = inc1 & 0xffff;
    this.i3 = inc1 >>> 16;
    this.i4 = inc2 & 0xffff;
    this.i5 = inc2 >>> 16;
    this.i6 = inc3 & 0xffff;
    this.i7 = inc3 >>> 16;
    // state = inc + initState (mod 2^128), word by word with carries.
    let sum = inc0 + words[2]!;
    this.w0 = sum | 0;
    sum = inc1 + words[3]! + (sum > 0xffffffff ? 1 : 0);
    this.w1 = sum | 0;
    sum = inc2 + words[0]! + (sum > 0xffffffff ? 1 : 0);
    this.w2 = sum | 0;
    sum = inc3 + words[1]! + (sum > 0xffffffff ? 1 : 0);
    this.w3 = sum | 0;
    this.next64();
    this.hasUint32 = false;
    this.uinteger = 0;
  }

  private stateValue(): bigint {
    return wordsToBigInt([this.w0, this.w1, this.w2, this.w3], 32);
  }

  private incValue(): bigint {
    return wordsToBigInt([this.i0, this.i1, this.i2, this.i3, this.i4, this.i5, this.i6, this.i7], 16);
  }

  private setValues(state: bigint, inc: bigint): void {
    const words = toWords(state, 4, 32);
    this.w0 = words[0]! | 0;
    this.w1 = words[1]! | 0;
    this.w2 = words[2]! | 0;
    this.w3 = words[3]! | 0;
    const limbs = toWords(inc, 8, 16);
    this.i0 = limbs[0]!;
    this.i1 = limbs[1]!;
    this.i2 = limbs[2]!;
    this.i3 = limbs[3]!;
    this.i4 = limbs[4]!;
    this.i5 = limbs[5]!;
    this.i6 = limbs[6]!;
    this.i7 = limbs[7]!;
  }
}

/** `count` unsigned words of `bits` bits of `value`, least significant first. */
function toWords(value: bigint, count: number, bits: number): number[] {
  const words: number[] = [];
  const mask = (1n << BigInt(bits)) - 1n;
  let rest = value;
  for (let k = 0; k < count; k++) {
    words.push(Number(rest & mask));
    rest >>= BigInt(bits);
  }
  return words;
}

/** The value of words of `bits` bits (least significant first; negative int32 words read as unsigned). */
function wordsToBigInt(words: readonly number[], bits: number): bigint {
  let value = 0n;
  for (let k = words.length - 1; k >= 0; k--) value = (value << BigInt(bits)) | BigInt(words[k]! >>> 0);
  return value;
}
