import type { RolloutBuffer } from './rollout-buffer.js';

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** One minibatch of PPO's policy objective: where the steps are and where the gradients go. */
export interface SurrogateBatch {
  /** The policy's means for the minibatch, row-major (`batch x actionSize`). */
  means: Float64Array;
  rollout: RolloutBuffer;
  /** Rollout indices of the minibatch: `order[start .. start + batch)`. */
  order: Int32Array;
  start: number;
  batch: number;
  logStd: Float64Array;
  clipRange: number;
  entropyCoefficient: number;
  /** Output: d loss / d mean, row-major like `means`. */
  meanGradient: Float64Array;
  /** Output: d loss / d logStd (overwritten). */
  logStdGradient: Float64Array;
}

/** Figures of one minibatch (means over its steps). */
export interface SurrogateFigures {
  /** The negated clipped surrogate objective (minus the entropy bonus). */
  policyLoss: number;
  /** Estimate of KL(old ‖ new): mean of `ratio − 1 − log ratio`. */
  approxKl: number;
  /** Share of steps whose ratio was outside the clip range. */
  clipFraction: number;
}

/**
 * PPO's clipped surrogate loss `−mean(min(r·A, clip(r, 1 ± ε)·A)) − c·entropy` of a Gaussian policy and its
 * gradients with respect to the means and log standard deviations (zero where the clipped branch is the minimum).
 *
 * @example
 * ```ts
 * const figures = clippedSurrogate({ means, rollout, order, start: 0, batch: 64, logStd, clipRange: 0.2,
 *   entropyCoefficient: 0, meanGradient, logStdGradient });
 * ```
 */
export function clippedSurrogate(input: SurrogateBatch): SurrogateFigures {
  const { means, rollout, order, start, batch, logStd, meanGradient, logStdGradient } = input;
  const actionSize = logStd.length;
  let entropy = 0;
  for (let j = 0; j < actionSize; j++) entropy += logStd[j]! + 0.5 + HALF_LOG_TWO_PI;
  logStdGradient.fill(-input.entropyCoefficient);
  let policyLoss = -input.entropyCoefficient * entropy * batch;
  let approxKl = 0;
  let clipped = 0;
  for (let row = 0; row < batch; row++) {
    const index = order[start + row]!;
    let logProb = 0;
    for (let j = 0; j < actionSize; j++) {
      const z =
        (rollout.actions[index * actionSize + j]! - means[row * actionSize + j]!) / Math.exp(logStd[j]!);
      logProb += -0.5 * z * z - logStd[j]! - HALF_LOG_TWO_PI;
    }
    const logRatio = logProb - rollout.logProbs[index]!;
    const ratio = Math.exp(logRatio);
    const advantage = rollout.advantages[index]!;
    const unclipped = ratio * advantage;
    const clippedRatio = Math.min(Math.max(ratio, 1 - input.clipRange), 1 + input.clipRange);
    policyLoss -= Math.min(unclipped, clippedRatio * advantage);
    approxKl += ratio - 1 - logRatio;
    if (clippedRatio !== ratio) clipped += 1;
    // d loss / d logProb for this step (averaged over the batch); the clipped branch has no gradient.
    const weight = unclipped <= clippedRatio * advantage ? -unclipped / batch : 0;
    for (let j = 0; j < actionSize; j++) {
      const std = Math.exp(logStd[j]!);
      const difference = rollout.actions[index * actionSize + j]! - means[row * actionSize + j]!;
      meanGradient[row * actionSize + j] = (weight * difference) / (std * std);
      const z = difference / std;
      logStdGradient[j]! += weight * (z * z - 1);
    }
  }
  return { policyLoss: policyLoss / batch, approxKl: approxKl / batch, clipFraction: clipped / batch };
}
