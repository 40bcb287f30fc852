import type { AgentCheckpoint } from '../checkpoint.js';
import { TabularLearner, type TabularLearnerOptions } from './tabular-learner.js';

/**
 * Tabular Q-learning (Watkins): off-policy TD control, `Q(s,a) += α (r + γ max_a' Q(s',a') − Q(s,a))`, with no
 * bootstrap past a terminal state (a truncated step still bootstraps). For `Discrete` observations and actions.
 *
 * @example
 * ```ts
 * const env = makeSync<number, number>('FrozenLake-v1', { isSlippery: false });
 * const agent = new QLearningAgent({ observationSpace: env.observationSpace, actionSpace: env.actionSpace, seed: 0 });
 * await trainAgent(agent, env, { episodes: 2000, seed: 0 });
 * ```
 */
export class QLearningAgent extends TabularLearner {
  readonly algorithm = 'q-learning' as const;

  constructor(options: TabularLearnerOptions | { checkpoint: AgentCheckpoint }) {
    super(options, 'q-learning');
  }

  /**
   * A Q-learning agent from its checkpoint (checked with `parseCheckpoint`), continuing where it stopped.
   *
   * @example
   * ```ts
   * const agent = QLearningAgent.fromCheckpoint(parseCheckpoint(JSON.parse(text)));
   * ```
   */
  static fromCheckpoint(checkpoint: AgentCheckpoint): QLearningAgent {
    return new QLearningAgent({ checkpoint });
  }

  protected bootstrapValue(nextRow: number): number {
    const base = nextRow * this.problem.actions;
    let best = this.qTable[base]!;
    for (let column = 1; column < this.problem.actions; column++) {
      const value = this.qTable[base + column]!;
      if (value > best) best = value;
    }
    return best;
  }
}
