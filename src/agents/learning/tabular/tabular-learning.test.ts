// Learning targets of the tabular agents: each trains from scratch with a fixed seed and is evaluated greedily.
import { describe, expect, it } from 'vitest';
import { makeSync } from '../../../registry/make.js';
import { evaluateAgentSync } from '../evaluate-agent.js';
import { TRAINING_PRESETS } from '../recommended-hyperparameters.js';
import { trainAgent } from '../train-agent.js';
import { QLearningAgent } from './q-learning-agent.js';
import { SarsaAgent } from './sarsa-agent.js';

function preset(envId: string, slippery?: boolean) {
  const found = TRAINING_PRESETS.find(
    (p) => p.envId === envId && (slippery === undefined || p.envOptions['isSlippery'] === slippery),
  );
  if (found === undefined) throw new Error(`no preset for ${envId}`);
  return found;
}

async function trainQLearning(envId: string, slippery?: boolean) {
  const { envOptions, hyperparameters, episodes } = preset(envId, slippery);
  const env = makeSync<number, number>(envId, envOptions);
  const agent = new QLearningAgent({
    observationSpace: env.observationSpace,
    actionSpace: env.actionSpace,
    hyperparameters,
    seed: 0,
  });
  await trainAgent(agent, env, { episodes, seed: 0 });
  const evaluation = evaluateAgentSync(agent, makeSync<number, number>(envId, envOptions), {
    episodes: 1000,
    seed: 1_000_000,
  });
  return { agent, evaluation };
}

describe('Q-learning learning targets', () => {
  it('solves FrozenLake-v1 without slipping (greedy success 1.0)', async () => {
    const { evaluation } = await trainQLearning('FrozenLake-v1', false);
    expect(evaluation.successRate).toBe(1);
  });

  it('reaches at least 0.7 success on the slippery FrozenLake-v1 (1000 greedy episodes)', async () => {
    const { evaluation } = await trainQLearning('FrozenLake-v1', true);
    expect(evaluation.successRate).toBeGreaterThanOrEqual(0.7);
  });

  it('reaches an average return of at least 7 on Taxi-v4 (first 100 greedy episodes, and all 1000)', async () => {
    const { evaluation } = await trainQLearning('Taxi-v4');
    const first100 = evaluation.returns.slice(0, 100).reduce((a, b) => a + b, 0) / 100;
    expect(first100).toBeGreaterThanOrEqual(7);
    expect(evaluation.meanReturn).toBeGreaterThanOrEqual(7);
  });

  it('gives bit-identical tables for the same seed and different ones for another', async () => {
    const train = async (seed: number) => {
      const env = makeSync<number, number>('FrozenLake-v1');
      const agent = new QLearningAgent({
        observationSpace: env.observationSpace,
        actionSpace: env.actionSpace,
        seed,
      });
      await trainAgent(agent, env, { episodes: 300, seed });
      return JSON.stringify(agent.toCheckpoint());
    };
    expect(await train(5)).toBe(await train(5));
    expect(await train(6)).not.toBe(await train(5));
  });
});

describe('SARSA', () => {
  it('solves FrozenLake-v1 without slipping', async () => {
    const env = makeSync<number, number>('FrozenLake-v1', { isSlippery: false });
    const agent = new SarsaAgent({
      observationSpace: env.observationSpace,
      actionSpace: env.actionSpace,
      hyperparameters: { learningRate: 0.5, epsilonDecayEpisodes: 300 },
      seed: 0,
    });
    await trainAgent(agent, env, { episodes: 500, seed: 0 });
    expect(evaluateAgentSync(agent, env, { episodes: 10, seed: 0 }).successRate).toBe(1);
  });

  it('learns the safe path on CliffWalking-v1 (greedy return above the random walk’s)', async () => {
    const env = makeSync<number, number>('CliffWalking-v1');
    const agent = new SarsaAgent({
      observationSpace: env.observationSpace,
      actionSpace: env.actionSpace,
      hyperparameters: { learningRate: 0.5, epsilonStart: 0.1, epsilonEnd: 0.1, gamma: 1 },
      seed: 0,
    });
    await trainAgent(agent, env, { episodes: 500, seed: 0 });
    const { meanReturn } = evaluateAgentSync(agent, env, { episodes: 1, seed: 0, maxStepsPerEpisode: 100 });
    // The optimal path along the cliff is -13; SARSA's on-policy path keeps a margin from the edge.
    expect(meanReturn).toBeGreaterThanOrEqual(-17);
  });
});
