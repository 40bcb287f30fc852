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
const LIMB = 65536;
const TWO_POW_MINUS_53 = 1 / 9007199254740992;

/**
 * NumPy's `PCG64` bit generator (PCG XSL-RR 128/64), bit for bit. The 128-bit state is held as eight 16-bit limbs in
 * doubles so that the multiply stays exact without BigInt.
 *
 * @example
 * ```ts
 * const bits = new PCG64(new SeedSequence(0));
 * bits.nextDouble(); // 0.6369616873214543, as numpy.random.default_rng(0).random()
 * ```
 */
export class PCG64 {
  // State limbs s0 (least significant) .. s7 and increment limbs i0 .. i7.
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private s4 = 0;
  private s5 = 0;
  private s6 = 0;
  private s7 = 0;
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
    // NumPy: seed = (val[0] << 64) | val[1], inc = (val[2] << 64) | val[3]; each val[k] = words[2k] + words[2k+1] << 32.
    const seedValue = (word64(words, 0) << 64n) | word64(words, 1);
    const incValue = (word64(words, 2) << 64n) | word64(words, 3);
    this.seedState(seedValue, incValue);
  }

  /** Advances the generator and stores the 64-bit output in {@link high} and {@link low}. */
  next64(): void {
    // state = state * MULTIPLIER + inc (mod 2^128), limb by limb; every partial sum stays below 2^53.
    const a0 = this.s0;
    const a1 = this.s1;
    const a2 = this.s2;
    const a3 = this.s3;
    const a4 = this.s4;
    const a5 = this.s5;
    const a6 = this.s6;
    const a7 = this.s7;
    let r = a0 * M0 + this.i0;
    let carry = Math.floor(r / LIMB);
    const n0 = r - carry * LIMB;
    r = a0 * M1 + a1 * M0 + this.i1 + carry;
    carry = Math.floor(r / LIMB);
    const n1 = r - carry * LIMB;
    r = a0 * M2 + a1 * M1 + a2 * M0 + this.i2 + carry;
    carry = Math.floor(r / LIMB);
    const n2 = r - carry * LIMB;
    r = a0 * M3 + a1 * M2 + a2 * M1 + a3 * M0 + this.i3 + carry;
    carry = Math.floor(r / LIMB);
    const n3 = r - carry * LIMB;
    r = a0 * M4 + a1 * M3 + a2 * M2 + a3 * M1 + a4 * M0 + this.i4 + carry;
    carry = Math.floor(r / LIMB);
    const n4 = r - carry * LIMB;
    r = a0 * M5 + a1 * M4 + a2 * M3 + a3 * M2 + a4 * M1 + a5 * M0 + this.i5 + carry;
    carry = Math.floor(r / LIMB);
    const n5 = r - carry * LIMB;
    r = a0 * M6 + a1 * M5 + a2 * M4 + a3 * M3 + a4 * M2 + a5 * M1 + a6 * M0 + this.i6 + carry;
    carry = Math.floor(r / LIMB);
    const n6 = r - carry * LIMB;
    r = a0 * M7 + a1 * M6 + a2 * M5 + a3 * M4 + a4 * M3 + a5 * M2 + a6 * M1 + a7 * M0 + this.i7 + carry;
    const n7 = r % LIMB;
    this.s0 = n0;
    this.s1 = n1;
    this.s2 = n2;
    this.s3 = n3;
    this.s4 = n4;
    this.s5 = n5;
    this.s6 = n6;
    this.s7 = n7;
    // XSL-RR output: rotate (high64 ^ low64) right by the top six bits of the state.
    const xHigh = (((n7 << 16) | n6) ^ ((n3 << 16) | n2)) >>> 0;
    const xLow = (((n5 << 16) | n4) ^ ((n1 << 16) | n0)) >>> 0;
    const rotation = n7 >>> 10;
    if (rotation === 0) {
      this.high = xHigh;
      this.low = xLow;
    } else if (rotation < 32) {
      this.high = ((xHigh >>> rotation) | (xLow << (32 - rotation))) >>> 0;
      this.low = ((xLow >>> rotation) | (xHigh << (32 - rotation))) >>> 0;
    } else if (rotation === 32) {
      this.high = xLow;
      this.low = xHigh;
    } else {
      const shift = rotation - 32;
      this.high = ((xLow >>> shift) | (xHigh << (32 - shift))) >>> 0;
      this.low = ((xHigh >>> shift) | (xLow << (32 - shift))) >>> 0;
    }
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

  /** The current state, serialisable as JSON. */
  getState(): Pcg64State {
    return {
      bitGenerator: 'PCG64',
      state: {
        state: limbsToBigInt(this.stateLimbs()).toString(),
        inc: limbsToBigInt(this.incLimbs()).toString(),
      },
      hasUint32: this.hasUint32,
      uinteger: this.uinteger,
    };
  }

  /** Restores a state from {@link getState}. */
  setState(state: Pcg64State): void {
    if (state.bitGenerator !== 'PCG64') {
      throw new InvalidArgumentError(`Cannot restore a ${String(state.bitGenerator)} state into PCG64.`);
    }
    this.setLimbs(BigInt(state.state.state), BigInt(state.state.inc));
    this.hasUint32 = state.hasUint32;
    this.uinteger = state.uinteger >>> 0;
  }

  private seedState(initState: bigint, initSequence: bigint): void {
    const mask = (1n << 128n) - 1n;
    // pcg_setseq_128_srandom_r: state = 0; inc = (seq << 1) | 1; step; state += initState; step.
    this.setLimbs(0n, ((initSequence << 1n) | 1n) & mask);
    this.next64();
    this.setLimbs((limbsToBigInt(this.stateLimbs()) + initState) & mask, limbsToBigInt(this.incLimbs()));
    this.next64();
    this.hasUint32 = false;
    this.uinteger = 0;
  }

  private stateLimbs(): number[] {
    return [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5, this.s6, this.s7];
  }

  private incLimbs(): number[] {
    return [this.i0, this.i1, this.i2, this.i3, this.i4, this.i5, this.i6, this.i7];
  }

  private setLimbs(state: bigint, inc: bigint): void {
    const s = toLimbs(state);
    const i = toLimbs(inc);
    [this.s0, this.s1, this.s2, this.s3, this.s4, this.s5, this.s6, this.s7] = s as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    [this.i0, this.i1, this.i2, this.i3, this.i4, this.i5, this.i6, this.i7] = i as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
  }
}

function word64(words: Uint32Array, index: number): bigint {
  return (BigInt(words[2 * index + 1]!) << 32n) | BigInt(words[2 * index]!);
}

function toLimbs(value: bigint): number[] {
  const limbs: number[] = [];
  let rest = value;
  for (let k = 0; k < 8; k++) {
    limbs.push(Number(rest & 0xffffn));
    rest >>= 16n;
  }
  return limbs;
}

function limbsToBigInt(limbs: readonly number[]): bigint {
  let value = 0n;
  for (let k = limbs.length - 1; k >= 0; k--) value = (value << 16n) | BigInt(limbs[k]!);
  return value;
}
