import { describe, expect, it } from 'vitest';
import type { Env } from '../../core/env.js';
import { InvalidArgumentError } from '../../core/errors.js';
import { make, makeSync } from '../../registry/make.js';
import { createLearner, LEARNER_ALGORITHMS, learnerHyperparameterSchemas } from './create-learner.js';
import { evaluateAgent, evaluateAgentSync } from './evaluate-agent.js';
import { isLearner } from './learner.js';
import { trainAgent, type EpisodeMetrics } from './train-agent.js';

function frozenLakeAgent(seed = 0, hyperparameters: Record<string, unknown> = {}) {
  const env = makeSync<number, number>('FrozenLake-v1', { isSlippery: false });
  const agent = createLearner({
    algorithm: 'q-learning',
    observationSpace: env.observationSpace,
    actionSpace: env.actionSpace,
    hyperparameters,
    seed,
  });
  return { env, agent };
}

describe('trainAgent', () => {
  it('reports each episode with its seed, figures and the learner’s metrics', async () => {
    const { env, agent } = frozenLakeAgent();
    const seen: EpisodeMetrics[] = [];
    const result = await trainAgent(agent, env, { episodes: 5, seed: 10, onEpisode: (m) => seen.push(m) });
    expect(seen.map((m) => m.episode)).toEqual([0, 1, 2, 3, 4]);
    expect(seen.map((m) => m.seed)).toEqual([10, 11, 12, 13, 14]);
    expect(seen.at(-1)!.totalSteps).toBe(result.steps);
    expect(seen.reduce((sum, m) => sum + m.length, 0)).toBe(result.steps);
    expect(Object.keys(seen[0]!.metrics).sort()).toEqual(['epsilon', 'learningRate', 'tdError']);
    expect(seen[1]!.metrics['epsilon']).toBeLessThan(seen[0]!.metrics['epsilon']!);
    expect(agent.progress.episodes).toBe(5);
    // A second call continues the episode numbering (and the seeds with it).
    const more: EpisodeMetrics[] = [];
    await trainAgent(agent, env, { episodes: 2, seed: 10, onEpisode: (m) => more.push(m) });
    expect(more.map((m) => [m.episode, m.seed])).toEqual([
      [5, 15],
      [6, 16],
    ]);
  });

  it('stops on stopWhen and on an aborted signal', async () => {
    const { env, agent } = frozenLakeAgent();
    const stopped = await trainAgent(agent, env, { episodes: 50, seed: 0, stopWhen: (m) => m.episode === 2 });
    expect(stopped).toMatchObject({ episodes: 3, stopped: true });
    const controller = new AbortController();
    controller.abort();
    const aborted = await trainAgent(agent, env, { episodes: 50, seed: 0, signal: controller.signal });
    expect(aborted).toMatchObject({ episodes: 0, stopped: true });
    expect(aborted.meanReturn).toBeNaN();
  });

  it('cuts episodes at maxStepsPerEpisode as truncated', async () => {
    const { env, agent } = frozenLakeAgent();
    const seen: EpisodeMetrics[] = [];
    await trainAgent(agent, env, {
      episodes: 20,
      seed: 0,
      maxStepsPerEpisode: 2,
      onEpisode: (m) => seen.push(m),
    });
    expect(Math.max(...seen.map((m) => m.length))).toBeLessThanOrEqual(2);
    expect(seen.some((m) => m.truncated && m.length === 2)).toBe(true);
  });

  it('trains the same on the async face of an environment as on its synchronous kernel', async () => {
    const first = frozenLakeAgent(1);
    const second = frozenLakeAgent(1);
    await trainAgent(first.agent, first.env, { episodes: 30, seed: 0 });
    const asyncEnv = make<number, number>('FrozenLake-v1', {
      isSlippery: false,
      wrappers: [(e) => asyncOnly(e)],
    });
    await trainAgent(second.agent, asyncEnv, { episodes: 30, seed: 0 });
    expect(JSON.stringify(second.agent.toCheckpoint())).toBe(JSON.stringify(first.agent.toCheckpoint()));
    const options = { episodes: 3, seed: 0 };
    expect(await evaluateAgent(second.agent, asyncEnv, options)).toEqual(
      evaluateAgentSync(first.agent, first.env, options),
    );
  });

  it('refuses a bad episode count', async () => {
    const { env, agent } = frozenLakeAgent();
    await expect(trainAgent(agent, env, { episodes: -1 })).rejects.toThrow(InvalidArgumentError);
    expect(() => evaluateAgentSync(agent, env, { episodes: 0 })).toThrow(/positive integer/);
  });
});

