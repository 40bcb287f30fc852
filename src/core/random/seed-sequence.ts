import { InvalidArgumentError } from '../errors.js';

const INIT_A = 0x43b0d7e5;
const MULT_A = 0x931e8875;
const INIT_B = 0x8b51f9dd;
const MULT_B = 0x58f38ded;
const MIX_MULT_L = 0xca01f9dd;
const MIX_MULT_R = 0x4973f715;
const XSHIFT = 16;

/** Entropy accepted by {@link SeedSequence}: a non-negative integer (number or bigint) or a list of them. */
export type SeedEntropy = number | bigint | readonly (number | bigint)[];

/** Options of {@link SeedSequence}. */
export interface SeedSequenceOptions {
  /** Extra words that distinguish spawned children; see {@link SeedSequence.spawn}. */
  spawnKey?: readonly number[];
  /** Number of 32-bit words of internal state (NumPy's default: 4). */
  poolSize?: number;
}

/**
 * NumPy's `SeedSequence`: turns user entropy into well-mixed seed words for a bit generator. The same entropy gives
 * the same words as `numpy.random.SeedSequence`, so generators seeded here reproduce NumPy's streams.
 *
 * @example
 * ```ts
 * const sequence = new SeedSequence(42);
 * sequence.generateState(4); // Uint32Array of the words NumPy gives for SeedSequence(42).generate_state(4)
 * ```
 */
export class SeedSequence {
  /** The entropy the sequence was made from (a bigint when drawn from the operating system). */
  readonly entropy: bigint | readonly bigint[];
  readonly spawnKey: readonly number[];
  readonly poolSize: number;
  /** How many children {@link spawn} has made so far. */
  childrenSpawned = 0;
  private readonly pool: Uint32Array;

  /**
   * @param entropy the seed; omitted, 128 bits are drawn from the operating system's random source.
   */
  constructor(entropy?: SeedEntropy, options: SeedSequenceOptions = {}) {
    this.spawnKey = [...(options.spawnKey ?? [])];
    this.poolSize = options.poolSize ?? 4;
    if (!Number.isInteger(this.poolSize) || this.poolSize < 4) {
      throw new InvalidArgumentError(`SeedSequence poolSize must be an integer >= 4, got ${this.poolSize}.`);
    }
    this.entropy = normalizeEntropy(entropy ?? randomEntropy(this.poolSize * 32));
    this.pool = new Uint32Array(this.poolSize);
    mixEntropy(this.pool, this.assembledEntropy());
  }

  /**
   * Words of seed state, like NumPy's `generate_state(n_words, dtype)`. For `uint64` the result holds `2 * n`
   * 32-bit words, two per 64-bit word, low word first.
   */
  generateState(nWords: number, dtype: 'uint32' | 'uint64' = 'uint32'): Uint32Array {
    const count = dtype === 'uint64' ? nWords * 2 : nWords;
    const state = new Uint32Array(count);
    let hashConst = INIT_B;
    for (let i = 0; i < count; i++) {
      let value = this.pool[i % this.poolSize]!;
      value = (value ^ hashConst) >>> 0;
      hashConst = Math.imul(hashConst, MULT_B) >>> 0;
      value = Math.imul(value, hashConst) >>> 0;
      value = (value ^ (value >>> XSHIFT)) >>> 0;
      state[i] = value;
    }
    return state;
  }

  /** Independent child sequences, like NumPy's `SeedSequence.spawn(n)`. */
  spawn(count: number): SeedSequence[] {
    const children: SeedSequence[] = [];
    for (let i = 0; i < count; i++) {
      const entropy = this.entropy;
      children.push(
        new SeedSequence(typeof entropy === 'bigint' ? entropy : [...entropy], {
          spawnKey: [...this.spawnKey, this.childrenSpawned + i],
          poolSize: this.poolSize,
        }),
      );
    }
    this.childrenSpawned += count;
    return children;
  }

  private assembledEntropy(): number[] {
    const run = toUint32Words(this.entropy);
    const spawn = toUint32Words(this.spawnKey.map((k) => BigInt(k)));
    if (spawn.length > 0 && run.length < this.poolSize) {
      while (run.length < this.poolSize) run.push(0);
    }
    return [...run, ...spawn];
  }
}

function mix(x: number, y: number): number {
  let result = (Math.imul(MIX_MULT_L, x) - Math.imul(MIX_MULT_R, y)) >>> 0;
  result = (result ^ (result >>> XSHIFT)) >>> 0;
  return result;
}

/** NumPy's hashmix, with its running constant passed in and out through a local (no object per call). */
function mixEntropy(mixer: Uint32Array, entropy: readonly number[]): void {
  let hashConst = INIT_A;
  const hashMix = (value: number): number => {
    let result = (value ^ hashConst) >>> 0;
    hashConst = Math.imul(hashConst, MULT_A) >>> 0;
    result = Math.imul(result, hashConst) >>> 0;
    return (result ^ (result >>> XSHIFT)) >>> 0;
  };
  for (let i = 0; i < mixer.length; i++) {
    mixer[i] = hashMix(i < entropy.length ? entropy[i]! : 0);
  }
  for (let source = 0; source < mixer.length; source++) {
    for (let destination = 0; destination < mixer.length; destination++) {
      if (source !== destination) {
        mixer[destination] = mix(mixer[destination]!, hashMix(mixer[source]!));
      }
    }
  }
  for (let source = mixer.length; source < entropy.length; source++) {
    for (let destination = 0; destination < mixer.length; destination++) {
      mixer[destination] = mix(mixer[destination]!, hashMix(entropy[source]!));
    }
  }
}

function normalizeEntropy(entropy: SeedEntropy): bigint | readonly bigint[] {
  const check = (value: number | bigint): bigint => {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new InvalidArgumentError(`Seed entropy must be a non-negative integer, got ${value}.`);
    }
    const big = BigInt(value);
    if (big < 0n) throw new InvalidArgumentError(`Seed entropy must be non-negative, got ${value}.`);
    return big;
  };
  if (typeof entropy === 'number' || typeof entropy === 'bigint') return check(entropy);
  return entropy.map(check);
}

/** NumPy's `_coerce_to_uint32_array`: an integer becomes its 32-bit words, least significant first. */
function toUint32Words(entropy: bigint | readonly bigint[]): number[] {
  const words: number[] = [];
  const push = (value: bigint): void => {
    if (value <= 0x1fffffffffffffn) {
      // Below 2^53 the words follow from number arithmetic (the common case: a small integer seed).
      const number = Number(value);
      const high = Math.floor(number / 4294967296);
      words.push(number % 4294967296);
      if (high > 0) words.push(high);
      return;
    }
    let rest = value;
    while (rest > 0n) {
      words.push(Number(rest & 0xffffffffn));
      rest >>= 32n;
    }
  };
  if (typeof entropy === 'bigint') push(entropy);
  else for (const value of entropy) push(value);
  return words;
}

function randomEntropy(bits: number): bigint {
  const words = new Uint32Array(Math.ceil(bits / 32));
  globalThis.crypto.getRandomValues(words);
  let value = 0n;
  for (const word of words) value = (value << 32n) | BigInt(word);
  return value;
}
