import { InvalidActionError, ResetNeededError } from '../../core/errors.js';
import type { ResetResult, RgbFrame, StepResult } from '../../core/env.js';
import { SyncEnvBase } from '../../core/sync-env-base.js';
import { Box } from '../../spaces/box.js';
import { formatSigned } from './render/format-signed.js';
import {
  CONTINUOUS_MOUNTAIN_CAR_GOAL_POSITION,
  resetMountainCar,
  stepContinuousMountainCar,
} from './mountain-car-dynamics.js';
import { renderMountainCar } from './mountain-car-render.js';
import {
  MOUNTAIN_CAR_METADATA,
  mountainCarObservationSpace,
  type MountainCarOptions,
} from './mountain-car.js';
import { resetBounds } from './reset-bounds.js';

/**
 * The float32 value of a one-element continuous action (force or torque); anything else is an invalid action.
 *
 * @example
 * ```ts
 * forceOf(Float32Array.of(0.5), new Box(-1, 1, [1])); // 0.5
 * ```
 */
export function forceOf(action: ArrayLike<number>, space: Box): number {
  if (action === null || typeof action !== 'object' || action.length !== 1 || typeof action[0] !== 'number') {
    throw new InvalidActionError(action, space.toString(), 'expected a one-element Float32Array');
  }
  return Math.fround(action[0]);
}

/**
 * The continuous mountain car, ported bit for bit from Gymnasium's `MountainCarContinuous-v0`: the same valley,
 * but the action is a force in [-1, 1] (a one-element Float32Array; values outside are clipped). Reaching position
 * 0.45 (with velocity >= `goalVelocity`) gives +100 and ends the episode; every step costs 0.1 * force^2.
 * `reset` accepts `options.low`/`options.high` (initial position range, default [-0.6, -0.4]).
 *
 * Gymnasium keeps this environment's state in float32 after the first step and lets NumPy mix float32 and float64;
 * the port follows NumPy 2's promotion rules step by step, so long episodes do not drift apart.
 *
 * @example
 * ```ts
 * const env = new ContinuousMountainCarEnv();
 * env.resetSync({ seed: 0 });
 * const { reward } = env.stepSync(Float32Array.of(0.5)); // -0.025
 * ```
 */
export class ContinuousMountainCarEnv extends SyncEnvBase<Float32Array, Float32Array> {
  readonly observationSpace: Box = mountainCarObservationSpace();
  readonly actionSpace = new Box(-1, 1, [1], 'float32');
  readonly goalVelocity: number;
  /** The live state `[position, velocity]` (meaningful after the first reset). */
  readonly state = new Float64Array(2);
  private readonly float32State = new Uint8Array(1);
  private readonly terminated = new Uint8Array(1);
  private hasState = false;

  constructor(options: MountainCarOptions = {}) {
    super(MOUNTAIN_CAR_METADATA, options);
    this.goalVelocity = options.goalVelocity ?? 0;
  }

  protected resetEpisode(options: Record<string, unknown> | undefined): ResetResult<Float32Array> {
    const [low, high] = resetBounds(options, -0.6, -0.4);
    resetMountainCar(this.state, 0, this.rng, low, high);
    this.float32State[0] = 0;
    this.hasState = true;
    return { observation: Float32Array.from(this.state), info: {} };
  }

  stepSync(action: Float32Array): StepResult<Float32Array> {
    const force = forceOf(action, this.actionSpace);
    if (!this.hasState) throw new ResetNeededError();
    const reward = stepContinuousMountainCar(
      this.state,
      0,
      this.float32State,
      this.terminated,
      0,
      force,
      this.goalVelocity,
    );
    return {
      observation: Float32Array.from(this.state),
      reward,
      terminated: this.terminated[0] === 1,
      truncated: false,
      info: {},
    };
  }

  /** One line: position and velocity. */
  protected override renderAnsi(): string {
    return `MountainCarContinuous position=${formatSigned(this.state[0]!)} velocity=${formatSigned(this.state[1]!)}\n`;
  }

  /** A 600 x 400 picture like Gymnasium's (not pixel-identical). */
  protected override renderRgbArray(): RgbFrame {
    if (!this.hasState)
      throw new ResetNeededError('Cannot render before reset(): MountainCar has no state yet.');
    return renderMountainCar(this.state[0]!, CONTINUOUS_MOUNTAIN_CAR_GOAL_POSITION);
  }
}
