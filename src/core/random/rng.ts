import { InvalidArgumentError } from '../errors.js';
import { PCG64, type Pcg64State } from './pcg64.js';
import { SeedSequence, type SeedEntropy } from './seed-sequence.js';
import {
  EXPONENTIAL_F,
  EXPONENTIAL_K,
  EXPONENTIAL_W,
  NORMAL_F,
  NORMAL_K,
  NORMAL_W,
  ZIGGURAT_EXPONENTIAL_R,
  ZIGGURAT_NORMAL_INV_R,
  ZIGGURAT_NORMAL_R,
} from './ziggurat-tables.js';

const TWO_POW_32 = 4294967296;

/** Options of {@link Rng.integers}. */
export interface IntegersOptions {
  /** Include `high` in the range (NumPy's `endpoint=True`). */
  endpoint?: boolean;
}

/** Options of {@link Rng.choice}. */
export interface ChoiceOptions {
  /** Draw with replacement (default true). */
  replace?: boolean;
  /** Probabilities of each element; must be non-negative and sum to 1. */
  p?: ArrayLike<number>;
  /** Shuffle the result of a draw without replacement (default true). */
  shuffle?: boolean;
}

/**
 * A seeded random generator with NumPy 2's `numpy.random.Generator` algorithms over {@link PCG64}: the same seed gives
 * the same numbers as `np.random.default_rng(seed)` for `random`, `integers`, `uniform`, `normal`, `exponential`,
 * `choice`, `shuffle` and `permutation`, so environments ported from Gymnasium replay its trajectories exactly.
 *
 * Floating-point results that go through `exp`/`log1p` (the rare tails of `normal` and `exponential`) use the
 * platform's math library, which may differ from C's in the last bit on a very small fraction of draws.
 *
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.random(); // 0.7739560485559633, as np.random.default_rng(42).random()
 * rng.integers(0, 10); // an integer in [0, 10)
 * ```
 */
export class Rng {
  readonly bitGenerator: PCG64;

  constructor(bitGenerator: PCG64) {
    this.bitGenerator = bitGenerator;
  }

  /** A double in [0, 1); with `size`, that many. */
  random(): number;
  random(size: number): Float64Array;
  random(size?: number): number | Float64Array {
    if (size === undefined) return this.bitGenerator.nextDouble();
    const out = new Float64Array(checkSize(size));
    this.bitGenerator.fillDoubles(out, 0, out.length);
    return out;
  }

  /**
   * A uniformly random integer in [low, high) (or [low, high] with `endpoint`), as NumPy's `integers` for `int64`.
   * With one argument, the range is [0, low).
   */
  integers(low: number, high?: number, options: IntegersOptions = {}): number {
    const [from, span] = integerRange(low, high, options.endpoint ?? false);
    return from + this.boundedUint(span);
  }

  /** `size` integers drawn as by {@link integers}, in order. */
  integersArray(size: number, low: number, high?: number, options: IntegersOptions = {}): number[] {
    const [from, span] = integerRange(low, high, options.endpoint ?? false);
    const out: number[] = new Array<number>(checkSize(size));
    for (let i = 0; i < out.length; i++) out[i] = from + this.boundedUint(span);
    return out;
  }

  /** A double in [low, high): `low + (high - low) * random()`. */
  uniform(low = 0, high = 1): number {
    const range = high - low;
    if (!Number.isFinite(range)) throw new InvalidArgumentError(`uniform: range high - low must be finite.`);
    return low + range * this.bitGenerator.nextDouble();
  }

  /** `size` doubles drawn as by {@link uniform}. */
  uniformArray(size: number, low = 0, high = 1): Float64Array {
    const out = new Float64Array(checkSize(size));
    this.fillUniform(out, low, high);
    return out;
  }

  /**
   * Writes `count` doubles drawn as by {@link uniform} into `out` from `offset` (by default, fills `out`): the same
   * values as `count` calls of `uniform(low, high)`, without allocating and faster. Environments' resets use it.
   *
   * @example
   * ```ts
   * const state = new Float64Array(4);
   * createRng(0).fillUniform(state, -0.05, 0.05); // as np.random.default_rng(0).uniform(-0.05, 0.05, size=4)
   * ```
   */
  fillUniform(out: Float64Array, low: number, high: number, offset = 0, count = out.length - offset): void {
    const range = high - low;
    if (!Number.isFinite(range)) throw new InvalidArgumentError(`uniform: range high - low must be finite.`);
    const end = offset + count;
    if (!(
      Number.isInteger(offset) &&
      Number.isInteger(count) &&
      offset >= 0 &&
      count >= 0 &&
      end <= out.length
    )) {
      throw new InvalidArgumentError(
        `fillUniform: offset ${offset} and count ${count} must be non-negative integers within the ${out.length} elements of out.`,
      );
    }
    this.bitGenerator.fillDoubles(out, offset, count);
    for (let i = offset; i < end; i++) out[i] = low + range * out[i]!;
  }

