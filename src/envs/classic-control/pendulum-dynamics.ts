import type { Rng } from '../../core/random/rng.js';
import { glibcCos, glibcSin } from './math/glibc-sin-cos.js';
import { glibcSquare, glibcSquareFloat32 } from './math/glibc-square.js';

/*
 * The inverted pendulum of Gymnasium's `Pendulum-v1`: state `[theta, thetaDot]` in float64 at `offset` of a
 * Float64Array, torque a float32 value. NumPy evaluates `x ** 2` with the C library's pow/powf, and mixes the
 * float32 torque into float64 arithmetic; both are mirrored exactly.
 */

/** The largest angular velocity. */
export const PENDULUM_MAX_SPEED = 8;
/** The largest torque. */
export const PENDULUM_MAX_TORQUE = 2.0;
const DT = 0.05;
const TWO_PI = 2 * Math.PI;
const POINT_ONE = 0.1;
const TORQUE_COST_FLOAT32 = Math.fround(0.001);

/**
 * Draws `theta` uniformly from `[-xInit, xInit)` and `thetaDot` from `[-yInit, yInit)` (defaults pi and 1).
 *
 * @example
 * ```ts
 * resetPendulum(state, 0, createRng(0), Math.PI, 1);
 * ```
 */
export function resetPendulum(
  state: Float64Array,
  offset: number,
  rng: Rng,
  xInit: number,
  yInit: number,
): void {
  state[offset] = rng.uniform(-xInit, xInit);
  state[offset + 1] = rng.uniform(-yInit, yInit);
}

/** Python's float modulo: the result has the sign of the divisor (NumPy's `%` for float64). */
function pythonModulo(a: number, b: number): number {
  let mod = a % b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = b < 0 ? -0 : 0;
  }
  return mod;
}

/**
 * One step with torque `action` (a float32 value, clipped to [-2, 2]) under gravity `g`; returns the reward
 * `-(angle^2 + 0.1 thetaDot^2 + 0.001 torque^2)` with the angle normalised to [-pi, pi).
 *
 * @example
 * ```ts
 * const reward = stepPendulum(state, 0, 0.5, 10);
 * ```
 */
export function stepPendulum(state: Float64Array, offset: number, action: number, g: number): number {
  const theta = state[offset]!;
  const thetaDot = state[offset + 1]!;
  const torque =
    action < -PENDULUM_MAX_TORQUE
      ? -PENDULUM_MAX_TORQUE
      : action > PENDULUM_MAX_TORQUE
        ? PENDULUM_MAX_TORQUE
        : action;
  const angle = pythonModulo(theta + Math.PI, TWO_PI) - Math.PI;
  const torqueCost = Math.fround(TORQUE_COST_FLOAT32 * glibcSquareFloat32(torque));
  const costs = glibcSquare(angle) + POINT_ONE * glibcSquare(thetaDot) + torqueCost;
  const gravityTerm = ((3 * g) / (2 * 1.0)) * glibcSin(theta);
  let newThetaDot = thetaDot + (gravityTerm + Math.fround(3 * torque)) * DT;
  newThetaDot =
    newThetaDot < -PENDULUM_MAX_SPEED
      ? -PENDULUM_MAX_SPEED
      : newThetaDot > PENDULUM_MAX_SPEED
        ? PENDULUM_MAX_SPEED
        : newThetaDot;
  state[offset] = theta + newThetaDot * DT;
  state[offset + 1] = newThetaDot;
  return -costs;
}

/**
 * Writes the observation `[cos theta, sin theta, thetaDot]` (float32) of the state at `offset`.
 *
 * @example
 * ```ts
 * writePendulumObservation(state, 0, observation, 0);
 * ```
 */
export function writePendulumObservation(
  state: Float64Array,
  offset: number,
  observations: Float32Array,
  target: number,
): void {
  const theta = state[offset]!;
  observations[target] = glibcCos(theta);
  observations[target + 1] = glibcSin(theta);
  observations[target + 2] = state[offset + 1]!;
}
