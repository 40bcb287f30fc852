import type { Rng } from '../../core/random/rng.js';
import { glibcCos } from './math/glibc-sin-cos.js';

/*
 * The mountain-car physics of Gymnasium's `MountainCar-v0` (discrete pushes) and `MountainCarContinuous-v0`
 * (a continuous force), on `[position, velocity]` at `offset` of a Float64Array. The continuous version keeps its
 * state in float32 after the first step, and NumPy mixes float32 and float64 in its arithmetic; `float32State`
 * (one flag per environment) tells the kernel which of the two precisions the current state has.
 */

/** The leftmost position (the wall). */
export const MOUNTAIN_CAR_MIN_POSITION = -1.2;
/** The rightmost position. */
export const MOUNTAIN_CAR_MAX_POSITION = 0.6;
/** The largest speed in either direction. */
export const MOUNTAIN_CAR_MAX_SPEED = 0.07;
/** Where the flag of `MountainCar-v0` stands. */
export const MOUNTAIN_CAR_GOAL_POSITION = 0.5;
/** Where the flag of `MountainCarContinuous-v0` stands. */
export const CONTINUOUS_MOUNTAIN_CAR_GOAL_POSITION = 0.45;

const FORCE = 0.001;
const GRAVITY = 0.0025;
const POWER = 0.0015;
const POWER_FLOAT32 = Math.fround(POWER);
const MAX_SPEED_FLOAT32 = Math.fround(MOUNTAIN_CAR_MAX_SPEED);
const MIN_POSITION_FLOAT32 = Math.fround(MOUNTAIN_CAR_MIN_POSITION);
const MAX_POSITION_FLOAT32 = Math.fround(MOUNTAIN_CAR_MAX_POSITION);
const GOAL_FLOAT32 = Math.fround(CONTINUOUS_MOUNTAIN_CAR_GOAL_POSITION);

/**
 * Places the car at a uniform position in `[low, high)` with zero velocity (both mountain cars' reset).
 *
 * @example
 * ```ts
 * resetMountainCar(state, 0, createRng(0), -0.6, -0.4);
 * ```
 */
export function resetMountainCar(
  state: Float64Array,
  offset: number,
  rng: Rng,
  low: number,
  high: number,
): void {
  state[offset] = rng.uniform(low, high);
  state[offset + 1] = 0;
}

/**
 * One step of `MountainCar-v0` with action 0 (push left), 1 (no push) or 2 (push right); returns whether the car
 * reached the flag with at least `goalVelocity`.
 *
 * @example
 * ```ts
 * const terminated = stepMountainCar(state, 0, 2, 0);
 * ```
 */
export function stepMountainCar(
  state: Float64Array,
  offset: number,
  action: number,
  goalVelocity: number,
): boolean {
  const position = state[offset]!;
  let velocity = state[offset + 1]! + ((action - 1) * FORCE + glibcCos(3 * position) * -GRAVITY);
  velocity = velocity < -MOUNTAIN_CAR_MAX_SPEED ? -MOUNTAIN_CAR_MAX_SPEED : velocity;
  velocity = velocity > MOUNTAIN_CAR_MAX_SPEED ? MOUNTAIN_CAR_MAX_SPEED : velocity;
  let newPosition = position + velocity;
  newPosition = newPosition < MOUNTAIN_CAR_MIN_POSITION ? MOUNTAIN_CAR_MIN_POSITION : newPosition;
  newPosition = newPosition > MOUNTAIN_CAR_MAX_POSITION ? MOUNTAIN_CAR_MAX_POSITION : newPosition;
  if (newPosition === MOUNTAIN_CAR_MIN_POSITION && velocity < 0) velocity = 0;
  state[offset] = newPosition;
  state[offset + 1] = velocity;
  return newPosition >= MOUNTAIN_CAR_GOAL_POSITION && velocity >= goalVelocity;
}

