import type { EnvSpec } from '../core/env-spec.js';
import { builtinRegistrations } from '../envs/builtin-registrations.js';
import { Registry, type RegisterOptions } from './registry.js';

/** The registry behind `register`, `make`, `spec` and `listEnvs`, holding every built-in environment. */
export const defaultRegistry = new Registry();
for (const registration of builtinRegistrations) defaultRegistry.register(registration);

/**
 * Registers an environment in the default registry, so `make(id)` can build it.
 *
 * @example
 * ```ts
 * register({ id: 'my/coin-v0', entryPoint: (options) => new CoinEnv(options), maxEpisodeSteps: 10 });
 * const env = make('my/coin-v0');
 * ```
 */
export function register(options: RegisterOptions): EnvSpec {
  return defaultRegistry.register(options);
}

/**
 * The registration of `id` in the default registry; unknown ids fail with suggestions.
 *
 * @example
 * ```ts
 * spec('CartPole-v1').rewardThreshold; // 475
 * ```
 */
export function spec(id: string): EnvSpec {
  return defaultRegistry.spec(id);
}

/**
 * The ids of the default registry, sorted; `namespace` keeps those of one namespace (`''` for none).
 *
 * @example
 * ```ts
 * listEnvs().includes('Taxi-v4'); // true
 * ```
 */
export function listEnvs(filter: { namespace?: string } = {}): string[] {
  const all = defaultRegistry.all();
  const kept =
    filter.namespace === undefined ? all : all.filter((s) => (s.namespace ?? '') === filter.namespace);
  return kept.map((s) => s.id);
}
