// The benchmark's baseline: CartPole's dynamics as a bare loop over typed arrays, with none of LoopGym's machinery
// (no spaces, no wrappers, no result objects, no checks). It is what "as fast as it gets" means on this machine.

const GRAVITY = 9.8;
const TOTAL_MASS = 1.1;
const POLE_MASS_LENGTH = 0.05;
const LENGTH = 0.5;
const FORCE = 10;
const TAU = 0.02;
const THETA_LIMIT = (12 * 2 * Math.PI) / 360;
const X_LIMIT = 2.4;

/**
 * Steps `numEnvs` bare CartPoles `steps` times each with the given actions (cycled), resetting an ended pole to a
 * fixed small perturbation. Returns the number of terminations (so the work cannot be optimised away).
 *
 * @example
 * ```ts
 * bareCartPoleSteps(256, 1000, new Int32Array([0, 1, 1, 0]));
 * ```
 */
export function bareCartPoleSteps(numEnvs: number, steps: number, actions: Int32Array): number {
  const state = new Float64Array(numEnvs * 4);
  const observations = new Float32Array(numEnvs * 4);
  const rewards = new Float64Array(numEnvs);
  const terminations = new Uint8Array(numEnvs);
  for (let i = 0; i < numEnvs; i++) state[i * 4 + 2] = 0.01 * ((i % 7) - 3);
  let ended = 0;
  let cursor = 0;
  for (let t = 0; t < steps; t++) {
    for (let i = 0; i < numEnvs; i++) {
      const o = i * 4;
      let x = state[o]!;
      let xDot = state[o + 1]!;
      let theta = state[o + 2]!;
      let thetaDot = state[o + 3]!;
      const force = (actions[cursor]! & 1) === 1 ? FORCE : -FORCE;
      cursor = cursor + 1 === actions.length ? 0 : cursor + 1;
      const cos = Math.cos(theta);
      const sin = Math.sin(theta);
      const temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
      const thetaAcc = (GRAVITY * sin - cos * temp) / (LENGTH * (4 / 3 - (0.1 * cos * cos) / TOTAL_MASS));
      const xAcc = temp - (POLE_MASS_LENGTH * thetaAcc * cos) / TOTAL_MASS;
      x += TAU * xDot;
      xDot += TAU * xAcc;
      theta += TAU * thetaDot;
      thetaDot += TAU * thetaAcc;
      const done = x < -X_LIMIT || x > X_LIMIT || theta < -THETA_LIMIT || theta > THETA_LIMIT;
      if (done) {
        ended++;
        x = 0;
        xDot = 0;
        theta = 0.01 * ((i % 7) - 3);
        thetaDot = 0;
      }
      state[o] = x;
      state[o + 1] = xDot;
      state[o + 2] = theta;
      state[o + 3] = thetaDot;
      observations[o] = x;
      observations[o + 1] = xDot;
      observations[o + 2] = theta;
      observations[o + 3] = thetaDot;
      rewards[i] = 1;
      terminations[i] = done ? 1 : 0;
    }
  }
  return ended + (observations[0]! > 1e9 ? 1 : 0) + (rewards[0]! > 1 ? 1 : 0) + terminations[0]!;
}
