import { InvalidActionError, ResetNeededError } from '../../core/errors.js';
import type { EnvMetadata, ResetResult, RgbFrame, StepResult } from '../../core/env.js';
import { SyncEnvBase, type EnvConstructorOptions } from '../../core/sync-env-base.js';
import { Box } from '../../spaces/box.js';
import { Discrete } from '../../spaces/discrete.js';
import {
  CART_POLE_THETA_THRESHOLD,
  CART_POLE_X_THRESHOLD,
  resetCartPole,
  stepCartPole,
} from './cart-pole-dynamics.js';
import { renderCartPole } from './cart-pole-render.js';
import { formatSigned } from './render/format-signed.js';
import { resetBounds } from './reset-bounds.js';

/** Constructor options of {@link CartPoleEnv}. */
export interface CartPoleOptions extends EnvConstructorOptions {
  /** Sutton and Barto's rewards: 0 per step, -1 when the pole falls (default false: +1 per step, fall included). */
  suttonBartoReward?: boolean | undefined;
}

const OBSERVATION_HIGH = [CART_POLE_X_THRESHOLD * 2, Infinity, CART_POLE_THETA_THRESHOLD * 2, Infinity];

/**
 * CartPole's observation space: position, velocity, angle, angular velocity (float32).
 *
 * @example
 * ```ts
 * cartPoleObservationSpace().shape; // [4]
 * ```
 */
export function cartPoleObservationSpace(): Box {
  return new Box(
    OBSERVATION_HIGH.map((v) => -v),
    OBSERVATION_HIGH,
    [4],
    'float32',
  );
}

/** Render modes and frame rate of CartPole (`ansi`, `rgb_array`; 50 frames a second). */
export const CART_POLE_METADATA: EnvMetadata = { renderModes: ['ansi', 'rgb_array'], renderFps: 50 };

/**
 * CartPole, ported bit for bit from Gymnasium's `CartPole-v1`: keep a pole upright on a cart by pushing the cart
 * left (0) or right (1). Observations are `[x, xDot, theta, thetaDot]` as float32; every step gives +1 (with
 * `suttonBartoReward`, 0 and -1 at the fall); the episode terminates when |theta| > 12 degrees or |x| > 2.4.
 * `reset` accepts `options.low`/`options.high`, the range of the initial state (default ±0.05).
 *
 * The state is kept in float64 (`state`), as Gymnasium keeps it; sine and cosine are glibc's, so observations match
 * Gymnasium's to the last bit.
 *
 * @example
 * ```ts
 * const env = new CartPoleEnv();
 * const { observation } = env.resetSync({ seed: 0 }); // Float32Array [0.0137, -0.0230, -0.0459, -0.0483]
 * const { reward, terminated } = env.stepSync(1);
 * ```
 */
export class CartPoleEnv extends SyncEnvBase<Float32Array, number> {
  readonly observationSpace: Box = cartPoleObservationSpace();
  readonly actionSpace = new Discrete(2);
  readonly suttonBartoReward: boolean;
  /** The live state `[x, xDot, theta, thetaDot]` in float64 (meaningful after the first reset). */
  readonly state = new Float64Array(4);
  private hasState = false;
  private stepsBeyondTerminated: number | undefined = undefined;

  constructor(options: CartPoleOptions = {}) {
    super(CART_POLE_METADATA, options);
    this.suttonBartoReward = options.suttonBartoReward ?? false;
  }

  protected resetEpisode(options: Record<string, unknown> | undefined): ResetResult<Float32Array> {
    const [low, high] = resetBounds(options, -0.05, 0.05);
    resetCartPole(this.state, 0, this.rng, low, high);
    this.hasState = true;
    this.stepsBeyondTerminated = undefined;
    return { observation: Float32Array.from(this.state), info: {} };
  }

  stepSync(action: number): StepResult<Float32Array> {
    if (action !== 0 && action !== 1) throw new InvalidActionError(action, this.actionSpace.toString());
    if (!this.hasState) throw new ResetNeededError();
    const terminated = stepCartPole(this.state, 0, action);
    let reward: number;
    if (!terminated) {
      reward = this.suttonBartoReward ? 0 : 1;
    } else if (this.stepsBeyondTerminated === undefined) {
      this.stepsBeyondTerminated = 0;
      reward = this.suttonBartoReward ? -1 : 1;
    } else {
      this.stepsBeyondTerminated += 1;
      reward = this.suttonBartoReward ? -1 : 0;
    }
    return { observation: Float32Array.from(this.state), reward, terminated, truncated: false, info: {} };
  }

  /** One line: cart position and velocity, pole angle and angular velocity. */
  protected override renderAnsi(): string {
    const [x, xDot, theta, thetaDot] = this.state;
    return `CartPole x=${formatSigned(x!)} xDot=${formatSigned(xDot!)} theta=${formatSigned(theta!)} thetaDot=${formatSigned(thetaDot!)}\n`;
  }

  /** A 600 x 400 picture like Gymnasium's (not pixel-identical). */
  protected override renderRgbArray(): RgbFrame {
    if (!this.hasState)
      throw new ResetNeededError('Cannot render before reset(): CartPole has no state yet.');
    return renderCartPole(this.state, 0);
  }
}
