import { InvalidArgumentError } from '../core/errors.js';
import type { Env, Info, ResetOptions, ResetResult, StepResult } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';
import { Box } from '../spaces/box.js';
import { allocate, type BoxDtype, type TypedArrayOf } from '../spaces/dtype.js';

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
 * Stacks the last `stackSize` observations, as Gymnasium's `FrameStackObservation`: the observation space becomes a
 * `Box` with a new first axis of length `stackSize` (bounds repeated), and each observation holds the stack oldest
 * first, as one flat row-major typed array. After `reset`, the stack is the padding repeated `stackSize - 1` times
 * followed by the reset observation. Works on `Box` observation spaces.
 *
 * @example
 * ```ts
 * const env = new FrameStack(makeSync('CartPole-v1'), 4); // Box(..., (4, 4), float32)
 * const { observation } = env.resetSync({ seed: 0 }); // 16 numbers: the reset observation four times
 * ```
 */
export class FrameStack<
  Obs extends TypedArrayOf<D>,
  Act,
  I = Info,
  D extends BoxDtype = BoxDtype,
> extends Wrapper<TypedArrayOf<D>, Act, I, Obs, Act, I> {
  readonly stackSize: number;
  readonly paddingType: 'reset' | 'zero' | 'custom';
  private readonly innerSpace: Box<D>;
  private padding: TypedArrayOf<D>;
  /** The stacked observations, oldest first (always `stackSize` of them). */
  private readonly frames: TypedArrayOf<D>[];

  constructor(env: Env<Obs, Act, I>, stackSize: number, options: FrameStackOptions<Obs> = {}) {
    super(env);
    const space = env.observationSpace;
    if (!(space instanceof Box)) {
      throw new InvalidArgumentError(
        `FrameStack stacks Box observations, got ${String(space)}; flatten the space first with FlattenObservation.`,
      );
    }
    if (!Number.isSafeInteger(stackSize) || stackSize <= 0) {
      throw new InvalidArgumentError(`FrameStack: stackSize must be a positive integer, got ${stackSize}.`);
    }
    this.innerSpace = space as Box<D>;
    this.stackSize = stackSize;
    const padding = options.paddingType ?? 'reset';
    if (padding === 'reset' || padding === 'zero') {
      this.paddingType = padding;
      this.padding = zeroElement(this.innerSpace);
    } else if (typeof padding !== 'string' && space.contains(padding)) {
      this.paddingType = 'custom';
      this.padding = padding.slice() as TypedArrayOf<D>;
    } else {
      throw new InvalidArgumentError(
        `FrameStack: paddingType must be 'reset', 'zero' or an element of ${String(space)}, got ` +
          `${typeof padding === 'string' ? JSON.stringify(padding) : String(padding)}.`,
      );
    }
    this.frames = Array.from({ length: stackSize }, () => this.padding);
    const low = repeat(this.innerSpace.low, stackSize);
    const high = repeat(this.innerSpace.high, stackSize);
    this.observationSpaceOverride = new Box<D>(low, high, [stackSize, ...space.shape], space.dtype as D);
  }

  protected override transformReset(
    result: ResetResult<Obs, I>,
    _options: ResetOptions | undefined,
  ): ResetResult<TypedArrayOf<D>, I> {
    const observation = this.copy(result.observation);
    if (this.paddingType === 'reset') this.padding = observation;
    for (let i = 0; i < this.stackSize - 1; i++) this.push(this.padding);
    this.push(observation);
    return { observation: this.stacked(), info: result.info };
  }

  protected override transformStep(result: StepResult<Obs, I>): StepResult<TypedArrayOf<D>, I> {
    this.push(this.copy(result.observation));
    return { ...result, observation: this.stacked() };
  }

  private push(frame: TypedArrayOf<D>): void {
    this.frames.shift();
    this.frames.push(frame);
  }

  private copy(observation: Obs): TypedArrayOf<D> {
    if (observation.length !== this.innerSpace.size) {
      throw new InvalidArgumentError(
        `FrameStack: the observation has ${observation.length} values; the space has ${this.innerSpace.size}.`,
      );
    }
    return observation.slice() as TypedArrayOf<D>;
  }

  private stacked(): TypedArrayOf<D> {
    const size = this.innerSpace.size;
    const out = allocate(this.innerSpace.dtype, size * this.stackSize);
    this.frames.forEach((frame, index) => {
      out.set(frame, index * size);
    });
    return out;
  }
}

/** The element of `space` closest to zero (Gymnasium's `create_zero_array` for a Box). */
function zeroElement<D extends BoxDtype>(space: Box<D>): TypedArrayOf<D> {
  const out = allocate(space.dtype, space.size);
  for (let i = 0; i < space.size; i++) {
    const low = space.low[i]!;
    const high = space.high[i]!;
    out[i] = low > 0 ? low : high < 0 ? high : 0;
  }
  return out;
}

function repeat(values: ArrayLike<number>, times: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < times; t++) for (let i = 0; i < values.length; i++) out.push(values[i]!);
  return out;
}
