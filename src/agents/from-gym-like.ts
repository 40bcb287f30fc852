// Wraps any object with Gymnasium-style reset/step (5-tuple or the old 4-tuple, sync or async) into an Env.
import type {
  Env,
  EnvMetadata,
  Info,
  RenderFrame,
  ResetOptions,
  ResetResult,
  StepResult,
} from '../core/env.js';
import type { EnvSpec } from '../core/env-spec.js';
import { InvalidArgumentError } from '../core/errors.js';
import { createRng, type Rng } from '../core/random/rng.js';
import type { JsonSchema, Space, SpaceJson } from '../core/space.js';

/** An object that looks like a Gymnasium (or old Gym) environment. */
export interface GymLike {
  reset(seed?: number, options?: Record<string, unknown>): unknown;
  step(action: never): unknown;
  render?(): unknown;
  close?(): unknown;
  observationSpace?: unknown;
  observation_space?: unknown;
  actionSpace?: unknown;
  action_space?: unknown;
  metadata?: unknown;
}

/**
 * The space of an environment that declares none: every value belongs to it. Actions for it are read as JSON when
 * the answer is JSON, else as text.
 *
 * @example
 * ```ts
 * new UnknownSpace().contains('anything'); // true
 * ```
 */
export class UnknownSpace implements Space<unknown> {
  readonly type = 'Unknown';
  readonly shape = undefined;
  readonly dtype = undefined;
  contains(_x: unknown): _x is unknown {
    return true;
  }
  sample(): unknown {
    throw new InvalidArgumentError(
      'An unknown space cannot be sampled: give the environment an action space.',
    );
  }
  toJSON(): SpaceJson {
    return { type: this.type };
  }
  toJsonSchema(): JsonSchema {
    return {};
  }
  toJsonValue(x: unknown): unknown {
    return x;
  }
  fromJsonValue(value: unknown): unknown {
    return value;
  }
  equals(other: Space<unknown, unknown>): boolean {
    return other instanceof UnknownSpace;
  }
  toString(): string {
    return 'Unknown()';
  }
}

const isSpace = (value: unknown): value is Space<unknown, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { contains?: unknown }).contains === 'function' &&
  typeof (value as { type?: unknown }).type === 'string';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readReset(value: unknown): ResetResult<unknown> {
  if (Array.isArray(value) && value.length === 2 && (isRecord(value[1]) || value[1] === undefined)) {
    return { observation: value[0], info: (value[1] as Info | undefined) ?? {} };
  }
  if (isRecord(value) && 'observation' in value) {
    return { observation: value.observation, info: isRecord(value.info) ? value.info : {} };
  }
  return { observation: value, info: {} };
}

function readStep(value: unknown): StepResult<unknown> {
  if (isRecord(value) && 'observation' in value && 'reward' in value) {
    return {
      observation: value.observation,
      reward: Number(value.reward),
      terminated: value.terminated === true,
      truncated: value.truncated === true,
      info: isRecord(value.info) ? value.info : {},
    };
  }
  if (Array.isArray(value) && value.length === 5) {
    const [observation, reward, terminated, truncated, info] = value as unknown[];
    return {
      observation,
      reward: Number(reward),
      terminated: terminated === true,
      truncated: truncated === true,
      info: isRecord(info) ? info : {},
    };
  }
  if (Array.isArray(value) && value.length === 4) {
    const [observation, reward, done, rawInfo] = value as unknown[];
    const info = isRecord(rawInfo) ? rawInfo : {};
    const timeLimit = info['TimeLimit.truncated'] === true;
    return {
      observation,
      reward: Number(reward),
      terminated: done === true && !timeLimit,
      truncated: done === true && timeLimit,
      info,
    };
  }
  throw new InvalidArgumentError(
    `step() returned ${Array.isArray(value) ? `a ${value.length}-tuple` : typeof value}; expected ` +
      '[observation, reward, terminated, truncated, info], the old [observation, reward, done, info], ' +
      'or { observation, reward, terminated, truncated, info }.',
  );
}

class GymLikeEnv implements Env<unknown, unknown> {
  readonly observationSpace: Space<unknown, unknown>;
  readonly actionSpace: Space<unknown, unknown>;
  readonly metadata: EnvMetadata;
  readonly renderMode: 'ansi' | undefined;
  spec: EnvSpec | undefined = undefined;
  private generator: Rng | undefined;
  private closed = false;
  private readonly inner: GymLike;

  constructor(inner: GymLike, name: string | undefined) {
    this.inner = inner;
    const observationSpace = inner.observationSpace ?? inner.observation_space;
    const actionSpace = inner.actionSpace ?? inner.action_space;
    this.observationSpace = isSpace(observationSpace) ? observationSpace : new UnknownSpace();
    this.actionSpace = isSpace(actionSpace) ? actionSpace : new UnknownSpace();
    const metadata = isRecord(inner.metadata) ? inner.metadata : {};
    this.metadata = { renderModes: typeof inner.render === 'function' ? ['ansi'] : [], ...metadata };
    this.renderMode = typeof inner.render === 'function' ? 'ansi' : undefined;
    if (name !== undefined) this.spec = { id: name } as EnvSpec;
  }

  get rng(): Rng {
    this.generator ??= createRng();
    return this.generator;
  }

  get unwrapped(): Env<unknown, unknown, unknown> {
    return this;
  }

  async reset(options: ResetOptions = {}): Promise<ResetResult<unknown>> {
    if (options.seed !== undefined) this.generator = createRng(options.seed);
    const value: unknown = await (options.options === undefined
      ? this.inner.reset(options.seed)
      : this.inner.reset(options.seed, options.options));
    return readReset(value);
  }

  async step(action: unknown): Promise<StepResult<unknown>> {
    const value: unknown = await this.inner.step(action as never);
    return readStep(value);
  }

  render(): RenderFrame | undefined {
    const frame = this.inner.render?.();
    return typeof frame === 'string' ? frame : undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.inner.close?.();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  toString(): string {
    return `GymLike<${this.spec?.id ?? 'env'}>`;
  }
}

/**
 * Wraps an object with `reset(seed)` and `step(action)` into an {@link Env}. `reset` may return the observation,
 * `[observation, info]` or `{ observation, info }`; `step` Gymnasium's 5-tuple, the old 4-tuple (`done` with
 * `info['TimeLimit.truncated']` read as truncation) or a `StepResult` object; either may be async. Spaces are taken
 * from `observationSpace`/`observation_space` and `actionSpace`/`action_space` when they are LoopGym spaces, else
 * {@link UnknownSpace}. A `render()` returning text becomes the ansi render. `name` sets `spec.id` (used for known
 * action names, e.g. `FrozenLake-v1`).
 *
 * @example
 * ```ts
 * const env = fromGymLike({
 *   reset: () => [0, {}],
 *   step: (action: number) => [action, 1, action === 3, false, {}],
 *   actionSpace: new Discrete(4),
 * });
 * ```
 */
export function fromGymLike(inner: GymLike, options: { name?: string } = {}): Env<unknown, unknown> {
  if (typeof inner.reset !== 'function' || typeof inner.step !== 'function') {
    throw new InvalidArgumentError('fromGymLike needs an object with reset(seed) and step(action) methods.');
  }
  return new GymLikeEnv(inner, options.name);
}
