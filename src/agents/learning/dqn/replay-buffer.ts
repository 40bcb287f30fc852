import { InvalidArgumentError } from '../../../core/errors.js';
import type { Rng } from '../../../core/random/rng.js';

/**
 * A fixed-capacity ring buffer of transitions on typed arrays (observations as float32, rewards as float64), for
 * off-policy learners. Adding overwrites the oldest transition once full; nothing is allocated after construction.
 *
 * @example
 * ```ts
 * const buffer = new ReplayBuffer(10_000, 4);
 * buffer.add(observation, 1, 1.0, nextObservation, false);
 * const indices = new Int32Array(32);
 * buffer.sampleIndices(rng, indices);
 * ```
 */
export class ReplayBuffer {
  readonly capacity: number;
  readonly observationSize: number;
  readonly observations: Float32Array;
  readonly nextObservations: Float32Array;
  readonly actions: Int32Array;
  readonly rewards: Float64Array;
  /** 1 where the step ended in a terminal state (no bootstrap). */
  readonly terminals: Uint8Array;
  /** Transitions held (at most `capacity`). */
  size = 0;
  /** Where the next transition is written. */
  position = 0;

  constructor(capacity: number, observationSize: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new InvalidArgumentError(`ReplayBuffer: capacity must be a positive integer, got ${capacity}.`);
    }
    this.capacity = capacity;
    this.observationSize = observationSize;
    this.observations = new Float32Array(capacity * observationSize);
    this.nextObservations = new Float32Array(capacity * observationSize);
    this.actions = new Int32Array(capacity);
    this.rewards = new Float64Array(capacity);
    this.terminals = new Uint8Array(capacity);
  }

  /** Stores one transition (copying the observations). */
  add(
    observation: ArrayLike<number>,
    action: number,
    reward: number,
    nextObservation: ArrayLike<number>,
    terminal: boolean,
  ): void {
    const base = this.position * this.observationSize;
    for (let i = 0; i < this.observationSize; i++) {
      this.observations[base + i] = observation[i]!;
      this.nextObservations[base + i] = nextObservation[i]!;
    }
    this.actions[this.position] = action;
    this.rewards[this.position] = reward;
    this.terminals[this.position] = terminal ? 1 : 0;
    this.position = (this.position + 1) % this.capacity;
    if (this.size < this.capacity) this.size += 1;
  }

  /** Fills `indices` with uniformly drawn stored positions (with replacement). */
  sampleIndices(rng: Rng, indices: Int32Array): void {
    if (this.size === 0) throw new InvalidArgumentError('ReplayBuffer: cannot sample from an empty buffer.');
    for (let i = 0; i < indices.length; i++) indices[i] = rng.integers(this.size);
  }

  clear(): void {
    this.size = 0;
    this.position = 0;
  }
}
