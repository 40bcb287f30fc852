import { InvalidActionError, ResetNeededError } from '../../core/errors.js';
import type { EnvMetadata, ResetResult, RgbFrame, StepResult } from '../../core/env.js';
import { SyncEnvBase, type EnvConstructorOptions } from '../../core/sync-env-base.js';
import { Box } from '../../spaces/box.js';
import { Discrete } from '../../spaces/discrete.js';
import { formatSigned } from './render/format-signed.js';
import {
  MOUNTAIN_CAR_GOAL_POSITION,
  MOUNTAIN_CAR_MAX_POSITION,
  MOUNTAIN_CAR_MAX_SPEED,
  MOUNTAIN_CAR_MIN_POSITION,
  resetMountainCar,
  stepMountainCar,
} from './mountain-car-dynamics.js';
import { renderMountainCar } from './mountain-car-render.js';
import { resetBounds } from './reset-bounds.js';

/** Constructor options of {@link MountainCarEnv} (and of the continuous one). */
export interface MountainCarOptions extends EnvConstructorOptions {
  /** The velocity the car must at least have at the flag to finish (default 0). */
  goalVelocity?: number | undefined;
}

/**
 * The observation space of both mountain cars: position in [-1.2, 0.6], velocity in [-0.07, 0.07] (float32).
 *
 * @example
 * ```ts
 * mountainCarObservationSpace().toString(); // 'Box([-1.2  -0.07], [0.6  0.07], (2,), float32)'
 * ```
 */
export function mountainCarObservationSpace(): Box {
  return new Box(
    [MOUNTAIN_CAR_MIN_POSITION, -MOUNTAIN_CAR_MAX_SPEED],
    [MOUNTAIN_CAR_MAX_POSITION, MOUNTAIN_CAR_MAX_SPEED],
    [2],
    'float32',
  );
}

/** Render modes and frame rate of both mountain cars. */
export const MOUNTAIN_CAR_METADATA: EnvMetadata = { renderModes: ['ansi', 'rgb_array'], renderFps: 30 };

/**
 * MountainCar, ported bit for bit from Gymnasium's `MountainCar-v0`: an underpowered car in a valley must rock back
 * and forth to reach the flag on the right hill. Actions: 0 push left, 1 no push, 2 push right; -1 reward per step;
 * the episode terminates at position >= 0.5 (with velocity >= `goalVelocity`). Observations are
 * `[position, velocity]` as float32. `reset` accepts `options.low`/`options.high` (initial position range,
 * default [-0.6, -0.4]).
 *
 * @example
 * ```ts
 * const env = new MountainCarEnv();
 * env.resetSync({ seed: 0 });
 * const { observation, reward } = env.stepSync(2); // reward -1
 * ```
 */
export class MountainCarEnv extends SyncEnvBase<Float32Array, number> {
  readonly observationSpace: Box = mountainCarObservationSpace();
  readonly actionSpace = new Discrete(3);
  readonly goalVelocity: number;
  /** The live state `[position, velocity]` in float64 (meaningful after the first reset). */
  readonly state = new Float64Array(2);
  private hasState = false;

  constructor(options: MountainCarOptions = {}) {
    super(MOUNTAIN_CAR_METADATA, options);
    this.goalVelocity = options.goalVelocity ?? 0;
  }

  protected resetEpisode(options: Record<string, unknown> | undefined): ResetResult<Float32Array> {
    const [low, high] = resetBounds(options, -0.6, -0.4);
    resetMountainCar(this.state, 0, this.rng, low, high);
    this.hasState = true;
    return { observation: Float32Array.from(this.state), info: {} };
  }

  stepSync(action: number): StepResult<Float32Array> {
    if (action !== 0 && action !== 1 && action !== 2) {
      throw new InvalidActionError(action, this.actionSpace.toString());
    }
    if (!this.hasState) throw new ResetNeededError();
    const terminated = stepMountainCar(this.state, 0, action, this.goalVelocity);
    return {
      observation: Float32Array.from(this.state),
      reward: -1.0,
      terminated,
      truncated: false,
      info: {},
    };
  }

  /** One line: position and velocity. */
  protected override renderAnsi(): string {
    return `MountainCar position=${formatSigned(this.state[0]!)} velocity=${formatSigned(this.state[1]!)}\n`;
  }

  /** A 600 x 400 picture like Gymnasium's (not pixel-identical). */
  protected override renderRgbArray(): RgbFrame {
    if (!this.hasState)
      throw new ResetNeededError('Cannot render before reset(): MountainCar has no state yet.');
    return renderMountainCar(this.state[0]!, MOUNTAIN_CAR_GOAL_POSITION);
  }
}
