import type { ActContext } from '../../agent.js';
import type { AgentCheckpoint } from '../checkpoint.js';
import type { LearnerTransition } from '../learner.js';
import { TabularLearner, type TabularLearnerOptions } from './tabular-learner.js';

/**
 * Tabular SARSA: on-policy TD control, `Q(s,a) += α (r + γ Q(s',a') − Q(s,a))` where `a'` is the action the agent
 * will actually take next (chosen epsilon-greedily while learning from the step, then returned by the next `act`).
 *
 * @example
 * ```ts
 * const env = makeSync<number, number>('CliffWalking-v1');
 * const agent = new SarsaAgent({ observationSpace: env.observationSpace, actionSpace: env.actionSpace, seed: 0 });
 * await trainAgent(agent, env, { episodes: 500, seed: 0 });
 * ```
 */
export class SarsaAgent extends TabularLearner {
  readonly algorithm = 'sarsa' as const;
  private pendingObservation: number | undefined = undefined;
  private pendingAction = 0;

  constructor(options: TabularLearnerOptions | { checkpoint: AgentCheckpoint }) {
    super(options, 'sarsa');
  }

  /**
   * A SARSA agent from its checkpoint (checked with `parseCheckpoint`), continuing where it stopped.
   *
   * @example
   * ```ts
   * const agent = SarsaAgent.fromCheckpoint(parseCheckpoint(JSON.parse(text)));
   * ```
   */
  static fromCheckpoint(checkpoint: AgentCheckpoint): SarsaAgent {
    return new SarsaAgent({ checkpoint });
  }

  override reset(): void {
    this.pendingObservation = undefined;
  }

  override act(observation: number, context?: ActContext): number {
    if (this.mode === 'train' && this.pendingObservation === observation) {
      this.pendingObservation = undefined;
      return this.pendingAction;
    }
    this.pendingObservation = undefined;
    return super.act(observation, context);
  }

  protected bootstrapValue(nextRow: number, transition: LearnerTransition<number, number>): number {
    const next = super.act(transition.nextObservation);
    this.pendingObservation = transition.nextObservation;
    this.pendingAction = next;
    return this.qTable[nextRow * this.problem.actions + next - this.problem.actionStart]!;
  }
}
