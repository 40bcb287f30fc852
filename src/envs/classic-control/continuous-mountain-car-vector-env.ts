import type { RenderFrame } from '../../core/env.js';
import type { Rng } from '../../core/random/rng.js';
import { Box } from '../../spaces/box.js';
import { BatchedVectorEnv } from '../../vector/batched-vector-env.js';
import { formatSigned } from './render/format-signed.js';
import {
  CONTINUOUS_MOUNTAIN_CAR_GOAL_POSITION,
  resetMountainCar,
  stepContinuousMountainCar,
} from './mountain-car-dynamics.js';
import { renderMountainCar } from './mountain-car-render.js';
import type { MountainCarVectorEnvOptions } from './mountain-car-vector-env.js';
import { MOUNTAIN_CAR_METADATA, mountainCarObservationSpace } from './mountain-car.js';
import { resetBounds } from './reset-bounds.js';

/**
 * `numEnvs` continuous mountain cars (`MountainCarContinuous-v0`) stepped by one kernel; equal, bit for bit, to a
 * `SyncVectorEnv` of `ContinuousMountainCarEnv`s with the same step limit (including the float32/float64 mix of
 * NumPy's arithmetic). Actions are a `Float32Array` of one force per sub-environment.
 *
 * @example
 * ```ts
 * const envs = new ContinuousMountainCarVectorEnv(8, { maxEpisodeSteps: 999 });
 * envs.resetSync({ seed: 0 });
 * envs.stepSync(new Float32Array(8).fill(0.5));
 * ```
 */
export class ContinuousMountainCarVectorEnv extends BatchedVectorEnv<Float32Array, [number, number]> {
  readonly singleObservationSpace = mountainCarObservationSpace();
  readonly singleActionSpace = new Box(-1, 1, [1], 'float32');
  readonly goalVelocity: number;
  /** Every sub-environment's `[position, velocity]`. */
  readonly state: Float64Array;
  private readonly float32State: Uint8Array;

  constructor(numEnvs: number, options: MountainCarVectorEnvOptions = {}) {
    super(numEnvs, 2, MOUNTAIN_CAR_METADATA, options);
    this.goalVelocity = options.goalVelocity ?? 0;
    this.state = new Float64Array(numEnvs * 2);
    this.float32State = new Uint8Array(numEnvs);
  }

  protected parseResetOptions(options: Record<string, unknown> | undefined): [number, number] {
    return resetBounds(options, -0.6, -0.4);
  }

  protected resetSubEnv(index: number, rng: Rng, bounds: [number, number]): void {
    // bounds[0], bounds[1] rather than destructuring: destructuring allocates an iterator on every reset.
    const low = bounds[0];
    const high = bounds[1];
    const offset = index * 2;
    resetMountainCar(this.state, offset, rng, low, high);
    this.float32State[index] = 0;
    this.observationBuffer[offset] = this.state[offset]!;
    this.observationBuffer[offset + 1] = 0;
  }

  protected stepKernel(actions: Float32Array): void {
    const state = this.state;
    const observations = this.observationBuffer;
    for (let i = 0; i < this.numEnvs; i++) {
      if (this.skipMask[i] === 1) continue;
      const offset = i * 2;
      this.rewardBuffer[i] = stepContinuousMountainCar(
        state,
        offset,
        this.float32State,
        this.terminationBuffer,
        i,
        Math.fround(actions[i]!),
        this.goalVelocity,
      );
      observations[offset] = state[offset]!;
      observations[offset + 1] = state[offset + 1]!;
      this.recordStep(i, this.terminationBuffer[i] === 1);
    }
  }

  protected renderSubEnv(index: number): RenderFrame {
    const position = this.state[index * 2]!;
    if (this.renderMode === 'rgb_array')
      return renderMountainCar(position, CONTINUOUS_MOUNTAIN_CAR_GOAL_POSITION);
    return `MountainCarContinuous position=${formatSigned(position)} velocity=${formatSigned(this.state[index * 2 + 1]!)}\n`;
  }
}
