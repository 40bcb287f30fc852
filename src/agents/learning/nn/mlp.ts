import { InvalidArgumentError } from '../../../core/errors.js';
import type { Rng } from '../../../core/random/rng.js';

/** The nonlinearity between hidden layers of an {@link Mlp}; the output layer is always linear. */
export type Activation = 'relu' | 'tanh';

/**
 * A fully connected network on `Float64Array`s: `sizes[0]` inputs, hidden layers with `activation`, a linear output
 * of `sizes.at(-1)` values. All weights and biases live in one flat {@link parameters} array (so optimisers, target
 * copies and checkpoints handle one array), and gradients in {@link gradients}, laid out the same way.
 *
 * Batches are rows of a row-major matrix. Working buffers are allocated once for `maxBatchSize` rows, so
 * {@link forward} and {@link backward} allocate nothing.
 *
 * @example
 * ```ts
 * const net = new Mlp([4, 64, 64, 2], { activation: 'relu', maxBatchSize: 32 });
 * net.initialize(createRng(0));
 * const q = net.forward(new Float64Array([0.1, 0, -0.02, 0.3]), 1); // two outputs
 * ```
 */
export class Mlp {
  readonly sizes: readonly number[];
  readonly activation: Activation;
  readonly maxBatchSize: number;
  readonly parameters: Float64Array;
  readonly gradients: Float64Array;
  /** Offset of each layer's weights (`out x in`, row-major) in {@link parameters}; its biases follow them. */
  private readonly weightOffsets: number[] = [];
  /** `activations[0]` is the input; `activations[k]` the output of layer k (after its nonlinearity if hidden). */
  private readonly activations: Float64Array[] = [];
  private readonly deltas: Float64Array[] = [];

  constructor(sizes: readonly number[], options: { activation?: Activation; maxBatchSize?: number } = {}) {
    if (sizes.length < 2 || sizes.some((size) => !Number.isSafeInteger(size) || size < 1)) {
      throw new InvalidArgumentError(
        `Mlp: sizes must list at least an input and an output size, all positive integers; got [${sizes.join(', ')}].`,
      );
    }
    this.sizes = [...sizes];
    this.activation = options.activation ?? 'relu';
    this.maxBatchSize = options.maxBatchSize ?? 1;
    let count = 0;
    for (let layer = 0; layer + 1 < sizes.length; layer++) {
      this.weightOffsets.push(count);
      count += sizes[layer]! * sizes[layer + 1]! + sizes[layer + 1]!;
    }
    this.parameters = new Float64Array(count);
    this.gradients = new Float64Array(count);
    for (const size of sizes) {
      this.activations.push(new Float64Array(size * this.maxBatchSize));
      this.deltas.push(new Float64Array(size * this.maxBatchSize));
    }
  }

  get inputSize(): number {
    return this.sizes[0]!;
  }

  get outputSize(): number {
    return this.sizes[this.sizes.length - 1]!;
  }

