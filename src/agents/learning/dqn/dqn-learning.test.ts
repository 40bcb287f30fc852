// Learning target: DQN trained from scratch on CartPole-v1 reaches a greedy mean return of at least 475 over 100
// evaluation episodes. Training stops early once 10 greedy check episodes all reach 500 (a check at most every
// 5 episodes, after a 500-return training episode); about 10 s on the project's busy 2-core machine.
import { describe, expect, it } from 'vitest';
import { makeSync } from '../../../registry/make.js';
import { evaluateAgentSync } from '../evaluate-agent.js';
import { TRAINING_PRESETS } from '../recommended-hyperparameters.js';
import { solvedCheck } from '../solved-check.js';
import { trainAgent } from '../train-agent.js';
import { DqnAgent } from './dqn-agent.js';

describe('DQN learning target', () => {
  it(
    'reaches a mean return of at least 475 on CartPole-v1 over 100 greedy episodes',
    { timeout: 180_000 },
    async () => {
      const preset = TRAINING_PRESETS.find((p) => p.algorithm === 'dqn' && p.envId === 'CartPole-v1')!;
      const env = makeSync<Float32Array, number>('CartPole-v1');
      const agent = new DqnAgent({
        observationSpace: env.observationSpace,
        actionSpace: env.actionSpace,
        hyperparameters: preset.hyperparameters,
        seed: 0,
      });
      const checkEnv = makeSync<Float32Array, number>('CartPole-v1');
      const result = await trainAgent(agent, env, {
        episodes: preset.episodes,
        seed: 0,
        stopWhen: solvedCheck(agent, checkEnv, { threshold: 500, episodes: 10 }),
      });
      expect(result.stopped).toBe(true);
      const evaluation = evaluateAgentSync(agent, makeSync<Float32Array, number>('CartPole-v1'), {
        episodes: 100,
        seed: 1_000_000,
      });
      expect(evaluation.meanReturn).toBeGreaterThanOrEqual(475);
    },
  );
});
