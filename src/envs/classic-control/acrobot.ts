import { InvalidActionError, ResetNeededError } from '../../core/errors.js';
import type { EnvMetadata, ResetResult, RgbFrame, StepResult } from '../../core/env.js';
import { SyncEnvBase, type EnvConstructorOptions } from '../../core/sync-env-base.js';
import { Box } from '../../spaces/box.js';
import { Discrete } from '../../spaces/discrete.js';
import {
  ACROBOT_MAX_VELOCITY_1,
  ACROBOT_MAX_VELOCITY_2,
  resetAcrobot,
  stepAcrobot,
  writeAcrobotObservation,
} from './acrobot-dynamics.js';
import { renderAcrobot } from './acrobot-render.js';
import { formatSigned } from './render/format-signed.js';
import { resetBounds } from './reset-bounds.js';

/** Render modes and frame rate of Acrobot. */
export const ACROBOT_METADATA: EnvMetadata = { renderModes: ['ansi', 'rgb_array'], renderFps: 15 };

/**
 * Acrobot's observation space: cos/sin of both angles and both angular velocities (float32).
 *
 * @example
 * ```ts
 * acrobotObservationSpace().shape; // [6]
 * ```
 */
export function acrobotObservationSpace(): Box {
  const high = [1, 1, 1, 1, ACROBOT_MAX_VELOCITY_1, ACROBOT_MAX_VELOCITY_2];
  return new Box(
    high.map((v) => -v),
    high,
    [6],
    'float32',
  );
}

/**
 * Acrobot, ported bit for bit from Gymnasium's `Acrobot-v1`: two links hang from a joint, the elbow between them is
 * actuated (actions 0, 1, 2: torque -1, 0, +1); swing the free end above the bar at height 1. -1 reward per step, 0
 * at the end. Observations are `[cos θ1, sin θ1, cos θ2, sin θ2, dθ1, dθ2]` (float32). `reset` accepts
 * `options.low`/`options.high` (initial state range, default ±0.1).
 *
 * The dynamics use Gymnasium's four-stage Runge-Kutta step with glibc's sine, cosine and `pow`, so even long
 * episodes match Gymnasium's observations to the last bit.
 *
 * @example
 * ```ts
 * const env = new AcrobotEnv();
 * env.resetSync({ seed: 0 });
 * const { reward, terminated } = env.stepSync(2); // -1, false
 * ```
 */
export class AcrobotEnv extends SyncEnvBase<Float32Array, number> {
  readonly observationSpace: Box = acrobotObservationSpace();
  readonly actionSpace = new Discrete(3);
  /** The live state `[theta1, theta2, dtheta1, dtheta2]` (meaningful after the first reset). */
  readonly state = new Float64Array(4);
  private hasState = false;

  constructor(options: EnvConstructorOptions = {}) {
    super(ACROBOT_METADATA, options);
  }

  protected resetEpisode(options: Record<string, unknown> | undefined): ResetResult<Float32Array> {
    const [low, high] = resetBounds(options, -0.1, 0.1);
    resetAcrobot(this.state, 0, this.rng, low, high);
    this.hasState = true;
    const observation = new Float32Array(6);
    writeAcrobotObservation(this.state, 0, observation, 0, true);
    return { observation, info: {} };
  }

  stepSync(action: number): StepResult<Float32Array> {
    if (action !== 0 && action !== 1 && action !== 2) {
      throw new InvalidActionError(action, this.actionSpace.toString());
    }
    if (!this.hasState) throw new ResetNeededError();
    const terminated = stepAcrobot(this.state, 0, action);
    const observation = new Float32Array(6);
    writeAcrobotObservation(this.state, 0, observation, 0, false);
    return { observation, reward: terminated ? 0.0 : -1.0, terminated, truncated: false, info: {} };
  }

  /** One line: both angles and angular velocities. */
  protected override renderAnsi(): string {
    const [a, b, c, d] = this.state;
    return `Acrobot theta1=${formatSigned(a!)} theta2=${formatSigned(b!)} dtheta1=${formatSigned(c!)} dtheta2=${formatSigned(d!)}\n`;
  }

  /** A 500 x 500 picture like Gymnasium's (not pixel-identical). */
  protected override renderRgbArray(): RgbFrame {
    if (!this.hasState) throw new ResetNeededError('Cannot render before reset(): Acrobot has no state yet.');
    return renderAcrobot(this.state[0]!, this.state[1]!);
  }
}