/**
 * One step of `MountainCarContinuous-v0` with force `action` (a float32 value, clipped to [-1, 1]); returns the
 * reward (100 at the flag, minus 0.1 * action^2 every step) and sets `terminated[index]`. The state at `offset` is
 * float32 after the step; `float32State[index]` says whether it already was before.
 *
 * Mirrors NumPy 2's promotion exactly: with a float32 state, Python floats meeting float32 scalars are rounded to
 * float32 first (NEP 50), and so are the comparisons.
 *
 * @example
 * ```ts
 * const reward = stepContinuousMountainCar(state, 0, float32State, terminated, 0, 0.5, 0);
 * ```
 */
export function stepContinuousMountainCar(
  state: Float64Array,
  offset: number,
  float32State: Uint8Array,
  terminated: Uint8Array,
  index: number,
  action: number,
  goalVelocity: number,
): number {
  const single = float32State[index] === 1;
  let position = state[offset]!;
  let velocity = state[offset + 1]!;
  // min(max(action, -1.0), 1.0) keeps the float32 scalar unless it is out of range (then a Python float).
  const forceIsFloat32 = !(action < -1 || action > 1);
  const thrust = forceIsFloat32 ? Math.fround(action * POWER_FLOAT32) : (action < -1 ? -1 : 1) * POWER;
  const slope = GRAVITY * glibcCos(single ? Math.fround(3 * position) : 3 * position);
  // thrust - slope: float32 if the thrust is, with the Python float rounded to float32 first.
  const delta = forceIsFloat32 ? Math.fround(thrust - Math.fround(slope)) : thrust - slope;
  // The velocity's kind after the clipping: 0 float32/float64 scalar as the state, 1 a Python float.
  let velocityIsPython = false;
  if (single) velocity = Math.fround(velocity + (forceIsFloat32 ? delta : Math.fround(delta)));
  else velocity = velocity + delta;
  if (single ? velocity > MAX_SPEED_FLOAT32 : velocity > MOUNTAIN_CAR_MAX_SPEED) {
    velocity = MOUNTAIN_CAR_MAX_SPEED;
    velocityIsPython = true;
  }
  if (
    velocityIsPython
      ? velocity < -MOUNTAIN_CAR_MAX_SPEED
      : single
        ? velocity < -MAX_SPEED_FLOAT32
        : velocity < -MOUNTAIN_CAR_MAX_SPEED
  ) {
    velocity = -MOUNTAIN_CAR_MAX_SPEED;
    velocityIsPython = true;
  }
  if (single) position = Math.fround(position + (velocityIsPython ? Math.fround(velocity) : velocity));
  else position = position + velocity;
  let positionIsPython = false;
  if (single ? position > MAX_POSITION_FLOAT32 : position > MOUNTAIN_CAR_MAX_POSITION) {
    position = MOUNTAIN_CAR_MAX_POSITION;
    positionIsPython = true;
  }
  if (
    positionIsPython
      ? position < MOUNTAIN_CAR_MIN_POSITION
      : single
        ? position < MIN_POSITION_FLOAT32
        : position < MOUNTAIN_CAR_MIN_POSITION
  ) {
    position = MOUNTAIN_CAR_MIN_POSITION;
    positionIsPython = true;
  }
  const atWall =
    positionIsPython || !single ? position === MOUNTAIN_CAR_MIN_POSITION : position === MIN_POSITION_FLOAT32;
  if (atWall && velocity < 0) {
    velocity = 0;
    velocityIsPython = true;
  }
  const reachedFlag =
    positionIsPython || !single
      ? position >= CONTINUOUS_MOUNTAIN_CAR_GOAL_POSITION
      : position >= GOAL_FLOAT32;
  const fastEnough =
    velocityIsPython || !single ? velocity >= goalVelocity : velocity >= Math.fround(goalVelocity);
  const done = reachedFlag && fastEnough;
  terminated[index] = done ? 1 : 0;
  state[offset] = Math.fround(position);
  state[offset + 1] = Math.fround(velocity);
  float32State[index] = 1;
  return (done ? 100 : 0) - action * action * 0.1;
}