  /** A standard normal draw (NumPy's ziggurat). */
  standardNormal(): number {
    const bits = this.bitGenerator;
    for (;;) {
      bits.next64();
      const high = bits.high;
      const low = bits.low;
      const index = low & 0xff;
      // r = u64 >> 8; sign = r & 1; rabs = (r >> 1) & (2^52 - 1): bits 9..60 of the draw.
      const sign = (low >>> 8) & 1;
      const rabs = (high & 0x1fffffff) * 8388608 + (low >>> 9);
      let x = rabs * NORMAL_W[index]!;
      if (sign === 1) x = -x;
      if (rabs < NORMAL_K[index]!) return x;
      if (index === 0) {
        for (;;) {
          const xx = -ZIGGURAT_NORMAL_INV_R * Math.log1p(-bits.nextDouble());
          const yy = -Math.log1p(-bits.nextDouble());
          if (yy + yy > xx * xx) {
            return ((rabs / 256) & 1) === 1 ? -(ZIGGURAT_NORMAL_R + xx) : ZIGGURAT_NORMAL_R + xx;
          }
        }
      }
      if (
        (NORMAL_F[index - 1]! - NORMAL_F[index]!) * bits.nextDouble() + NORMAL_F[index]! <
        Math.exp(-0.5 * x * x)
      ) {
        return x;
      }
    }
  }

  /** A normal draw with mean `loc` and standard deviation `scale`. */
  normal(loc = 0, scale = 1): number {
    if (!(scale >= 0)) throw new InvalidArgumentError(`normal: scale must be non-negative, got ${scale}.`);
    return loc + scale * this.standardNormal();
  }

  /** `size` draws as by {@link normal}. */
  normalArray(size: number, loc = 0, scale = 1): Float64Array {
    const out = new Float64Array(checkSize(size));
    for (let i = 0; i < out.length; i++) out[i] = this.normal(loc, scale);
    return out;
  }

  /** A standard exponential draw (NumPy's ziggurat). */
  standardExponential(): number {
    const bits = this.bitGenerator;
    for (;;) {
      bits.next64();
      // ri = u64 >> 3; index = ri & 0xff; ri >>= 8: bits 11..63 of the draw.
      const index = (bits.low >>> 3) & 0xff;
      const ri = bits.high * 2097152 + (bits.low >>> 11);
      const x = ri * EXPONENTIAL_W[index]!;
      if (ri < EXPONENTIAL_K[index]!) return x;
      if (index === 0) return ZIGGURAT_EXPONENTIAL_R - Math.log1p(-bits.nextDouble());
      if (
        (EXPONENTIAL_F[index - 1]! - EXPONENTIAL_F[index]!) * bits.nextDouble() + EXPONENTIAL_F[index]! <
        Math.exp(-x)
      ) {
        return x;
      }
    }
  }

  /** An exponential draw with the given scale (1 / rate). */
  exponential(scale = 1): number {
    if (!(scale >= 0))
      throw new InvalidArgumentError(`exponential: scale must be non-negative, got ${scale}.`);
    return scale * this.standardExponential();
  }

  /**
   * One element of `population` (or an index below it, when it is a number), as NumPy's `choice` without `size`.
   */
  choice<T>(population: readonly T[], options?: Omit<ChoiceOptions, 'replace' | 'shuffle'>): T;
  choice(population: number, options?: Omit<ChoiceOptions, 'replace' | 'shuffle'>): number;
  choice<T>(
    population: readonly T[] | number,
    options: Omit<ChoiceOptions, 'replace' | 'shuffle'> = {},
  ): T | number {
    const index = this.choiceIndices(populationSize(population), 1, options, true)[0]!;
    return typeof population === 'number' ? index : population[index]!;
  }

  /** `size` elements of `population` (or indices below it), as NumPy's `choice(a, size, replace, p, shuffle)`. */
  choiceArray<T>(population: readonly T[], size: number, options?: ChoiceOptions): T[];
  choiceArray(population: number, size: number, options?: ChoiceOptions): number[];
  choiceArray<T>(
    population: readonly T[] | number,
    size: number,
    options: ChoiceOptions = {},
  ): (T | number)[] {
    const indices = this.choiceIndices(populationSize(population), checkSize(size), options, false);
    return typeof population === 'number' ? indices : indices.map((i) => population[i]!);
  }

