import { describe, expect, it } from 'vitest';
import type { SyncEnv } from '../../core/env.js';
import { makeSync } from '../../registry/make.js';
import { CheckpointError } from './checkpoint-error.js';
import { CHECKPOINT_FORMAT, parseCheckpoint } from './checkpoint.js';
import { createLearner, loadLearner } from './create-learner.js';
import type { Learner, LearnerAlgorithm } from './learner.js';
import { QLearningAgent } from './tabular/q-learning-agent.js';
import { trainAgent } from './train-agent.js';

interface Case {
  algorithm: LearnerAlgorithm;
  envId: string;
  hyperparameters: Record<string, unknown>;
  episodes: number;
}

// Small settings so that updates happen within a few episodes (and, for PPO, a rollout spans the split).
const CASES: Case[] = [
  { algorithm: 'q-learning', envId: 'FrozenLake-v1', hyperparameters: {}, episodes: 40 },
  { algorithm: 'sarsa', envId: 'Taxi-v4', hyperparameters: {}, episodes: 6 },
  {
    algorithm: 'dqn',
    envId: 'CartPole-v1',
    hyperparameters: { hiddenSizes: [16], batchSize: 16, learningStarts: 40, targetUpdateInterval: 25 },
    episodes: 12,
  },
  {
    algorithm: 'dqn',
    envId: 'CartPole-v1',
    hyperparameters: {
      hiddenSizes: [8, 8],
      batchSize: 8,
      learningStarts: 20,
      targetUpdate: 'soft',
      doubleDqn: false,
      loss: 'mse',
    },
    episodes: 8,
  },
  {
    algorithm: 'ppo',
    envId: 'Pendulum-v1',
    hyperparameters: {
      hiddenSizes: [8],
      rolloutSteps: 150,
      minibatchSize: 32,
      epochs: 2,
      entropyCoefficient: 0.01,
    },
    episodes: 4,
  },
];

function setUp(
  testCase: Case,
  seed = 3,
): { env: SyncEnv<unknown, unknown>; agent: Learner<unknown, unknown> } {
  const env = makeSync(testCase.envId);
  const agent = createLearner({
    algorithm: testCase.algorithm,
    observationSpace: env.observationSpace,
    actionSpace: env.actionSpace,
    hyperparameters: testCase.hyperparameters,
    seed,
  });
  return { env, agent };
}

/** Through JSON text, as a checkpoint file would go. */
function throughJson(agent: Learner<unknown, unknown>): Learner<unknown, unknown> {
  return loadLearner(JSON.parse(JSON.stringify(agent.toCheckpoint())));
}

describe.each(CASES)('$algorithm checkpoints ($envId)', (testCase) => {
  it('reload with identical greedy and exploring actions', async () => {
    const { env, agent } = setUp(testCase);
    await trainAgent(agent, env, { episodes: testCase.episodes, seed: 0 });
    const copy = throughJson(agent);
    expect(copy.algorithm).toBe(testCase.algorithm);
    expect(copy.progress).toEqual(agent.progress);
    expect(copy.hyperparameters).toEqual(agent.hyperparameters);
    const observations = Array.from({ length: 20 }, (_, i) => env.resetSync({ seed: 100 + i }).observation);
    for (const mode of ['evaluate', 'train'] as const) {
      agent.mode = mode;
      copy.mode = mode;
      const original = observations.map((o) => JSON.stringify(agent.act(o)));
      const reloaded = observations.map((o) => JSON.stringify(copy.act(o)));
      expect(reloaded).toEqual(original);
    }
  });

  it('resumes training exactly: half, save, load, half equals the whole run', async () => {
    const half = Math.ceil(testCase.episodes / 2);
    const whole = setUp(testCase);
    await trainAgent(whole.agent, whole.env, { episodes: testCase.episodes, seed: 7 });
    const first = setUp(testCase);
    await trainAgent(first.agent, first.env, { episodes: half, seed: 7 });
    const resumed = throughJson(first.agent);
    await trainAgent(resumed, makeSync(testCase.envId), { episodes: testCase.episodes - half, seed: 7 });
    expect(resumed.progress.updates).toBeGreaterThan(0);
    expect(JSON.stringify(resumed.toCheckpoint())).toBe(JSON.stringify(whole.agent.toCheckpoint()));
  });

  it('is reproducible: the same seed gives the same checkpoint, another seed a different one', async () => {
    const runs = await Promise.all(
      [3, 3, 4].map(async (seed) => {
        const { env, agent } = setUp(testCase, seed);
        await trainAgent(agent, env, { episodes: testCase.episodes, seed: 0 });
        return JSON.stringify(agent.toCheckpoint());
      }),
    );
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).not.toBe(runs[0]);
  });
});

describe('checkpoint errors', () => {
  const valid = () => {
    const env = makeSync('FrozenLake-v1');
    return createLearner({
      algorithm: 'q-learning',
      observationSpace: env.observationSpace,
      actionSpace: env.actionSpace,
      seed: 0,
    }).toCheckpoint() as unknown as Record<string, unknown>;
  };

  it('names another file, a newer version and an unknown algorithm', () => {
    expect(() => parseCheckpoint([])).toThrow(/Not an agent checkpoint/);
    expect(() => parseCheckpoint({ ...valid(), format: 'other' })).toThrow(
      new RegExp(`"format" is "other", expected "${CHECKPOINT_FORMAT}"`),
    );
    expect(() => parseCheckpoint({ ...valid(), version: 2 })).toThrow(
      /Unsupported checkpoint version 2.*upgrade LoopGym/,
    );
    expect(() => parseCheckpoint({ ...valid(), algorithm: 'a3c' })).toThrow(
      /Unknown algorithm "a3c".*q-learning, sarsa, dqn, ppo/,
    );
  });

  it('points at damaged contents', () => {
    const checkpoint = valid();
    const error = (() => {
      try {
        loadLearner({ ...checkpoint, state: { qTable: { dtype: 'float64', length: 3, base64: '' } } });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CheckpointError);
    expect((error as Error).message).toMatch(/state.qTable/);
    expect(() => loadLearner({ ...checkpoint, progress: { episodes: -1, steps: 0, updates: 0 } })).toThrow(
      /at progress.episodes/,
    );
    expect(() => loadLearner({ ...checkpoint, hyperparameters: { gamma: 3 } })).toThrow(
      /q-learning hyperparameter gamma/,
    );
  });

  it('refuses a checkpoint of another algorithm in an algorithm’s own loader', () => {
    const env = makeSync('CartPole-v1');
    const dqn = createLearner({
      algorithm: 'dqn',
      observationSpace: env.observationSpace,
      actionSpace: env.actionSpace,
      seed: 0,
    });
    expect(() => QLearningAgent.fromCheckpoint(dqn.toCheckpoint())).toThrow(
      /This is a dqn checkpoint, not q-learning/,
    );
  });

  it('can leave out the DQN replay buffer', async () => {
    const env = makeSync('CartPole-v1');
    const agent = createLearner({
      algorithm: 'dqn',
      observationSpace: env.observationSpace,
      actionSpace: env.actionSpace,
      seed: 0,
    });
    await trainAgent(agent, env, { episodes: 3, seed: 0 });
    const small = agent.toCheckpoint({ includeReplayBuffer: false });
    expect(small.state['replay']).toBeUndefined();
    expect(JSON.stringify(small).length).toBeLessThan(JSON.stringify(agent.toCheckpoint()).length);
    const reloaded = loadLearner(small) as unknown as { replay: { size: number } };
    expect(reloaded.replay.size).toBe(0);
  });
});
