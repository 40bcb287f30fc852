import { InvalidArgumentError } from '../../../core/errors.js';

/** Settings of {@link Adam}. */
export interface AdamOptions {
  learningRate: number;
  /** Decay of the first-moment average (default 0.9). */
  beta1?: number;
  /** Decay of the second-moment average (default 0.999). */
  beta2?: number;
  /** Added to the root of the second moment (default 1e-8). */
  epsilon?: number;
}

/** The state of an {@link Adam} optimiser, for checkpoints. */
export interface AdamState {
  step: number;
  firstMoment: Float64Array;
  secondMoment: Float64Array;
}

/**
 * The Adam optimiser (Kingma & Ba) over a flat parameter array, with bias-corrected moments. Allocates nothing per
 * step.
 *
 * @example
 * ```ts
 * const adam = new Adam(net.parameters.length, { learningRate: 1e-3 });
 * adam.step(net.parameters, net.gradients);
 * ```
 */
export class Adam {
  learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private readonly firstMoment: Float64Array;
  private readonly secondMoment: Float64Array;
  private stepCount = 0;

  constructor(size: number, options: AdamOptions) {
    this.learningRate = options.learningRate;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-8;
    this.firstMoment = new Float64Array(size);
    this.secondMoment = new Float64Array(size);
  }

  /** Moves `parameters` one step against `gradients` (both of the optimiser's size). */
  step(parameters: Float64Array, gradients: Float64Array): void {
    this.stepCount += 1;
    const { beta1, beta2, epsilon } = this;
    const first = this.firstMoment;
    const second = this.secondMoment;
    const correction1 = 1 - beta1 ** this.stepCount;
    const correction2 = 1 - beta2 ** this.stepCount;
    const stepSize = this.learningRate / correction1;
    const rootCorrection2 = Math.sqrt(correction2);
    for (let i = 0; i < parameters.length; i++) {
      const gradient = gradients[i]!;
      const m = beta1 * first[i]! + (1 - beta1) * gradient;
      const v = beta2 * second[i]! + (1 - beta2) * gradient * gradient;
      first[i] = m;
      second[i] = v;
      parameters[i]! -= (stepSize * m) / (Math.sqrt(v) / rootCorrection2 + epsilon);
    }
  }

  getState(): AdamState {
    return {
      step: this.stepCount,
      firstMoment: Float64Array.from(this.firstMoment),
      secondMoment: Float64Array.from(this.secondMoment),
    };
  }

  setState(state: AdamState): void {
    if (
      state.firstMoment.length !== this.firstMoment.length ||
      state.secondMoment.length !== this.secondMoment.length
    ) {
      throw new InvalidArgumentError(
        `Adam: the saved moments have ${state.firstMoment.length} values, the optimiser ${this.firstMoment.length}; ` +
          'the checkpoint was made for a different network.',
      );
    }
    this.stepCount = state.step;
    this.firstMoment.set(state.firstMoment);
    this.secondMoment.set(state.secondMoment);
  }
}
