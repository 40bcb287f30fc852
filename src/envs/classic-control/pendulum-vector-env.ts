import type { RenderFrame } from '../../core/env.js';
import type { Rng } from '../../core/random/rng.js';
import { Box } from '../../spaces/box.js';
import { BatchedVectorEnv, type BatchedVectorEnvOptions } from '../../vector/batched-vector-env.js';
import { formatSigned } from './render/format-signed.js';
import {
  PENDULUM_MAX_TORQUE,
  resetPendulum,
  stepPendulum,
  writePendulumObservation,
} from './pendulum-dynamics.js';
import { renderPendulum } from './pendulum-render.js';
import { PENDULUM_METADATA, pendulumObservationSpace, pendulumResetRange } from './pendulum.js';

/** Options of {@link PendulumVectorEnv}. */
export interface PendulumVectorEnvOptions extends BatchedVectorEnvOptions {
  /** Gravitational acceleration (default 10.0). */
  g?: number | undefined;
}

/**
 * `numEnvs` pendulums (`Pendulum-v1`) stepped by one kernel; equal, bit for bit, to a `SyncVectorEnv` of
 * `PendulumEnv`s with the same step limit. Actions are a `Float32Array` of one torque per sub-environment.
 *
 * @example
 * ```ts
 * const envs = new PendulumVectorEnv(8, { maxEpisodeSteps: 200 });
 * envs.resetSync({ seed: 0 });
 * envs.stepSync(new Float32Array(8).fill(1));
 * ```
 */
export class PendulumVectorEnv extends BatchedVectorEnv<Float32Array, [number, number]> {
  readonly singleObservationSpace = pendulumObservationSpace();
  readonly singleActionSpace = new Box(-PENDULUM_MAX_TORQUE, PENDULUM_MAX_TORQUE, [1], 'float32');
  readonly g: number;
  /** Every sub-environment's `[theta, thetaDot]`. */
  readonly state: Float64Array;
  /** The last (clipped) torque of each sub-environment, NaN right after a reset; for rendering. */
  readonly lastTorque: Float64Array;

  constructor(numEnvs: number, options: PendulumVectorEnvOptions = {}) {
    super(numEnvs, 3, PENDULUM_METADATA, options);
    this.g = options.g ?? 10.0;
    this.state = new Float64Array(numEnvs * 2);
    this.lastTorque = new Float64Array(numEnvs).fill(NaN);
  }

  protected parseResetOptions(options: Record<string, unknown> | undefined): [number, number] {
    return pendulumResetRange(options);
  }

  protected resetSubEnv(index: number, rng: Rng, bounds: [number, number]): void {
    // bounds[0], bounds[1] rather than destructuring: destructuring allocates an iterator on every reset.
    const xInit = bounds[0];
    const yInit = bounds[1];
    resetPendulum(this.state, index * 2, rng, xInit, yInit);
    this.lastTorque[index] = NaN;
    writePendulumObservation(this.state, index * 2, this.observationBuffer, index * 3);
  }

  protected stepKernel(actions: Float32Array): void {
    const state = this.state;
    for (let i = 0; i < this.numEnvs; i++) {
      if (this.skipMask[i] === 1) continue;
      const torque = Math.fround(actions[i]!);
      this.lastTorque[i] = Math.min(Math.max(torque, -PENDULUM_MAX_TORQUE), PENDULUM_MAX_TORQUE);
      this.rewardBuffer[i] = stepPendulum(state, i * 2, torque, this.g);
      writePendulumObservation(state, i * 2, this.observationBuffer, i * 3);
      this.recordStep(i, false);
    }
  }

  protected renderSubEnv(index: number): RenderFrame {
    const theta = this.state[index * 2]!;
    const torque = this.lastTorque[index]!;
    if (this.renderMode === 'rgb_array')
      return renderPendulum(theta, Number.isNaN(torque) ? undefined : torque);
    const torqueText = Number.isNaN(torque) ? 'none' : formatSigned(torque);
    return `Pendulum theta=${formatSigned(theta)} thetaDot=${formatSigned(this.state[index * 2 + 1]!)} torque=${torqueText}\n`;
  }
}