  /** Shuffles `values` in place (NumPy's `shuffle` of a one-dimensional array). */
  shuffle<T extends { length: number; [index: number]: unknown }>(values: T): T {
    for (let i = values.length - 1; i >= 1; i--) {
      const j = this.interval(i);
      const swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
    return values;
  }

  /** A shuffled copy of `values`, or of `0..n-1` when given a number (NumPy's `permutation`). */
  permutation(n: number): number[];
  permutation<T>(values: readonly T[]): T[];
  permutation<T>(values: readonly T[] | number): (T | number)[] {
    const copy =
      typeof values === 'number' ? Array.from({ length: checkSize(values) }, (_, i) => i) : [...values];
    return this.shuffle(copy);
  }

  /** Independent child generators (NumPy's `Generator.spawn`). */
  spawn(count: number): Rng[] {
    return this.bitGenerator.seedSequence.spawn(count).map((sequence) => new Rng(new PCG64(sequence)));
  }

  /** The generator's state, serialisable as JSON (for checkpoints). */
  getState(): Pcg64State {
    return this.bitGenerator.getState();
  }

  /** Restores a state from {@link getState}. */
  setState(state: Pcg64State): void {
    this.bitGenerator.setState(state);
  }

  /** NumPy's `random_bounded_uint64(off=0, rng=span, use_masked=false)`: an integer in [0, span]. */
  private boundedUint(span: number): number {
    if (span === 0) return 0;
    if (span < TWO_POW_32 - 1) return this.lemire32(span);
    if (span === TWO_POW_32 - 1) return this.bitGenerator.nextUint32();
    return this.lemire64(span);
  }

  /** Lemire's nearly divisionless bounded draw on 32-bit words: an integer in [0, span]. */
  private lemire32(span: number): number {
    const exclusive = span + 1;
    let product = this.bitGenerator.nextUint32() * exclusive;
    let leftover = product % TWO_POW_32;
    if (leftover < exclusive) {
      const threshold = (TWO_POW_32 - 1 - span) % exclusive;
      while (leftover < threshold) {
        product = this.bitGenerator.nextUint32() * exclusive;
        leftover = product % TWO_POW_32;
      }
    }
    return Math.floor(product / TWO_POW_32);
  }

  /** Lemire's bounded draw on 64-bit words (ranges wider than 32 bits; BigInt, rarely used). */
  private lemire64(span: number): number {
    const exclusive = BigInt(span) + 1n;
    const mask = (1n << 64n) - 1n;
    let product = this.bitGenerator.nextUint64() * exclusive;
    let leftover = product & mask;
    if (leftover < exclusive) {
      const threshold = (mask - BigInt(span)) % exclusive;
      while (leftover < threshold) {
        product = this.bitGenerator.nextUint64() * exclusive;
        leftover = product & mask;
      }
    }
    return Number(product >> 64n);
  }

  /** NumPy's `random_interval`: an integer in [0, max] by masked rejection (used by shuffle). */
  private interval(max: number): number {
    if (max === 0) return 0;
    if (max <= TWO_POW_32 - 1) {
      let mask = max;
      mask |= mask >>> 1;
      mask |= mask >>> 2;
      mask |= mask >>> 4;
      mask |= mask >>> 8;
      mask |= mask >>> 16;
      let value: number;
      do value = (this.bitGenerator.nextUint32() & mask) >>> 0;
      while (value > max);
      return value;
    }
    const big = BigInt(max);
    let mask = big;
    for (const shift of [1n, 2n, 4n, 8n, 16n, 32n]) mask |= mask >> shift;
    let value: bigint;
    do value = this.bitGenerator.nextUint64() & mask;
    while (value > big);
    return Number(value);
  }

  private choiceIndices(
    populationSize: number,
    size: number,
    options: ChoiceOptions,
    scalar: boolean,
  ): number[] {
    const replace = options.replace ?? true;
    const p = options.p === undefined ? undefined : checkProbabilities(options.p, populationSize);
    if (populationSize === 0 && size > 0) {
      throw new InvalidArgumentError('choice: cannot take a sample from an empty population.');
    }
    if (replace) {
      if (p !== undefined) {
        const cdf = cumulative(p);
        if (scalar) return [searchRight(cdf, this.bitGenerator.nextDouble())];
        const uniforms = this.random(size);
        return Array.from(uniforms, (u) => searchRight(cdf, u));
      }
      return this.integersArray(size, 0, populationSize);
    }
    if (size > populationSize) {
      throw new InvalidArgumentError(
        'choice: cannot take a larger sample than the population without replacement.',
      );
    }
    if (p !== undefined) return this.choiceWeightedUnique(p, size);
    return this.choiceUnique(populationSize, size, options.shuffle ?? true);
  }

  private choiceWeightedUnique(probabilities: Float64Array, size: number): number[] {
    if (probabilities.filter((x) => x > 0).length < size) {
      throw new InvalidArgumentError('choice: fewer non-zero entries in p than size.');
    }
    const p = Float64Array.from(probabilities);
    const found: number[] = [];
    while (found.length < size) {
      const draws = this.random(size - found.length);
      for (const index of found) p[index] = 0;
      const cdf = cumulative(p);
      const fresh = Array.from(draws, (u) => searchRight(cdf, u));
      // np.unique(new, return_index=True), indices sorted: the first occurrence of each value, in draw order.
      const seen = new Set<number>();
      for (const value of fresh) {
        if (!seen.has(value)) {
          seen.add(value);
          found.push(value);
        }
      }
    }
    return found;
  }

  private choiceUnique(populationSize: number, size: number, shuffle: boolean): number[] {
    const cutoff = shuffle ? 50 : 20;
    if (populationSize > 10000 && size > Math.floor(populationSize / cutoff)) {
      const indices = Array.from({ length: populationSize }, (_, i) => i);
      this.shuffleTail(indices, Math.max(populationSize - size, 1));
      return indices.slice(populationSize - size);
    }
    // Floyd's algorithm.
    const out: number[] = [];
    const taken = new Set<number>();
    for (let j = populationSize - size; j < populationSize; j++) {
      let value = this.boundedUint(j);
      if (taken.has(value)) value = j;
      taken.add(value);
      out.push(value);
    }
    if (shuffle) this.shuffleTail(out, 1);
    return out;
  }

  /** NumPy's `_shuffle_int`: Fisher-Yates from the end down to `first`, with Lemire draws. */
  private shuffleTail(values: number[], first: number): void {
    for (let i = values.length - 1; i >= first; i--) {
      const j = this.boundedUint(i);
      const swap = values[i]!;
      values[i] = values[j]!;
      values[j] = swap;
    }
  }
}

/**
 * A generator seeded like Gymnasium's `seeding.np_random(seed)`: `PCG64(SeedSequence(seed))`. Without a seed, the
 * operating system's randomness is used.
 *
 * @example
 * ```ts
 * const rng = createRng(0);
 * rng.uniform(-0.05, 0.05);
 * ```
 */
export function createRng(seed?: SeedEntropy): Rng {
  if (typeof seed === 'number' && (!Number.isSafeInteger(seed) || seed < 0)) {
    throw new InvalidArgumentError(`Seed must be a non-negative integer, got ${seed}.`);
  }
  return new Rng(new PCG64(new SeedSequence(seed)));
}

function integerRange(low: number, high: number | undefined, endpoint: boolean): [number, number] {
  const from = high === undefined ? 0 : low;
  const to = high === undefined ? low : high;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) {
    throw new InvalidArgumentError(`integers: bounds must be safe integers, got ${from} and ${to}.`);
  }
  const span = endpoint ? to - from : to - from - 1;
  if (span < 0) {
    throw new InvalidArgumentError(
      endpoint ? `integers: low > high (${from} > ${to}).` : `integers: low >= high (${from} >= ${to}).`,
    );
  }
  return [from, span];
}

