// The spaces of the replay environment: what a replayed step shows, and the null action it ignores.
import { describeValue, InvalidArgumentError } from '../../core/errors.js';
import type { Rng } from '../../core/random/rng.js';
import type { JsonSchema, Space, SpaceJson } from '../../core/space.js';

/** A replayed iteration's metrics (`null` before the first iteration or when the record lacks the value). */
export interface ReplayMetrics {
  goal_score: number | null;
  primary_quality: number | null;
}

/**
 * What an agent sees of a replayed LoopNet record: which record, how far the replay is, the recorded scores, and a
 * text saying that this is a replay (LoopNet stores numbers, not the loop's outputs).
 *
 * @example
 * ```ts
 * const { observation } = await env.reset({ options: { recordId: 'ln-df9928af-438d-47da-b7e8-dea98aedcb50' } });
 * observation.text; // 'Replay of LoopNet record ln-df9928af-… (loop planning-5728, planning-loop): 3 recorded iterations. …'
 * ```
 */
export interface ReplayObservation {
  /** The record id (as a loop environment's task id). */
  taskId: string;
  loopName: string;
  objective: string;
  /** The iteration just replayed (0 after `reset`). */
  iteration: number;
  /** Iterations in the record. */
  iterations: number;
  metrics: ReplayMetrics;
  text: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isScore = (value: unknown): boolean =>
  value === null || (typeof value === 'number' && value >= 0 && value <= 1);
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

/**
 * LoopNet trajectories hold at most 50 iterations (the schema's `maxItems`).
 *
 * @example
 * ```ts
 * observation.iterations <= MAX_RECORDED_ITERATIONS; // true
 * ```
 */
export const MAX_RECORDED_ITERATIONS = 50;

/**
 * The space of {@link ReplayObservation}s.
 *
 * @example
 * ```ts
 * new ReplayObservationSpace().contains(observation); // true
 * ```
 */
export class ReplayObservationSpace implements Space<ReplayObservation> {
  readonly type = 'ReplayObservation';
  readonly shape = undefined;
  readonly dtype = undefined;

  contains(x: unknown): x is ReplayObservation {
    return (
      isRecord(x) &&
      typeof x.taskId === 'string' &&
      typeof x.loopName === 'string' &&
      typeof x.objective === 'string' &&
      typeof x.text === 'string' &&
      isCount(x.iteration) &&
      isCount(x.iterations) &&
      x.iterations <= MAX_RECORDED_ITERATIONS &&
      x.iteration <= x.iterations &&
      isRecord(x.metrics) &&
      isScore(x.metrics.goal_score) &&
      isScore(x.metrics.primary_quality)
    );
  }

  sample(rng: Rng): ReplayObservation {
    const iterations = 1 + rng.integers(MAX_RECORDED_ITERATIONS);
    return {
      taskId: `sample-${rng.integers(1_000_000)}`,
      loopName: 'sample-loop',
      objective: 'A sampled observation.',
      iteration: rng.integers(iterations + 1),
      iterations,
      metrics: { goal_score: rng.random(), primary_quality: rng.random() },
      text: 'A sampled observation.',
    };
  }

  toJSON(): SpaceJson {
    return { type: this.type };
  }

  toJsonSchema(): JsonSchema {
    const score = { anyOf: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'null' }] };
    return {
      type: 'object',
      required: ['taskId', 'loopName', 'objective', 'iteration', 'iterations', 'metrics', 'text'],
      properties: {
        taskId: { type: 'string' },
        loopName: { type: 'string' },
        objective: { type: 'string' },
        iteration: { type: 'integer', minimum: 0, maximum: MAX_RECORDED_ITERATIONS },
        iterations: { type: 'integer', minimum: 0, maximum: MAX_RECORDED_ITERATIONS },
        metrics: {
          type: 'object',
          required: ['goal_score', 'primary_quality'],
          properties: { goal_score: score, primary_quality: score },
          additionalProperties: false,
        },
        text: { type: 'string' },
      },
      additionalProperties: false,
    };
  }

  toJsonValue(x: ReplayObservation): unknown {
    return { ...x, metrics: { ...x.metrics } };
  }

  fromJsonValue(value: unknown): ReplayObservation {
    if (!this.contains(value)) {
      throw new InvalidArgumentError(`Not a replay observation: ${describeValue(value)}.`);
    }
    return { ...value, metrics: { ...value.metrics } };
  }

  equals(other: Space<unknown, unknown>): boolean {
    return other instanceof ReplayObservationSpace;
  }

  toString(): string {
    return 'ReplayObservation()';
  }
}

/**
 * The action space of a replay: only `null`. A replay plays back what was recorded, so actions change nothing (the
 * environment ignores whatever it is given).
 *
 * @example
 * ```ts
 * new NullActionSpace().sample(rng); // null
 * ```
 */
export class NullActionSpace implements Space<null> {
  readonly type = 'Null';
  readonly shape = undefined;
  readonly dtype = undefined;

  contains(x: unknown): x is null {
    return x === null;
  }

  sample(_rng: Rng): null {
    return null;
  }

  toJSON(): SpaceJson {
    return { type: this.type };
  }

  toJsonSchema(): JsonSchema {
    return { type: 'null' };
  }

  toJsonValue(_x: null): unknown {
    return null;
  }

  fromJsonValue(value: unknown): null {
    if (value !== null)
      throw new InvalidArgumentError(`The only action of a replay is null, got ${describeValue(value)}.`);
    return null;
  }

  equals(other: Space<unknown, unknown>): boolean {
    return other instanceof NullActionSpace;
  }

  toString(): string {
    return 'Null()';
  }
}