describe('evaluateAgent', () => {
  it('acts greedily without learning and restores the mode', async () => {
    const { env, agent } = frozenLakeAgent(0, { learningRate: 0.5, epsilonDecayEpisodes: 200 });
    await trainAgent(agent, env, { episodes: 300, seed: 0 });
    const before = JSON.stringify(agent.toCheckpoint());
    const result = evaluateAgentSync(agent, env, { episodes: 5, seed: 0 });
    expect(result).toMatchObject({ successRate: 1, meanReturn: 1, lengths: [6, 6, 6, 6, 6] });
    expect(agent.mode).toBe('train');
    expect(JSON.stringify(agent.toCheckpoint())).toBe(before);
  });
});

describe('createLearner', () => {
  it('builds every algorithm for fitting spaces, each a Learner', () => {
    const spaces = {
      'q-learning': makeSync('Taxi-v4'),
      sarsa: makeSync('CliffWalking-v1'),
      dqn: makeSync('Acrobot-v1'),
      ppo: makeSync('MountainCarContinuous-v0'),
    };
    for (const algorithm of LEARNER_ALGORITHMS) {
      const env = spaces[algorithm];
      const agent = createLearner({
        algorithm,
        observationSpace: env.observationSpace,
        actionSpace: env.actionSpace,
        seed: 0,
      });
      expect(isLearner(agent)).toBe(true);
      expect(agent.algorithm).toBe(algorithm);
      expect(agent.hyperparameters).toEqual(learnerHyperparameterSchemas[algorithm].parse({}));
    }
  });

  it('says which space does not fit and which algorithm to use instead', () => {
    const cartPole = makeSync('CartPole-v1');
    const pendulum = makeSync('Pendulum-v1');
    const lake = makeSync('FrozenLake-v1');
    const build = (algorithm: 'q-learning' | 'dqn' | 'ppo', env: typeof lake) => () =>
      createLearner({ algorithm, observationSpace: env.observationSpace, actionSpace: env.actionSpace });
    expect(build('q-learning', cartPole)).toThrow(
      /q-learning needs a Discrete observation space.*Use dqn or ppo/,
    );
    expect(build('dqn', pendulum)).toThrow(/dqn needs a Discrete action space.*Use ppo/);
    expect(build('ppo', lake)).toThrow(/ppo needs a float Box observation space.*q-learning or sarsa/);
    expect(build('ppo', cartPole)).toThrow(/ppo needs a float Box action space/);
    expect(() =>
      createLearner({
        algorithm: 'a2c' as 'dqn',
        observationSpace: lake.observationSpace,
        actionSpace: lake.actionSpace,
      }),
    ).toThrow(/Unknown learning algorithm "a2c"/);
  });

  it('refuses unknown or invalid hyperparameters by name', () => {
    const env = makeSync('CartPole-v1');
    const build = (hyperparameters: Record<string, unknown>) => () =>
      createLearner({
        algorithm: 'dqn',
        observationSpace: env.observationSpace,
        actionSpace: env.actionSpace,
        hyperparameters,
      });
    expect(build({ batchsize: 32 })).toThrow(/Invalid dqn hyperparameter.*batchsize/);
    expect(build({ gamma: 2 })).toThrow(/Invalid dqn hyperparameter gamma/);
  });
});

/** Hides `resetSync`/`stepSync`, so trainAgent takes its async path. */
function asyncOnly(env: Env<unknown, unknown, unknown>): Env<unknown, unknown, unknown> {
  return {
    observationSpace: env.observationSpace,
    actionSpace: env.actionSpace,
    metadata: env.metadata,
    renderMode: env.renderMode,
    spec: env.spec,
    rng: env.rng,
    unwrapped: env.unwrapped,
    reset: (options) => env.reset(options),
    step: (action: unknown) => env.step(action),
    render: () => env.render(),
    close: () => env.close(),
    [Symbol.asyncDispose]: () => env.close(),
  };
}
