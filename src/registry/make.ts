import { InvalidArgumentError, UnsupportedOperationError } from '../core/errors.js';
import { isSyncEnv, type Env, type Info, type RenderMode, type SyncEnv } from '../core/env.js';
import type { EnvSpec } from '../core/env-spec.js';
import { OrderEnforcing } from '../wrappers/order-enforcing.js';
import { PassiveEnvChecker } from '../wrappers/passive-env-checker.js';
import { TimeLimit } from '../wrappers/time-limit.js';
import { defaultRegistry } from './default-registry.js';
import { resolveEnvOptions } from './env-options.js';
import type { Registry } from './registry.js';

/** A function that wraps an environment (applied by `make` after its fixed stack, in order). */
export type EnvWrapperFunction = (env: Env<unknown, unknown, unknown>) => Env<unknown, unknown, unknown>;

/**
 * What `make` takes besides the id: the environment's own constructor options (camelCase, or Gymnasium's
 * snake_case names) and these keys of `make` itself.
 */
export interface MakeOptions {
  /** `ansi` or `rgb_array`, if the environment supports it. */
  renderMode?: RenderMode | undefined;
  /** Overrides the registered step limit (`TimeLimit`). */
  maxEpisodeSteps?: number | undefined;
  /** Leaves out the `PassiveEnvChecker`. */
  disableEnvChecker?: boolean | undefined;
  /** Leaves out `OrderEnforcing` when false. */
  orderEnforce?: boolean | undefined;
  /** Extra wrappers, applied after the registered ones. */
  wrappers?: readonly EnvWrapperFunction[] | undefined;
  /** The registry to look the id up in (default: the global one). */
  registry?: Registry | undefined;
  [option: string]: unknown;
}

/** The registration that turns any LSS spec into an environment (registered with the loop environments). */
export const SPEC_ENVIRONMENT_ID = 'sim/mock-llm-v1';

const MAKE_KEYS = new Set([
  'renderMode',
  'render_mode',
  'maxEpisodeSteps',
  'max_episode_steps',
  'disableEnvChecker',
  'disable_env_checker',
  'orderEnforce',
  'wrappers',
  'registry',
]);

/**
 * Makes an environment from its id, as Gymnasium's `make`: the registered constructor with your options, then the
 * fixed stack `PassiveEnvChecker` → `OrderEnforcing` → `TimeLimit` (when the spec has a step limit) → the registered
 * extra wrappers → yours.
 *
 * @example
 * ```ts
 * const env = make('FrozenLake-v1', { isSlippery: false, renderMode: 'ansi' });
 * const { observation } = await env.reset({ seed: 42 });
 * ```
 */
export function make<Obs = unknown, Act = unknown, I = Info>(
  id: string | EnvSpec | ({ spec: string } & MakeOptions),
  options: MakeOptions = {},
): Env<Obs, Act, I> {
  if (typeof id === 'object' && !('entryPoint' in id)) {
    // make({ spec: 'loop.yaml', tasks }): any LSS spec, through the spec environment.
    return make(SPEC_ENVIRONMENT_ID, { ...id, ...options });
  }
  const registry = options.registry ?? defaultRegistry;
  const spec = typeof id === 'string' ? registry.spec(id) : (id as EnvSpec);
  const envOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) if (!MAKE_KEYS.has(key)) envOptions[key] = value;
  const resolved = resolveEnvOptions(spec, envOptions);
  const renderMode = (options.renderMode ?? options['render_mode']) as RenderMode | undefined;
  if (renderMode !== undefined && renderMode !== 'ansi' && renderMode !== 'rgb_array') {
    throw new InvalidArgumentError(
      `renderMode must be 'ansi' or 'rgb_array', got ${JSON.stringify(renderMode)}.`,
    );
  }
  const maxEpisodeSteps = (options.maxEpisodeSteps ??
    options['max_episode_steps'] ??
    spec.maxEpisodeSteps) as number | undefined;
  const disableEnvChecker = (options.disableEnvChecker ??
    options['disable_env_checker'] ??
    spec.disableEnvChecker) as boolean;

  let env = spec.entryPoint(renderMode === undefined ? resolved : { ...resolved, renderMode });
  env.unwrapped.spec = { ...spec, kwargs: Object.freeze({ ...resolved }), maxEpisodeSteps };
  if (!disableEnvChecker) env = new PassiveEnvChecker(env);
  if (options.orderEnforce ?? spec.orderEnforce) env = new OrderEnforcing(env);
  if (maxEpisodeSteps !== undefined) env = new TimeLimit(env, maxEpisodeSteps);
  for (const wrapper of spec.additionalWrappers) env = wrapper.apply(env);
  for (const wrapper of options.wrappers ?? []) env = wrapper(env);
  return env as Env<Obs, Act, I>;
}

/**
 * Like {@link make}, for environments that step synchronously (every classic environment): the result also has
 * `resetSync`/`stepSync`, for hot loops without a Promise per step.
 *
 * @example
 * ```ts
 * const env = makeSync<Float32Array, number>('CartPole-v1');
 * env.resetSync({ seed: 0 });
 * const { terminated } = env.stepSync(1);
 * ```
 */
export function makeSync<Obs = unknown, Act = unknown, I = Info>(
  id: string | EnvSpec,
  options: MakeOptions = {},
): SyncEnv<Obs, Act, I> {
  const env = make<Obs, Act, I>(id, options);
  if (!isSyncEnv(env)) {
    const name = typeof id === 'string' ? id : id.id;
    throw new UnsupportedOperationError(
      `${name} (or one of its wrappers) is asynchronous; use make() instead of makeSync().`,
    );
  }
  return env;
}
