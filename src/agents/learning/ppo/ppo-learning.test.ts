// Learning target: PPO trained from scratch on Pendulum-v1 for 200 episodes (40 000 steps) swings the pendulum up:
// greedy mean return over 20 episodes at least -600, where uniformly random torques get about -1200 (and the
// untrained policy about the same). About 10-15 s on the project's 2-core machine.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/random/rng.js';
import { makeSync } from '../../../registry/make.js';
import { evaluateAgentSync } from '../evaluate-agent.js';
import { TRAINING_PRESETS } from '../recommended-hyperparameters.js';
import { trainAgent } from '../train-agent.js';
import { PpoAgent } from './ppo-agent.js';

function randomMeanReturn(episodes: number): number {
  const env = makeSync<Float32Array, Float32Array>('Pendulum-v1');
  const rng = createRng(0);
  let total = 0;
  for (let episode = 0; episode < episodes; episode++) {
    env.resetSync({ seed: 1_000_000 + episode });
    for (;;) {
      const result = env.stepSync(env.actionSpace.sample(rng));
      total += result.reward;
      if (result.terminated || result.truncated) break;
    }
  }
  return total / episodes;
}

describe('PPO learning target', () => {
  it('improves Pendulum-v1 far beyond random torques in 200 episodes', { timeout: 120_000 }, async () => {
    const preset = TRAINING_PRESETS.find((p) => p.algorithm === 'ppo' && p.envId === 'Pendulum-v1')!;
    const env = makeSync<Float32Array, Float32Array>('Pendulum-v1');
    const agent = new PpoAgent({
      observationSpace: env.observationSpace,
      actionSpace: env.actionSpace,
      hyperparameters: preset.hyperparameters,
      seed: 0,
    });
    const evaluationEnv = makeSync<Float32Array, Float32Array>('Pendulum-v1');
    const options = { episodes: 20, seed: 1_000_000 };
    const untrained = evaluateAgentSync(agent, evaluationEnv, options).meanReturn;
    const random = randomMeanReturn(20);
    await trainAgent(agent, env, { episodes: 200, seed: 0 });
    const trained = evaluateAgentSync(agent, evaluationEnv, options).meanReturn;
    expect(random).toBeLessThan(-1000);
    expect(untrained).toBeLessThan(-1000);
    expect(trained).toBeGreaterThanOrEqual(-600);
  });
});
