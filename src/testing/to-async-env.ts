import type {
  Env,
  EnvMetadata,
  Info,
  RenderFrame,
  RenderMode,
  ResetOptions,
  ResetResult,
  StepResult,
} from '../core/env.js';
import type { EnvSpec } from '../core/env-spec.js';
import type { Rng } from '../core/random/rng.js';
import type { Space } from '../core/space.js';

/**
 * The same environment with its synchronous face hidden: `reset`/`step`/`close` only, each resolving on a later
 * microtask. Use it to test that wrappers and tools work over environments backed by models, tools or people.
 * The result is its own `unwrapped` (it stands for an asynchronous environment, not a wrapper).
 *
 * @example
 * ```ts
 * const env = toAsyncEnv(new ScriptedEnv({ ... }));
 * isSyncEnv(env); // false
 * await env.reset({ seed: 0 });
 * ```
 */
export function toAsyncEnv<Obs, Act, I = Info>(env: Env<Obs, Act, I>): Env<Obs, Act, I> {
  return new AsyncEnvFace(env);
}

class AsyncEnvFace<Obs, Act, I> implements Env<Obs, Act, I> {
  private readonly inner: Env<Obs, Act, I>;

  constructor(inner: Env<Obs, Act, I>) {
    this.inner = inner;
  }

  get observationSpace(): Space<Obs, unknown> {
    return this.inner.observationSpace;
  }

  get actionSpace(): Space<Act, unknown> {
    return this.inner.actionSpace;
  }

  get metadata(): EnvMetadata {
    return this.inner.metadata;
  }

  get renderMode(): RenderMode | undefined {
    return this.inner.renderMode;
  }

  get spec(): EnvSpec | undefined {
    return this.inner.spec;
  }

  set spec(spec: EnvSpec | undefined) {
    this.inner.spec = spec;
  }

  get rng(): Rng {
    return this.inner.rng;
  }

  get unwrapped(): Env<unknown, unknown, unknown> {
    return this;
  }

  async reset(options?: ResetOptions): Promise<ResetResult<Obs, I>> {
    await Promise.resolve();
    return this.inner.reset(options);
  }

  async step(action: Act): Promise<StepResult<Obs, I>> {
    await Promise.resolve();
    return this.inner.step(action);
  }

  render(): RenderFrame | undefined {
    return this.inner.render();
  }

  async close(): Promise<void> {
    await Promise.resolve();
    await this.inner.close();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  toString(): string {
    return `Async<${String(this.inner)}>`;
  }
}
