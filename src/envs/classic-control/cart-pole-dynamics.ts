import type { Rng } from '../../core/random/rng.js';
import { glibcSinCosOf, sinCosResult } from './math/glibc-sin-cos-batch.js';

/*
 * CartPole's physics (Barto, Sutton and Anderson 1983, as Gymnasium's `CartPole-v1` computes it): state
 * `[x, xDot, theta, thetaDot]` in float64, explicit Euler steps of 0.02 s. Each function works on the four values
 * at `offset` of a Float64Array, so one array can hold a single environment or a whole batch.
 */

const GRAVITY = 9.8;
const MASS_POLE = 0.1;
const TOTAL_MASS = MASS_POLE + 1.0;
const HALF_LENGTH = 0.5;
const POLE_MASS_LENGTH = MASS_POLE * HALF_LENGTH;
const FORCE_MAGNITUDE = 10.0;
const TAU = 0.02;
const FOUR_THIRDS = 4.0 / 3.0;

// Module-local constants: V8 builds them into the machine code, while exported ones are read through a cell.
const THETA_THRESHOLD = (12 * 2 * Math.PI) / 360;
const X_THRESHOLD = 2.4;

/** The pole angle (radians) beyond which an episode terminates: 12 degrees. */
export const CART_POLE_THETA_THRESHOLD = THETA_THRESHOLD;
/** The cart position beyond which an episode terminates. */
export const CART_POLE_X_THRESHOLD = X_THRESHOLD;

/**
 * Draws a new state uniformly from `[low, high)` (four draws, in state order), as `CartPoleEnv.reset`.
 *
 * @example
 * ```ts
 * const state = new Float64Array(4);
 * resetCartPole(state, 0, createRng(0), -0.05, 0.05);
 * ```
 */
export function resetCartPole(
  state: Float64Array,
  offset: number,
  rng: Rng,
  low: number,
  high: number,
): void {
  rng.fillUniform(state, low, high, offset, 4);
}

/**
 * Advances the state at `offset` by one step, pushing right for action 1 and left otherwise; returns whether the
 * new state is terminal (cart or pole out of bounds).
 *
 * @example
 * ```ts
 * const terminated = stepCartPole(state, 0, 1);
 * ```
 */
export function stepCartPole(state: Float64Array, offset: number, action: number): boolean {
  glibcSinCosOf(state, offset + 2);
  const force = action === 1 ? FORCE_MAGNITUDE : -FORCE_MAGNITUDE;
  return stepCartPoleWith(state, scratchObservation, offset, force, sinCosResult[0]!, sinCosResult[1]!) === 1;
}

/** Where {@link stepCartPole} lets {@link stepCartPoleWith} write the observation it does not need. */
const scratchObservation = new Float32Array(4);

/**
 * The force of a CartPole action already checked to be 0 or 1: -10 (left) or 10 (right), computed without a
 * branch (random actions would make a branch mispredict half of the time).
 *
 * @example
 * ```ts
 * cartPoleForce(1); // 10
 * ```
 */
export function cartPoleForce(action: number): number {
  return FORCE_MAGNITUDE * (2 * action - 1);
}

/**
 * {@link stepCartPole} given the force and glibc's sine and cosine of the pole angle `state[offset + 2]` (a batch
 * computes them for every sub-environment at once with `glibcSinCosBatch`), also writing the new state as float32
 * into `observations` at the same offset (straight from the computed values, which is faster than copying the
 * state afterwards). Returns 1 when the new state is terminal and 0 otherwise, a number so that batches can use it
 * without branches. Positional arguments rather than an options object: this runs once per environment and step.
 *
 * @example
 * ```ts
 * const observation = new Float32Array(4);
 * const terminated = stepCartPoleWith(state, observation, 0, cartPoleForce(1), glibcSin(state[2]), glibcCos(state[2]));
 * ```
 */
export function stepCartPoleWith(
  state: Float64Array,
  observations: Float32Array,
  offset: number,
  force: number,
  sinTheta: number,
  cosTheta: number,
): number {
  const x = state[offset]!;
  const xDot = state[offset + 1]!;
  const theta = state[offset + 2]!;
  const thetaDot = state[offset + 3]!;
  const temp = (force + POLE_MASS_LENGTH * (thetaDot * thetaDot) * sinTheta) / TOTAL_MASS;
  const thetaAcc =
    (GRAVITY * sinTheta - cosTheta * temp) /
    (HALF_LENGTH * (FOUR_THIRDS - (MASS_POLE * (cosTheta * cosTheta)) / TOTAL_MASS));
  const xAcc = temp - (POLE_MASS_LENGTH * thetaAcc * cosTheta) / TOTAL_MASS;
  const newX = x + TAU * xDot;
  const newTheta = theta + TAU * thetaDot;
  const newXDot = xDot + TAU * xAcc;
  const newThetaDot = thetaDot + TAU * thetaAcc;
  state[offset] = newX;
  state[offset + 1] = newXDot;
  state[offset + 2] = newTheta;
  state[offset + 3] = newThetaDot;
  observations[offset] = newX;
  observations[offset + 1] = newXDot;
  observations[offset + 2] = newTheta;
  observations[offset + 3] = newThetaDot;
  // |v| > limit is v < -limit || v > limit (NaN is neither); Number() turns each test into 0 or 1 without a branch.
  return Number(Math.abs(newX) > X_THRESHOLD) | Number(Math.abs(newTheta) > THETA_THRESHOLD);
}
