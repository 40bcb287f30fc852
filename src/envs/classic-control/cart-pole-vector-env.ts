import type { RenderFrame } from '../../core/env.js';
import type { Rng } from '../../core/random/rng.js';
import { Discrete } from '../../spaces/discrete.js';
import { BatchedVectorEnv, type BatchedVectorEnvOptions } from '../../vector/batched-vector-env.js';
import { cartPoleForce, resetCartPole, stepCartPoleWith } from './cart-pole-dynamics.js';
import { renderCartPole } from './cart-pole-render.js';
import { CART_POLE_METADATA, cartPoleObservationSpace } from './cart-pole.js';
import { formatSigned } from './render/format-signed.js';
import { checkDiscreteActions } from './discrete-actions.js';
import { glibcSinCosBatch } from './math/glibc-sin-cos-batch.js';
import { resetBounds } from './reset-bounds.js';

/** Options of {@link CartPoleVectorEnv}. */
export interface CartPoleVectorEnvOptions extends BatchedVectorEnvOptions {
  /** Sutton and Barto's rewards (0 per step, -1 at the fall) instead of +1 per step. */
  suttonBartoReward?: boolean | undefined;
}

/**
 * `numEnvs` CartPoles stepped by one kernel over a `Float64Array` (four values per sub-environment). Equal, bit for
 * bit, to a `SyncVectorEnv` of `CartPoleEnv`s with the same step limit: each sub-environment has its own generator
 * (seed + i), reset options apply to the reset they are given to, and autoresets use the default bounds.
 *
 * Unlike Gymnasium's own `CartPoleVectorEnv` (one generator for the batch, float32 rewards, next-step autoreset
 * only), this one supports all three autoreset modes and reproduces Gymnasium's `make_vec(..., "sync")`.
 *
 * Actions are an `Int32Array` of 0/1; observations one `Float32Array` of `numEnvs * 4` values.
 *
 * @example
 * ```ts
 * const envs = new CartPoleVectorEnv(256, { maxEpisodeSteps: 500, copy: false });
 * envs.resetSync({ seed: 0 });
 * const { observations, rewards } = envs.stepSync(new Int32Array(256).fill(1));
 * ```
 */
export class CartPoleVectorEnv extends BatchedVectorEnv<Int32Array, [number, number]> {
  readonly singleObservationSpace = cartPoleObservationSpace();
  readonly singleActionSpace = new Discrete(2);
  readonly suttonBartoReward: boolean;
  /** Every sub-environment's `[x, xDot, theta, thetaDot]`, four float64 values each. */
  readonly state: Float64Array;
  /** glibc's sine and cosine of every pole angle, computed in one pass before the step. */
  private readonly sinCos: Float64Array;

  constructor(numEnvs: number, options: CartPoleVectorEnvOptions = {}) {
    super(numEnvs, 4, CART_POLE_METADATA, options);
    this.suttonBartoReward = options.suttonBartoReward ?? false;
    this.state = new Float64Array(numEnvs * 4);
    this.sinCos = new Float64Array(numEnvs * 2);
  }

  protected parseResetOptions(options: Record<string, unknown> | undefined): [number, number] {
    return resetBounds(options, -0.05, 0.05);
  }

  protected resetSubEnv(index: number, rng: Rng, bounds: [number, number]): void {
    // bounds[0], bounds[1] rather than destructuring: destructuring allocates an iterator on every reset.
    const low = bounds[0];
    const high = bounds[1];
    const offset = index * 4;
    resetCartPole(this.state, offset, rng, low, high);
    const observations = this.observationBuffer;
    observations[offset] = this.state[offset]!;
    observations[offset + 1] = this.state[offset + 1]!;
    observations[offset + 2] = this.state[offset + 2]!;
    observations[offset + 3] = this.state[offset + 3]!;
  }

  protected stepKernel(actions: Int32Array): void {
    const n = this.numEnvs;
    const skip = this.skipMask;
    checkDiscreteActions(actions, 2, skip, this.singleActionSpace);
    const state = this.state;
    const sinCos = this.sinCos;
    glibcSinCosBatch(state, 2, 4, n, sinCos);
    const observations = this.observationBuffer;
    const rewards = this.rewardBuffer;
    const terminations = this.terminationBuffer;
    const truncations = this.truncationBuffer;
    const elapsed = this.elapsedSteps;
    const ended = this.ended;
    const limit = this.stepLimit;
    let endedCount = this.endedCount;
    const stepReward = this.suttonBartoReward ? 0 : 1;
    const fallChange = this.suttonBartoReward ? -1 : 0;
    // One pass without data-dependent branches: sub-environments marked in skip (reset right after this step)
    // are computed too, but not counted; their state, observation, reward and flags are overwritten by the reset.
    for (let i = 0; i < n; i++) {
      const offset = i * 4;
      const force = cartPoleForce(actions[i]! & 1);
      const terminated = stepCartPoleWith(
        state,
        observations,
        offset,
        force,
        sinCos[2 * i]!,
        sinCos[2 * i + 1]!,
      );
      rewards[i] = stepReward + terminated * fallChange;
      // recordStep, inlined: the step limit, the flags, the list of ended episodes.
      const steps = elapsed[i]! + 1;
      elapsed[i] = steps;
      const truncated = Number(steps >= limit);
      terminations[i] = terminated;
      truncations[i] = truncated;
      ended[endedCount] = i;
      endedCount += (terminated | truncated) & (skip[i]! ^ 1);
    }
    this.endedCount = endedCount;
  }

  protected renderSubEnv(index: number): RenderFrame {
    const offset = index * 4;
    if (this.renderMode === 'rgb_array') return renderCartPole(this.state, offset);
    const [x, xDot, theta, thetaDot] = this.state.subarray(offset, offset + 4);
    return `CartPole x=${formatSigned(x!)} xDot=${formatSigned(xDot!)} theta=${formatSigned(theta!)} thetaDot=${formatSigned(thetaDot!)}\n`;
  }
}
