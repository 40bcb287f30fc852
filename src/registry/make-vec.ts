import { InvalidArgumentError } from '../core/errors.js';
import type { Env, RenderMode } from '../core/env.js';
import type { AutoresetMode, VectorEnv } from '../core/vector-env.js';
import { SyncVectorEnv } from '../vector/sync-vector-env.js';
import { defaultRegistry } from './default-registry.js';
import { resolveEnvOptions } from './env-options.js';
import { make, type MakeOptions } from './make.js';

/** How `makeVec` builds the copies: one natively batched kernel, or a `SyncVectorEnv` over `make()` copies. */
export type VectorizationMode = 'vector_entry_point' | 'sync';

/** What `makeVec` takes besides the id and the number of copies. */
export interface MakeVecOptions extends MakeOptions {
  /** Default: the native batched version when the environment has one, else `sync`. */
  vectorizationMode?: VectorizationMode | undefined;
  /** When finished sub-environments reset (default `next-step`). */
  autoresetMode?: AutoresetMode | undefined;
  /** Return fresh batched observations each call (default true). */
  copy?: boolean | undefined;
}

const VECTOR_KEYS = new Set([
  'vectorizationMode',
  'vectorization_mode',
  'autoresetMode',
  'autoreset_mode',
  'copy',
]);
const UNSUPPORTED_NATIVE = ['wrappers', 'disableEnvChecker', 'disable_env_checker', 'orderEnforce'];

/**
 * Makes `numEnvs` copies of an environment stepped together, as Gymnasium's `make_vec`. Observations, rewards and
 * flags come batched in typed arrays; sub-environment i of `reset({seed})` is seeded with `seed + i`.
 *
 * @example
 * ```ts
 * const envs = makeVec('CartPole-v1', 256);
 * const { observations } = await envs.reset({ seed: 0 }); // Float32Array(1024)
 * const { rewards, terminations } = await envs.step(new Int32Array(256).fill(1));
 * ```
 */
export function makeVec<Obs = unknown, Act = unknown>(
  id: string,
  numEnvs: number,
  options: MakeVecOptions = {},
): VectorEnv<Obs, Act> {
  if (!Number.isSafeInteger(numEnvs) || numEnvs < 1) {
    throw new InvalidArgumentError(`makeVec: numEnvs must be a positive integer, got ${numEnvs}.`);
  }
  const registry = options.registry ?? defaultRegistry;
  const spec = registry.spec(id);
  const vectorizationMode = (options.vectorizationMode ?? options['vectorization_mode']) as
    VectorizationMode | undefined;
  const autoresetMode = (options.autoresetMode ?? options['autoreset_mode']) as AutoresetMode | undefined;
  const makeOptions: MakeOptions = {};
  for (const [key, value] of Object.entries(options)) if (!VECTOR_KEYS.has(key)) makeOptions[key] = value;
  const mode = vectorizationMode ?? (spec.vectorEntryPoint === undefined ? 'sync' : 'vector_entry_point');
  if (mode === 'sync') {
    const factories = Array.from(
      { length: numEnvs },
      () => (): Env<unknown, unknown> => make(spec, makeOptions),
    );
    const vector = new SyncVectorEnv<Obs, Act>(factories, { autoresetMode, copy: options.copy });
    vector.spec = spec;
    return vector;
  }
  if (mode !== 'vector_entry_point') {
    throw new InvalidArgumentError(
      `vectorizationMode must be 'vector_entry_point' or 'sync', got ${String(mode)}.`,
    );
  }
  if (spec.vectorEntryPoint === undefined) {
    throw new InvalidArgumentError(
      `${spec.id} has no natively batched version; use vectorizationMode: 'sync'.`,
    );
  }
  for (const key of UNSUPPORTED_NATIVE) {
    if (options[key] !== undefined) {
      throw new InvalidArgumentError(
        `makeVec: \`${key}\` applies to single environments; use vectorizationMode: 'sync'.`,
      );
    }
  }
  const { renderMode, maxEpisodeSteps, registry: _registry, ...envOptions } = makeOptions;
  const resolved = resolveEnvOptions(spec, withoutSnakeMakeKeys(envOptions));
  const renderModeOption = (renderMode ?? makeOptions['render_mode']) as RenderMode | undefined;
  const vector = spec.vectorEntryPoint(
    numEnvs,
    renderModeOption === undefined ? resolved : { ...resolved, renderMode: renderModeOption },
    {
      autoresetMode,
      maxEpisodeSteps: (maxEpisodeSteps ?? makeOptions['max_episode_steps'] ?? spec.maxEpisodeSteps) as
        number | undefined,
      copy: options.copy,
    },
  );
  vector.spec = spec;
  return vector as VectorEnv<Obs, Act>;
}

function withoutSnakeMakeKeys(options: Record<string, unknown>): Record<string, unknown> {
  const { render_mode: _render, max_episode_steps: _steps, ...rest } = options;
  return rest;
}
