import type { Rng } from '../../core/random/rng.js';
import { glibcCos, glibcSin } from './math/glibc-sin-cos.js';
import { glibcSquare } from './math/glibc-square.js';
import { numpyCosFloat32, numpySinFloat32 } from './math/numpy-float32-sin-cos.js';

/*
 * The two-link Acrobot of Gymnasium's `Acrobot-v1` ("book" dynamics, no torque noise): state
 * `[theta1, theta2, dtheta1, dtheta2]` at `offset` of a Float64Array, integrated over 0.2 s with one classical
 * Runge-Kutta step, exactly in Gymnasium's order of operations. After `reset` the state is float32 (so its first
 * observation uses NumPy's float32 sine and cosine); after a step it is float64.
 */

const DT = 0.2;
const HALF_DT = DT / 2.0;
const SIXTH_DT = DT / 6.0;
const HALF_PI = Math.PI / 2.0;
const TWO_PI = Math.PI - -Math.PI;
/** The largest angular velocity of the first link (4 pi). */
export const ACROBOT_MAX_VELOCITY_1 = 4 * Math.PI;
/** The largest angular velocity of the second link (9 pi). */
export const ACROBOT_MAX_VELOCITY_2 = 9 * Math.PI;
/** Torque of each action: 0 → -1, 1 → 0, 2 → +1. */
const TORQUES = [-1.0, 0.0, 1.0] as const;
const PHI2_FACTOR = 1.0 * 0.5 * 9.8;
const PHI1_FACTOR = (1.0 * 0.5 + 1.0 * 1.0) * 9.8;

/**
 * Draws the four state values uniformly from `[low, high)` and rounds them to float32, as `AcrobotEnv.reset`.
 *
 * @example
 * ```ts
 * resetAcrobot(state, 0, createRng(0), -0.1, 0.1);
 * ```
 */
export function resetAcrobot(state: Float64Array, offset: number, rng: Rng, low: number, high: number): void {
  for (let j = 0; j < 4; j++) state[offset + j] = Math.fround(rng.uniform(low, high));
}

const derivative = new Float64Array(4);

/** The time derivative of `[theta1, theta2, dtheta1, dtheta2]` under torque `a` (Gymnasium's `_dsdt`). */
function derivatives(theta1: number, theta2: number, dtheta1: number, dtheta2: number, a: number): void {
  const cos2 = glibcCos(theta2);
  const sin2 = glibcSin(theta2);
  const d1 = 1.0 * 0.25 + 1.0 * (1.0 + 0.25 + 2 * 1.0 * 0.5 * cos2) + 1.0 + 1.0;
  const d2 = 1.0 * (0.25 + 1.0 * 0.5 * cos2) + 1.0;
  const phi2 = PHI2_FACTOR * glibcCos(theta1 + theta2 - HALF_PI);
  const phi1 =
    -1.0 * 1.0 * 0.5 * glibcSquare(dtheta2) * sin2 -
    2 * 1.0 * 1.0 * 0.5 * dtheta2 * dtheta1 * sin2 +
    PHI1_FACTOR * glibcCos(theta1 - HALF_PI) +
    phi2;
  const ddtheta2 =
    (a + (d2 / d1) * phi1 - 1.0 * 1.0 * 0.5 * glibcSquare(dtheta1) * sin2 - phi2) /
    (1.0 * 0.25 + 1.0 - glibcSquare(d2) / d1);
  const ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
  derivative[0] = dtheta1;
  derivative[1] = dtheta2;
  derivative[2] = ddtheta1;
  derivative[3] = ddtheta2;
}

/** Python's `wrap`: adds or subtracts 2 pi until x is within [-pi, pi]. */
function wrap(x: number): number {
  let value = x;
  while (value > Math.PI) value = value - TWO_PI;
  while (value < -Math.PI) value = value + TWO_PI;
  return value;
}

