import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/random/rng.js';
import { clippedSurrogate, type SurrogateBatch } from './clipped-surrogate.js';
import { RolloutBuffer } from './rollout-buffer.js';

function batchOf(seed: number, entropyCoefficient: number): SurrogateBatch {
  const rng = createRng(seed);
  const batch = 6;
  const actionSize = 2;
  const rollout = new RolloutBuffer(batch, 1, actionSize);
  for (let i = 0; i < batch; i++) {
    rollout.add([0], [rng.normal(), rng.normal()], rng.uniform(-3, -1), 0, 0);
    rollout.advantages[i] = rng.normal();
  }
  return {
    means: rng.uniformArray(batch * actionSize, -0.5, 0.5),
    rollout,
    order: Int32Array.from({ length: batch }, (_, i) => i),
    start: 0,
    batch,
    logStd: rng.uniformArray(actionSize, -0.5, 0.2),
    clipRange: 0.2,
    entropyCoefficient,
    meanGradient: new Float64Array(batch * actionSize),
    logStdGradient: new Float64Array(actionSize),
  };
}

describe('clippedSurrogate', () => {
  for (const entropyCoefficient of [0, 0.05]) {
    it(`has the gradients of its loss (finite differences, entropy ${entropyCoefficient})`, () => {
      for (let seed = 0; seed < 5; seed++) {
        const input = batchOf(seed, entropyCoefficient);
        clippedSurrogate(input);
        const meanGradient = Float64Array.from(input.meanGradient);
        const logStdGradient = Float64Array.from(input.logStdGradient);
        const lossAt = () => clippedSurrogate(input).policyLoss;
        const step = 1e-6;
        for (const [values, gradient] of [
          [input.means, meanGradient],
          [input.logStd, logStdGradient],
        ] as const) {
          for (let i = 0; i < values.length; i++) {
            const saved = values[i]!;
            values[i] = saved + step;
            const up = lossAt();
            values[i] = saved - step;
            const down = lossAt();
            values[i] = saved;
            expect(gradient[i]).toBeCloseTo((up - down) / (2 * step), 5);
          }
        }
      }
    });
  }

  it('reports no clipping and zero KL when the policy has not moved', () => {
    const input = batchOf(1, 0);
    // Make the stored log-probabilities those of the current policy.
    const { rollout, means, logStd } = input;
    for (let i = 0; i < input.batch; i++) {
      let logProb = 0;
      for (let j = 0; j < 2; j++) {
        const z = (rollout.actions[i * 2 + j]! - means[i * 2 + j]!) / Math.exp(logStd[j]!);
        logProb += -0.5 * z * z - logStd[j]! - 0.5 * Math.log(2 * Math.PI);
      }
      rollout.logProbs[i] = logProb;
    }
    const figures = clippedSurrogate(input);
    expect(figures.clipFraction).toBe(0);
    expect(figures.approxKl).toBeCloseTo(0, 12);
  });
});
