import { ResetNeededError } from '../../core/errors.js';
import type { EnvMetadata, ResetResult, RgbFrame, StepResult } from '../../core/env.js';
import { SyncEnvBase, type EnvConstructorOptions } from '../../core/sync-env-base.js';
import { Box } from '../../spaces/box.js';
import { formatSigned } from './render/format-signed.js';
import { forceOf } from './continuous-mountain-car.js';
import {
  PENDULUM_MAX_SPEED,
  PENDULUM_MAX_TORQUE,
  resetPendulum,
  stepPendulum,
  writePendulumObservation,
} from './pendulum-dynamics.js';
import { renderPendulum } from './pendulum-render.js';
import { optionNumber } from './reset-bounds.js';

/** Constructor options of {@link PendulumEnv}. */
export interface PendulumOptions extends EnvConstructorOptions {
  /** Gravitational acceleration (default 10.0). */
  g?: number | undefined;
}

/** Render modes and frame rate of Pendulum. */
export const PENDULUM_METADATA: EnvMetadata = { renderModes: ['ansi', 'rgb_array'], renderFps: 30 };

/**
 * Pendulum's observation space: cos and sin of the angle, angular velocity (float32).
 *
 * @example
 * ```ts
 * pendulumObservationSpace().toString(); // 'Box([-1. -1. -8.], [1. 1. 8.], (3,), float32)'
 * ```
 */
export function pendulumObservationSpace(): Box {
  return new Box([-1, -1, -PENDULUM_MAX_SPEED], [1, 1, PENDULUM_MAX_SPEED], [3], 'float32');
}

/**
 * The reset range of Pendulum: `xInit`/`yInit` (or Gymnasium's `x_init`/`y_init`), default pi and 1.
 *
 * @example
 * ```ts
 * pendulumResetRange({ xInit: 0.5 }); // [0.5, 1]
 * ```
 */
export function pendulumResetRange(options: Record<string, unknown> | undefined): [number, number] {
  const x = options !== undefined && 'xInit' in options ? 'xInit' : 'x_init';
  const y = options !== undefined && 'yInit' in options ? 'yInit' : 'y_init';
  return [optionNumber(options, x, Math.PI), optionNumber(options, y, 1.0)];
}

/**
 * The inverted pendulum, ported bit for bit from Gymnasium's `Pendulum-v1`: swing a pendulum up and keep it
 * upright with a torque in [-2, 2] (a one-element Float32Array, clipped). Observations are
 * `[cos theta, sin theta, thetaDot]` (float32); the reward is `-(theta^2 + 0.1 thetaDot^2 + 0.001 torque^2)` with
 * theta normalised to [-pi, pi); it never terminates (the registration truncates at 200 steps). `reset` accepts
 * `options.xInit`/`options.yInit` (or `x_init`/`y_init`): the initial angle and velocity ranges, default pi and 1.
 *
 * @example
 * ```ts
 * const env = new PendulumEnv({ g: 9.81 });
 * env.resetSync({ seed: 0 });
 * const { reward } = env.stepSync(Float32Array.of(1.5));
 * ```
 */
export class PendulumEnv extends SyncEnvBase<Float32Array, Float32Array> {
  readonly observationSpace: Box = pendulumObservationSpace();
  readonly actionSpace = new Box(-PENDULUM_MAX_TORQUE, PENDULUM_MAX_TORQUE, [1], 'float32');
  readonly g: number;
  /** The live state `[theta, thetaDot]` in float64 (meaningful after the first reset). */
  readonly state = new Float64Array(2);
  /** The last torque applied (clipped), for rendering; undefined right after reset. */
  lastTorque: number | undefined = undefined;
  private hasState = false;

  constructor(options: PendulumOptions = {}) {
    super(PENDULUM_METADATA, options);
    this.g = options.g ?? 10.0;
  }

  protected resetEpisode(options: Record<string, unknown> | undefined): ResetResult<Float32Array> {
    const [xInit, yInit] = pendulumResetRange(options);
    resetPendulum(this.state, 0, this.rng, xInit, yInit);
    this.lastTorque = undefined;
    this.hasState = true;
    return { observation: this.observation(), info: {} };
  }

  stepSync(action: Float32Array): StepResult<Float32Array> {
    const torque = forceOf(action, this.actionSpace);
    if (!this.hasState) throw new ResetNeededError();
    this.lastTorque = Math.min(Math.max(torque, -PENDULUM_MAX_TORQUE), PENDULUM_MAX_TORQUE);
    const reward = stepPendulum(this.state, 0, torque, this.g);
    return { observation: this.observation(), reward, terminated: false, truncated: false, info: {} };
  }

  /** One line: angle, angular velocity and last torque. */
  protected override renderAnsi(): string {
    const torque = this.lastTorque === undefined ? 'none' : formatSigned(this.lastTorque);
    return `Pendulum theta=${formatSigned(this.state[0]!)} thetaDot=${formatSigned(this.state[1]!)} torque=${torque}\n`;
  }

  /** A 500 x 500 picture like Gymnasium's (not pixel-identical). */
  protected override renderRgbArray(): RgbFrame {
    if (!this.hasState)
      throw new ResetNeededError('Cannot render before reset(): Pendulum has no state yet.');
    return renderPendulum(this.state[0]!, this.lastTorque);
  }

  private observation(): Float32Array {
    const observation = new Float32Array(3);
    writePendulumObservation(this.state, 0, observation, 0);
    return observation;
  }
}