/** Python's `min(max(x, -limit), limit)`. */
function bound(x: number, limit: number): number {
  const low = -limit > x ? -limit : x;
  return limit < low ? limit : low;
}

const k1 = new Float64Array(4);
const k2 = new Float64Array(4);
const k3 = new Float64Array(4);

/**
 * One step with action 0, 1 or 2 (torque -1, 0, +1 on the joint); returns whether the free end swung above the
 * bar (`-cos(theta1) - cos(theta1 + theta2) > 1`).
 *
 * @example
 * ```ts
 * const terminated = stepAcrobot(state, 0, 2);
 * ```
 */
export function stepAcrobot(state: Float64Array, offset: number, action: number): boolean {
  const torque = TORQUES[action as 0 | 1 | 2];
  const s0 = state[offset]!;
  const s1 = state[offset + 1]!;
  const s2 = state[offset + 2]!;
  const s3 = state[offset + 3]!;
  derivatives(s0, s1, s2, s3, torque);
  k1.set(derivative);
  derivatives(
    s0 + HALF_DT * k1[0]!,
    s1 + HALF_DT * k1[1]!,
    s2 + HALF_DT * k1[2]!,
    s3 + HALF_DT * k1[3]!,
    torque,
  );
  k2.set(derivative);
  derivatives(
    s0 + HALF_DT * k2[0]!,
    s1 + HALF_DT * k2[1]!,
    s2 + HALF_DT * k2[2]!,
    s3 + HALF_DT * k2[3]!,
    torque,
  );
  k3.set(derivative);
  derivatives(s0 + DT * k3[0]!, s1 + DT * k3[1]!, s2 + DT * k3[2]!, s3 + DT * k3[3]!, torque);
  const n0 = s0 + SIXTH_DT * (k1[0]! + 2 * k2[0]! + 2 * k3[0]! + derivative[0]!);
  const n1 = s1 + SIXTH_DT * (k1[1]! + 2 * k2[1]! + 2 * k3[1]! + derivative[1]!);
  const n2 = s2 + SIXTH_DT * (k1[2]! + 2 * k2[2]! + 2 * k3[2]! + derivative[2]!);
  const n3 = s3 + SIXTH_DT * (k1[3]! + 2 * k2[3]! + 2 * k3[3]! + derivative[3]!);
  const theta1 = wrap(n0);
  const theta2 = wrap(n1);
  state[offset] = theta1;
  state[offset + 1] = theta2;
  state[offset + 2] = bound(n2, ACROBOT_MAX_VELOCITY_1);
  state[offset + 3] = bound(n3, ACROBOT_MAX_VELOCITY_2);
  return -glibcCos(theta1) - glibcCos(theta2 + theta1) > 1.0;
}

/**
 * Writes the observation `[cos θ1, sin θ1, cos θ2, sin θ2, dθ1, dθ2]` (float32). `afterReset` selects NumPy's
 * float32 sine and cosine, which Gymnasium applies to the float32 state of a fresh episode.
 *
 * @example
 * ```ts
 * writeAcrobotObservation(state, 0, observation, 0, false);
 * ```
 */
export function writeAcrobotObservation(
  state: Float64Array,
  offset: number,
  observations: Float32Array,
  target: number,
  afterReset: boolean,
): void {
  const theta1 = state[offset]!;
  const theta2 = state[offset + 1]!;
  if (afterReset) {
    observations[target] = numpyCosFloat32(theta1);
    observations[target + 1] = numpySinFloat32(theta1);
    observations[target + 2] = numpyCosFloat32(theta2);
    observations[target + 3] = numpySinFloat32(theta2);
  } else {
    observations[target] = glibcCos(theta1);
    observations[target + 1] = glibcSin(theta1);
    observations[target + 2] = glibcCos(theta2);
    observations[target + 3] = glibcSin(theta2);
  }
  observations[target + 4] = state[offset + 2]!;
  observations[target + 5] = state[offset + 3]!;
}
