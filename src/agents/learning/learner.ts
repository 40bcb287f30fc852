import type { ActContext, Agent } from '../agent.js';
import type { AgentCheckpoint, CheckpointOptions } from './checkpoint.js';

/** The algorithms LoopGym can train. */
export type LearnerAlgorithm = 'q-learning' | 'sarsa' | 'dqn' | 'ppo';

/** `train`: act with exploration and learn from {@link Learner.observe}; `evaluate`: act greedily, learn nothing. */
export type LearnerMode = 'train' | 'evaluate';

/** One environment step as a learner sees it. The train loop reuses one object; copy what you keep. */
export interface LearnerTransition<Obs, Act> {
  observation: Obs;
  action: Act;
  reward: number;
  nextObservation: Obs;
  terminated: boolean;
  truncated: boolean;
}

/** How far a learner has trained (saved in checkpoints, so a resumed run continues the counts). */
export interface LearnerProgress {
  /** Training episodes finished. */
  episodes: number;
  /** Training steps observed. */
  steps: number;
  /** Gradient (or table) updates made. */
  updates: number;
}

/**
 * An agent that learns: an {@link Agent} with a mode switch, a per-step {@link observe}, an end-of-episode hook that
 * reports the algorithm's metrics, and a versioned checkpoint. Every random choice (exploration, initial weights,
 * replay sampling) comes from the learner's own seeded generator, saved in its checkpoints.
 *
 * @example
 * ```ts
 * const agent = createLearner({ algorithm: 'q-learning', observationSpace, actionSpace, seed: 0 });
 * await trainAgent(agent, makeSync('FrozenLake-v1'), { episodes: 5000, seed: 0 });
 * agent.mode = 'evaluate';
 * const action = agent.act(observation);
 * ```
 */
export interface Learner<Obs, Act> extends Agent<Obs, Act> {
  readonly algorithm: LearnerAlgorithm;
  mode: LearnerMode;
  readonly progress: Readonly<LearnerProgress>;
  /** The hyperparameters in effect (defaults filled in). */
  readonly hyperparameters: Readonly<Record<string, unknown>>;
  /** Picks an action; explores in `train` mode, greedy (or the policy's mean) in `evaluate` mode. */
  act(observation: Obs, context?: ActContext): Act;
  /** Learns from one step taken with the last action of {@link act} (ignored in `evaluate` mode). */
  observe(transition: LearnerTransition<Obs, Act>): void;
  /**
   * Ends a training episode: counts it, applies per-episode schedules and returns the metrics gathered since the
   * last call (e.g. `loss`, `epsilon`; a metric with nothing to report is left out).
   */
  endEpisode(): Record<string, number>;
  /** A JSON-serialisable snapshot; see `docs/agents.md` for the format. */
  toCheckpoint(options?: CheckpointOptions): AgentCheckpoint;
}

/** Whether a value is a {@link Learner} (an agent with `observe`, `endEpisode` and `toCheckpoint`). */
export function isLearner(value: unknown): value is Learner<unknown, unknown> {
  const candidate = value as Partial<Learner<unknown, unknown>> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.observe === 'function' &&
    typeof candidate.endEpisode === 'function' &&
    typeof candidate.toCheckpoint === 'function'
  );
}