  /**
   * Draws weights uniformly in ±sqrt(6 / fanIn) for ReLU (He) or ±sqrt(6 / (fanIn + fanOut)) for tanh (Glorot);
   * biases start at zero. The last layer's weights are scaled by `outputScale` (default 1; policies use 0.01).
   */
  initialize(rng: Rng, outputScale = 1): void {
    const layers = this.sizes.length - 1;
    for (let layer = 0; layer < layers; layer++) {
      const fanIn = this.sizes[layer]!;
      const fanOut = this.sizes[layer + 1]!;
      const limit =
        (this.activation === 'relu' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut))) *
        (layer === layers - 1 ? outputScale : 1);
      const offset = this.weightOffsets[layer]!;
      for (let i = 0; i < fanIn * fanOut; i++) this.parameters[offset + i] = rng.uniform(-limit, limit);
      this.parameters.fill(0, offset + fanIn * fanOut, offset + fanIn * fanOut + fanOut);
    }
  }

  /**
   * Runs `batchSize` rows of `input` (row-major, `inputSize` per row) through the network and returns the output
   * buffer (row-major, `outputSize` per row; valid until the next call). The activations are kept for {@link backward}.
   */
  forward(input: ArrayLike<number>, batchSize: number): Float64Array {
    this.checkBatch(batchSize);
    const first = this.activations[0]!;
    const inputCount = batchSize * this.inputSize;
    for (let i = 0; i < inputCount; i++) first[i] = input[i]!;
    const layers = this.sizes.length - 1;
    const parameters = this.parameters;
    const relu = this.activation === 'relu';
    for (let layer = 0; layer < layers; layer++) {
      const inSize = this.sizes[layer]!;
      const outSize = this.sizes[layer + 1]!;
      const source = this.activations[layer]!;
      const target = this.activations[layer + 1]!;
      const weights = this.weightOffsets[layer]!;
      const biases = weights + inSize * outSize;
      const hidden = layer < layers - 1;
      for (let row = 0; row < batchSize; row++) {
        const sourceBase = row * inSize;
        const targetBase = row * outSize;
        for (let o = 0; o < outSize; o++) {
          let sum = parameters[biases + o]!;
          const weightBase = weights + o * inSize;
          for (let i = 0; i < inSize; i++) sum += parameters[weightBase + i]! * source[sourceBase + i]!;
          if (hidden) sum = relu ? (sum > 0 ? sum : 0) : Math.tanh(sum);
          target[targetBase + o] = sum;
        }
      }
    }
    return this.activations[layers]!;
  }

  /**
   * Back-propagates `outputGradient` (d loss / d output, row-major like {@link forward}'s result) through the last
   * forward pass and adds d loss / d parameters into {@link gradients}. Call {@link zeroGradients} between steps.
   */
  backward(outputGradient: ArrayLike<number>, batchSize: number): void {
    this.checkBatch(batchSize);
    const layers = this.sizes.length - 1;
    const parameters = this.parameters;
    const gradients = this.gradients;
    const last = this.deltas[layers]!;
    const outputCount = batchSize * this.outputSize;
    for (let i = 0; i < outputCount; i++) last[i] = outputGradient[i]!;
    const relu = this.activation === 'relu';
    for (let layer = layers - 1; layer >= 0; layer--) {
      const inSize = this.sizes[layer]!;
      const outSize = this.sizes[layer + 1]!;
      const source = this.activations[layer]!;
      const delta = this.deltas[layer + 1]!;
      const inputDelta = this.deltas[layer]!;
      const weights = this.weightOffsets[layer]!;
      const biases = weights + inSize * outSize;
      const propagate = layer > 0;
      if (propagate) inputDelta.fill(0, 0, batchSize * inSize);
      for (let row = 0; row < batchSize; row++) {
        const sourceBase = row * inSize;
        const deltaBase = row * outSize;
        for (let o = 0; o < outSize; o++) {
          const d = delta[deltaBase + o]!;
          if (d === 0) continue;
          gradients[biases + o]! += d;
          const weightBase = weights + o * inSize;
          for (let i = 0; i < inSize; i++) gradients[weightBase + i]! += d * source[sourceBase + i]!;
          if (propagate) {
            for (let i = 0; i < inSize; i++) inputDelta[sourceBase + i]! += d * parameters[weightBase + i]!;
          }
        }
      }
      if (propagate) {
        // Through the hidden nonlinearity of layer - 1, whose output is `source`.
        const count = batchSize * inSize;
        if (relu) {
          for (let i = 0; i < count; i++) if (source[i]! <= 0) inputDelta[i] = 0;
        } else {
          for (let i = 0; i < count; i++) inputDelta[i]! *= 1 - source[i]! * source[i]!;
        }
      }
    }
  }

  zeroGradients(): void {
    this.gradients.fill(0);
  }

  /** Copies another network's parameters (of the same sizes) into this one: a hard target update. */
  copyFrom(other: Mlp): void {
    this.checkSameShape(other);
    this.parameters.set(other.parameters);
  }

  /** Moves this network's parameters towards another's: `θ ← τ·θ_other + (1 − τ)·θ` (a soft target update). */
  blendFrom(other: Mlp, tau: number): void {
    this.checkSameShape(other);
    const own = this.parameters;
    const theirs = other.parameters;
    for (let i = 0; i < own.length; i++) own[i] = tau * theirs[i]! + (1 - tau) * own[i]!;
  }

  private checkSameShape(other: Mlp): void {
    if (other.parameters.length !== this.parameters.length) {
      throw new InvalidArgumentError(
        `Mlp: cannot copy a network of sizes [${other.sizes.join(', ')}] into one of sizes [${this.sizes.join(', ')}].`,
      );
    }
  }

  private checkBatch(batchSize: number): void {
    if (!(Number.isSafeInteger(batchSize) && batchSize >= 1 && batchSize <= this.maxBatchSize)) {
      throw new InvalidArgumentError(
        `Mlp: batch size ${batchSize} must be an integer in [1, ${this.maxBatchSize}] (the network's maxBatchSize).`,
      );
    }
  }
}

/**
 * Scales `gradients` in place so their Euclidean norm is at most `maxNorm`; returns the norm before scaling.
 *
 * @example
 * ```ts
 * clipGradientNorm(net.gradients, 10);
 * ```
 */
export function clipGradientNorm(gradients: Float64Array, maxNorm: number): number {
  let sum = 0;
  for (let i = 0; i < gradients.length; i++) sum += gradients[i]! * gradients[i]!;
  const norm = Math.sqrt(sum);
  if (norm > maxNorm && norm > 0) {
    const scale = maxNorm / norm;
    for (let i = 0; i < gradients.length; i++) gradients[i]! *= scale;
  }
  return norm;
}
