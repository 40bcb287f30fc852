import type { RenderFrame } from '../../core/env.js';
import type { Rng } from '../../core/random/rng.js';
import { Discrete } from '../../spaces/discrete.js';
import { BatchedVectorEnv, type BatchedVectorEnvOptions } from '../../vector/batched-vector-env.js';
import { resetAcrobot, stepAcrobot, writeAcrobotObservation } from './acrobot-dynamics.js';
import { renderAcrobot } from './acrobot-render.js';
import { ACROBOT_METADATA, acrobotObservationSpace } from './acrobot.js';
import { formatSigned } from './render/format-signed.js';
import { checkDiscreteActions } from './discrete-actions.js';
import { resetBounds } from './reset-bounds.js';

/**
 * `numEnvs` Acrobots (`Acrobot-v1`) stepped by one kernel over a `Float64Array` (four values per sub-environment);
 * equal, bit for bit, to a `SyncVectorEnv` of `AcrobotEnv`s with the same step limit. Actions are an `Int32Array`
 * of 0, 1, 2.
 *
 * @example
 * ```ts
 * const envs = new AcrobotVectorEnv(8, { maxEpisodeSteps: 500 });
 * envs.resetSync({ seed: 0 });
 * envs.stepSync(new Int32Array(8).fill(2));
 * ```
 */
export class AcrobotVectorEnv extends BatchedVectorEnv<Int32Array, [number, number]> {
  readonly singleObservationSpace = acrobotObservationSpace();
  readonly singleActionSpace = new Discrete(3);
  /** Every sub-environment's `[theta1, theta2, dtheta1, dtheta2]`. */
  readonly state: Float64Array;

  constructor(numEnvs: number, options: BatchedVectorEnvOptions = {}) {
    super(numEnvs, 6, ACROBOT_METADATA, options);
    this.state = new Float64Array(numEnvs * 4);
  }

  protected parseResetOptions(options: Record<string, unknown> | undefined): [number, number] {
    return resetBounds(options, -0.1, 0.1);
  }

  protected resetSubEnv(index: number, rng: Rng, bounds: [number, number]): void {
    // bounds[0], bounds[1] rather than destructuring: destructuring allocates an iterator on every reset.
    const low = bounds[0];
    const high = bounds[1];
    resetAcrobot(this.state, index * 4, rng, low, high);
    writeAcrobotObservation(this.state, index * 4, this.observationBuffer, index * 6, true);
  }

  protected stepKernel(actions: Int32Array): void {
    const n = this.numEnvs;
    const skip = this.skipMask;
    checkDiscreteActions(actions, 3, skip, this.singleActionSpace);
    for (let i = 0; i < n; i++) {
      if (skip[i] === 1) continue;
      const terminated = stepAcrobot(this.state, i * 4, actions[i]!);
      writeAcrobotObservation(this.state, i * 4, this.observationBuffer, i * 6, false);
      this.rewardBuffer[i] = terminated ? 0.0 : -1.0;
      this.recordStep(i, terminated);
    }
  }

  protected renderSubEnv(index: number): RenderFrame {
    const offset = index * 4;
    if (this.renderMode === 'rgb_array') return renderAcrobot(this.state[offset]!, this.state[offset + 1]!);
    const [a, b, c, d] = this.state.subarray(offset, offset + 4);
    return `Acrobot theta1=${formatSigned(a!)} theta2=${formatSigned(b!)} dtheta1=${formatSigned(c!)} dtheta2=${formatSigned(d!)}\n`;
  }
}