function checkSize(size: number): number {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new InvalidArgumentError(`size must be a non-negative integer, got ${size}.`);
  }
  return size;
}

function populationSize(population: readonly unknown[] | number): number {
  if (typeof population === 'number') {
    if (!Number.isSafeInteger(population) || population < 0) {
      throw new InvalidArgumentError(
        `choice: population size must be a non-negative integer, got ${population}.`,
      );
    }
    return population;
  }
  return population.length;
}

function checkProbabilities(p: ArrayLike<number>, size: number): Float64Array {
  if (p.length !== size) {
    throw new InvalidArgumentError(`choice: p has ${p.length} entries but the population has ${size}.`);
  }
  const probabilities = Float64Array.from(p);
  let sum = 0;
  let compensation = 0;
  for (const value of probabilities) {
    if (!(value >= 0)) throw new InvalidArgumentError('choice: probabilities must be non-negative.');
    const y = value - compensation;
    const t = sum + y;
    compensation = t - sum - y;
    sum = t;
  }
  if (Math.abs(sum - 1) > Math.sqrt(Number.EPSILON)) {
    throw new InvalidArgumentError(`choice: probabilities must sum to 1 (they sum to ${sum}).`);
  }
  return probabilities;
}

function cumulative(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let total = 0;
  for (let i = 0; i < p.length; i++) {
    total += p[i]!;
    cdf[i] = total;
  }
  const last = cdf[cdf.length - 1]!;
  for (let i = 0; i < cdf.length; i++) cdf[i] = cdf[i]! / last;
  return cdf;
}

/** numpy.searchsorted(cdf, value, side='right'): the number of entries <= value. */
function searchRight(cdf: Float64Array, value: number): number {
  let low = 0;
  let high = cdf.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cdf[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}
