// The observation and action spaces of a loop environment.
import { describeValue, InvalidArgumentError } from '../../core/errors.js';
import type { Rng } from '../../core/random/rng.js';
import type { JsonSchema, Space, SpaceJson } from '../../core/space.js';
import type { LoopProgram } from '../../lss/compile/loop-program.js';

/**
 * What an agent sees of a loop after `reset` and each `step`.
 *
 * @example
 * ```ts
 * const { observation } = await env.reset({ seed: 0 });
 * observation.taskId; // 'cr-001'
 * observation.outputs.implementer; // the latest patch
 * ```
 */
export interface LoopObservation {
  taskId: string;
  /** The task's input values (defaults applied). */
  inputs: Readonly<Record<string, unknown>>;
  objective: string;
  /** The iteration that just ran (0 after `reset`). */
  iteration: number;
  /** Each worker's latest output (`''` before its first). */
  outputs: Readonly<Record<string, string>>;
  /** Each evaluator's score in the latest iteration (`null` when it did not judge). */
  scores: Readonly<Record<string, number | null>>;
  /** The feedback each worker will read in its next prompt. */
  feedback: Readonly<Record<string, readonly string[]>>;
  /** Each declared metric's latest value. */
  metrics: Readonly<Record<string, number | null>>;
}

/**
 * An agent's move in a loop: `null` lets the loop's own models act; `{ output }` replaces the output of the policy
 * worker; `{ outputs: { worker: text } }` replaces the outputs of the named workers.
 *
 * @example
 * ```ts
 * await env.step(null);
 * await env.step({ output: '```python path=calc/parse.py\n…\n```' });
 * ```
 */
export type LoopAction = null | { output: string } | { outputs: Readonly<Record<string, string>> };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The space of {@link LoopObservation}s of one program: the keys of `outputs`, `feedback`, `scores` and `metrics` are
 * its workers, evaluators and metrics; `iteration` is within its bound; scores are on [0, 1].
 *
 * @example
 * ```ts
 * env.observationSpace.contains(observation); // true
 * ```
 */
export class LoopObservationSpace implements Space<LoopObservation> {
  readonly type = 'LoopObservation';
  readonly shape = undefined;
  readonly dtype = undefined;
  readonly workers: readonly string[];
  readonly evaluators: readonly string[];
  readonly metricNames: readonly string[];
  readonly maxIterations: number;

  constructor(program: Pick<LoopProgram, 'workers' | 'evaluators' | 'metrics' | 'termination'>) {
    this.workers = program.workers.map((worker) => worker.id);
    this.evaluators = program.evaluators.map((evaluator) => evaluator.id);
    this.metricNames = program.metrics.map((metric) => metric.name);
    this.maxIterations = program.termination.maxIterations;
  }

  contains(x: unknown): x is LoopObservation {
    if (!isRecord(x)) return false;
    const keysAre = (value: unknown, keys: readonly string[], item: (v: unknown) => boolean): boolean =>
      isRecord(value) &&
      Object.keys(value).length === keys.length &&
      keys.every((key) => Object.hasOwn(value, key) && item(value[key]));
    const score = (v: unknown): boolean => v === null || (typeof v === 'number' && v >= 0 && v <= 1);
    return (
      typeof x.taskId === 'string' &&
      isRecord(x.inputs) &&
      typeof x.objective === 'string' &&
      Number.isInteger(x.iteration) &&
      (x.iteration as number) >= 0 &&
      (x.iteration as number) <= this.maxIterations &&
      keysAre(x.outputs, this.workers, (v) => typeof v === 'string') &&
      keysAre(x.scores, this.evaluators, score) &&
      keysAre(
        x.feedback,
        this.workers,
        (v) => Array.isArray(v) && v.every((item) => typeof item === 'string'),
      ) &&
      keysAre(x.metrics, this.metricNames, (v) => v === null || (typeof v === 'number' && Number.isFinite(v)))
    );
  }

  sample(rng: Rng): LoopObservation {
    const text = (): string => `sample-${rng.integers(1_000_000)}`;
    return {
      taskId: text(),
      inputs: {},
      objective: text(),
      iteration: rng.integers(this.maxIterations + 1),
      outputs: Object.fromEntries(this.workers.map((id) => [id, text()])),
      scores: Object.fromEntries(this.evaluators.map((id) => [id, rng.random()])),
      feedback: Object.fromEntries(this.workers.map((id) => [id, []])),
      metrics: Object.fromEntries(this.metricNames.map((name) => [name, rng.random()])),
    };
  }

