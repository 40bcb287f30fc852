/**
 * The steps of one PPO rollout on typed arrays: scaled observations, raw (unclipped) actions, their log
 * probabilities, value estimates, rewards and how each step ended, then advantages and returns by generalised
 * advantage estimation. Allocated once for `capacity` steps.
 *
 * @example
 * ```ts
 * const rollout = new RolloutBuffer(2048, 3, 1);
 * rollout.add(observation, rawAction, logProb, value, reward);
 * rollout.endStep({ terminated: false, truncated: false, bootstrapValue: 0 });
 * ```
 */
export class RolloutBuffer {
  readonly capacity: number;
  readonly observationSize: number;
  readonly actionSize: number;
  readonly observations: Float64Array;
  readonly actions: Float64Array;
  readonly logProbs: Float64Array;
  readonly values: Float64Array;
  readonly rewards: Float64Array;
  /** 0: the episode goes on; 1: terminated (no bootstrap); 2: cut (truncated or the rollout's end: bootstrap). */
  readonly endings: Uint8Array;
  /** V(next observation) for steps with ending 2. */
  readonly bootstrapValues: Float64Array;
  readonly advantages: Float64Array;
  readonly returns: Float64Array;
  size = 0;

  constructor(capacity: number, observationSize: number, actionSize: number) {
    this.capacity = capacity;
    this.observationSize = observationSize;
    this.actionSize = actionSize;
    this.observations = new Float64Array(capacity * observationSize);
    this.actions = new Float64Array(capacity * actionSize);
    this.logProbs = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    this.rewards = new Float64Array(capacity);
    this.endings = new Uint8Array(capacity);
    this.bootstrapValues = new Float64Array(capacity);
    this.advantages = new Float64Array(capacity);
    this.returns = new Float64Array(capacity);
  }

  get full(): boolean {
    return this.size >= this.capacity;
  }

  /** Appends a step (ending 0 until {@link setEnding}). */
  add(
    observation: ArrayLike<number>,
    action: ArrayLike<number>,
    logProb: number,
    value: number,
    reward: number,
  ): void {
    const index = this.size;
    this.observations.set(observation, index * this.observationSize);
    this.actions.set(action, index * this.actionSize);
    this.logProbs[index] = logProb;
    this.values[index] = value;
    this.rewards[index] = reward;
    this.endings[index] = 0;
    this.bootstrapValues[index] = 0;
    this.size += 1;
  }

  /** Marks how the last added step ended. */
  setEnding(ending: 0 | 1 | 2, bootstrapValue = 0): void {
    this.endings[this.size - 1] = ending;
    this.bootstrapValues[this.size - 1] = bootstrapValue;
  }

  /** Fills {@link advantages} and {@link returns} (GAE(γ, λ)); optionally normalises the advantages. */
  computeAdvantages(gamma: number, lambda: number, normalize: boolean): void {
    let nextAdvantage = 0;
    for (let t = this.size - 1; t >= 0; t--) {
      const ending = this.endings[t]!;
      let nextValue: number;
      if (ending === 1) {
        nextValue = 0;
        nextAdvantage = 0;
      } else if (ending === 2) {
        nextValue = this.bootstrapValues[t]!;
        nextAdvantage = 0;
      } else {
        nextValue = this.values[t + 1]!;
      }
      const delta = this.rewards[t]! + gamma * nextValue - this.values[t]!;
      nextAdvantage = delta + gamma * lambda * nextAdvantage;
      this.advantages[t] = nextAdvantage;
      this.returns[t] = nextAdvantage + this.values[t]!;
    }
    if (!normalize || this.size < 2) return;
    let mean = 0;
    for (let t = 0; t < this.size; t++) mean += this.advantages[t]!;
    mean /= this.size;
    let variance = 0;
    for (let t = 0; t < this.size; t++) variance += (this.advantages[t]! - mean) ** 2;
    const std = Math.sqrt(variance / this.size) + 1e-8;
    for (let t = 0; t < this.size; t++) this.advantages[t] = (this.advantages[t]! - mean) / std;
  }

  clear(): void {
    this.size = 0;
  }
}
