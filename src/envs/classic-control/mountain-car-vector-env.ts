import type { RenderFrame } from '../../core/env.js';
import type { Rng } from '../../core/random/rng.js';
import { Discrete } from '../../spaces/discrete.js';
import { BatchedVectorEnv, type BatchedVectorEnvOptions } from '../../vector/batched-vector-env.js';
import { formatSigned } from './render/format-signed.js';
import { MOUNTAIN_CAR_GOAL_POSITION, resetMountainCar, stepMountainCar } from './mountain-car-dynamics.js';
import { renderMountainCar } from './mountain-car-render.js';
import { MOUNTAIN_CAR_METADATA, mountainCarObservationSpace } from './mountain-car.js';
import { checkDiscreteActions } from './discrete-actions.js';
import { resetBounds } from './reset-bounds.js';

/** Options of {@link MountainCarVectorEnv} (and of the continuous one). */
export interface MountainCarVectorEnvOptions extends BatchedVectorEnvOptions {
  /** The velocity a car must at least have at the flag to finish (default 0). */
  goalVelocity?: number | undefined;
}

/**
 * `numEnvs` MountainCars (`MountainCar-v0`) stepped by one kernel over a `Float64Array` (two values per
 * sub-environment); equal, bit for bit, to a `SyncVectorEnv` of `MountainCarEnv`s with the same step limit.
 * Actions are an `Int32Array` of 0, 1, 2.
 *
 * @example
 * ```ts
 * const envs = new MountainCarVectorEnv(16, { maxEpisodeSteps: 200 });
 * envs.resetSync({ seed: 0 });
 * envs.stepSync(new Int32Array(16).fill(2));
 * ```
 */
export class MountainCarVectorEnv extends BatchedVectorEnv<Int32Array, [number, number]> {
  readonly singleObservationSpace = mountainCarObservationSpace();
  readonly singleActionSpace = new Discrete(3);
  readonly goalVelocity: number;
  /** Every sub-environment's `[position, velocity]`. */
  readonly state: Float64Array;

  constructor(numEnvs: number, options: MountainCarVectorEnvOptions = {}) {
    super(numEnvs, 2, MOUNTAIN_CAR_METADATA, options);
    this.goalVelocity = options.goalVelocity ?? 0;
    this.state = new Float64Array(numEnvs * 2);
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
    this.observationBuffer[offset] = this.state[offset]!;
    this.observationBuffer[offset + 1] = 0;
  }

  protected stepKernel(actions: Int32Array): void {
    const n = this.numEnvs;
    const skip = this.skipMask;
    checkDiscreteActions(actions, 3, skip, this.singleActionSpace);
    const state = this.state;
    const observations = this.observationBuffer;
    for (let i = 0; i < n; i++) {
      if (skip[i] === 1) continue;
      const offset = i * 2;
      const terminated = stepMountainCar(state, offset, actions[i]!, this.goalVelocity);
      observations[offset] = state[offset]!;
      observations[offset + 1] = state[offset + 1]!;
      this.rewardBuffer[i] = -1.0;
      this.recordStep(i, terminated);
    }
  }

  protected renderSubEnv(index: number): RenderFrame {
    const position = this.state[index * 2]!;
    if (this.renderMode === 'rgb_array') return renderMountainCar(position, MOUNTAIN_CAR_GOAL_POSITION);
    return `MountainCar position=${formatSigned(position)} velocity=${formatSigned(this.state[index * 2 + 1]!)}\n`;
  }
}