  toJSON(): SpaceJson {
    return {
      type: this.type,
      workers: [...this.workers],
      evaluators: [...this.evaluators],
      metrics: [...this.metricNames],
      maxIterations: this.maxIterations,
    };
  }

  toJsonSchema(): JsonSchema {
    const record = (keys: readonly string[], item: JsonSchema): JsonSchema => ({
      type: 'object',
      properties: Object.fromEntries(keys.map((key) => [key, item])),
      required: [...keys],
      additionalProperties: false,
    });
    const score = { anyOf: [{ type: 'number', minimum: 0, maximum: 1 }, { type: 'null' }] };
    return {
      type: 'object',
      required: ['taskId', 'inputs', 'objective', 'iteration', 'outputs', 'scores', 'feedback', 'metrics'],
      properties: {
        taskId: { type: 'string' },
        inputs: { type: 'object' },
        objective: { type: 'string' },
        iteration: { type: 'integer', minimum: 0, maximum: this.maxIterations },
        outputs: record(this.workers, { type: 'string' }),
        scores: record(this.evaluators, score),
        feedback: record(this.workers, { type: 'array', items: { type: 'string' } }),
        metrics: record(this.metricNames, { anyOf: [{ type: 'number' }, { type: 'null' }] }),
      },
    };
  }

  toJsonValue(x: LoopObservation): unknown {
    return structuredClone(x);
  }

  fromJsonValue(value: unknown): LoopObservation {
    if (!this.contains(value)) {
      throw new InvalidArgumentError(`Not an observation of this loop: ${describeValue(value)}.`);
    }
    return structuredClone(value);
  }

  equals(other: Space<unknown, unknown>): boolean {
    return (
      other instanceof LoopObservationSpace &&
      JSON.stringify(other.toJSON()) === JSON.stringify(this.toJSON())
    );
  }

  toString(): string {
    return `LoopObservation(workers: ${this.workers.join(', ')}; evaluators: ${this.evaluators.join(', ')})`;
  }
}

/**
 * The space of {@link LoopAction}s of one program: `null`, `{ output }` for the policy worker, or `{ outputs }`
 * naming some of its workers.
 *
 * @example
 * ```ts
 * env.actionSpace.contains({ output: 'text' }); // true
 * ```
 */
export class LoopActionSpace implements Space<LoopAction> {
  readonly type = 'LoopAction';
  readonly shape = undefined;
  readonly dtype = undefined;
  readonly workers: readonly string[];
  readonly policyWorker: string;

  constructor(workers: readonly string[], policyWorker: string) {
    this.workers = workers;
    this.policyWorker = policyWorker;
  }

  contains(x: unknown): x is LoopAction {
    if (x === null) return true;
    if (!isRecord(x)) return false;
    const keys = Object.keys(x);
    if (keys.length === 1 && keys[0] === 'output') return typeof x.output === 'string';
    if (keys.length === 1 && keys[0] === 'outputs' && isRecord(x.outputs)) {
      return Object.entries(x.outputs).every(
        ([id, text]) => this.workers.includes(id) && typeof text === 'string',
      );
    }
    return false;
  }

  sample(rng: Rng): LoopAction {
    return rng.random() < 0.5 ? null : { output: `sample-${rng.integers(1_000_000)}` };
  }

  toJSON(): SpaceJson {
    return { type: this.type, workers: [...this.workers], policyWorker: this.policyWorker };
  }

  toJsonSchema(): JsonSchema {
    return {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          properties: { output: { type: 'string' } },
          required: ['output'],
          additionalProperties: false,
        },
        {
          type: 'object',
          properties: {
            outputs: {
              type: 'object',
              properties: Object.fromEntries(this.workers.map((id) => [id, { type: 'string' }])),
              additionalProperties: false,
            },
          },
          required: ['outputs'],
          additionalProperties: false,
        },
      ],
    };
  }

  toJsonValue(x: LoopAction): unknown {
    return structuredClone(x);
  }

  fromJsonValue(value: unknown): LoopAction {
    if (!this.contains(value)) {
      throw new InvalidArgumentError(
        `Not an action of this loop: ${describeValue(value)}. Use null, { output: string } or { outputs: { <worker>: string } }.`,
      );
    }
    return structuredClone(value);
  }

  equals(other: Space<unknown, unknown>): boolean {
    return (
      other instanceof LoopActionSpace && JSON.stringify(other.toJSON()) === JSON.stringify(this.toJSON())
    );
  }

  toString(): string {
    return `LoopAction(policy worker: ${this.policyWorker})`;
  }
}
