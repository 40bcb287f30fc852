import { InvalidArgumentError } from '../core/errors.js';
import type { Env, Info, ResetOptions, ResetResult, StepResult } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';
import { allocate, type NumericArray } from '../spaces/dtype.js';
import { frameLayout, type FrameLayout } from './frame-stack-layout.js';

/**
 * What fills the stack before there are `stackSize` observations: `reset` repeats the reset observation, `zero`
 * uses the element of the space closest to zero; an element of the observation space is used as given.
 */
export type FrameStackPadding<T> = 'reset' | 'zero' | T;

/** Options of {@link FrameStack}. */
export interface FrameStackOptions<T> {
  /** Default `reset`. */
  paddingType?: FrameStackPadding<T>;
}

/**
 * Stacks the last `stackSize` observations, as Gymnasium's `FrameStackObservation`: the observation space gains a new
 * first axis of length `stackSize`, as Gymnasium's `batch_space` makes it (a `Box`, `MultiDiscrete` or `MultiBinary`
 * becomes a `Box` with the bounds repeated; a `Discrete` a `MultiDiscrete` of `stackSize` components), and each
 * observation holds the stack oldest first as one flat row-major typed array. After `reset`, the stack is the padding
 * repeated `stackSize - 1` times followed by the reset observation.
 *
 * @example
 * ```ts
 * const env = new FrameStack(makeSync('CartPole-v1'), 4); // Box(..., (4, 4), float32)
 * const { observation } = env.resetSync({ seed: 0 }); // 16 numbers: the reset observation four times
 * ```
 */
export class FrameStack<Obs, Act, I = Info> extends Wrapper<NumericArray, Act, I, Obs, Act, I> {
  readonly stackSize: number;
  readonly paddingType: 'reset' | 'zero' | 'custom';
  private readonly layout: FrameLayout;
  private padding: NumericArray;
  /** The stacked frames, oldest first (always `stackSize` of them). */
  private readonly frames: NumericArray[];

  constructor(env: Env<Obs, Act, I>, stackSize: number, options: FrameStackOptions<Obs> = {}) {
    super(env);
    if (!Number.isSafeInteger(stackSize) || stackSize <= 0) {
      throw new InvalidArgumentError(`FrameStack: stackSize must be a positive integer, got ${stackSize}.`);
    }
    const space = env.observationSpace;
    this.layout = frameLayout(space, stackSize, 'FrameStack');
    this.stackSize = stackSize;
    const padding = options.paddingType ?? 'reset';
    if (padding === 'reset' || padding === 'zero') {
      this.paddingType = padding as 'reset' | 'zero';
      this.padding = this.layout.zero();
    } else if (typeof padding !== 'string' && space.contains(padding)) {
      this.paddingType = 'custom';
      this.padding = this.layout.toFrame(padding);
    } else {
      throw new InvalidArgumentError(
        `FrameStack: paddingType must be 'reset', 'zero' or an element of ${String(space)}, got ` +
          `${typeof padding === 'string' ? JSON.stringify(padding) : String(padding)}.`,
      );
    }
    this.frames = Array.from({ length: stackSize }, () => this.padding);
    this.observationSpaceOverride = this.layout.stackedSpace as typeof this.observationSpaceOverride;
  }

  protected override transformReset(
    result: ResetResult<Obs, I>,
    _options: ResetOptions | undefined,
  ): ResetResult<NumericArray, I> {
    const observation = this.layout.toFrame(result.observation);
    if (this.paddingType === 'reset') this.padding = observation;
    for (let i = 0; i < this.stackSize - 1; i++) this.push(this.padding);
    this.push(observation);
    return { observation: this.stacked(), info: result.info };
  }

  protected override transformStep(result: StepResult<Obs, I>): StepResult<NumericArray, I> {
    this.push(this.layout.toFrame(result.observation));
    return { ...result, observation: this.stacked() };
  }

  private push(frame: NumericArray): void {
    this.frames.shift();
    this.frames.push(frame);
  }

  private stacked(): NumericArray {
    const size = this.layout.size;
    const out = allocate(this.layout.dtype, size * this.stackSize);
    this.frames.forEach((frame, index) => {
      out.set(frame, index * size);
    });
    return out;
  }
}
