import type { z } from 'zod';
import {
  DeprecatedEnvError,
  NameNotFoundError,
  RegistrationError,
  VersionNotFoundError,
} from '../core/errors.js';
import type { EnvFactory, EnvSpec, VectorEnvFactory, WrapperSpec } from '../core/env-spec.js';
import { closestMatches } from './closest-matches.js';
import { formatEnvId, parseEnvId } from './env-id.js';

/**
 * What `register` takes. Only `id` and `entryPoint` are required.
 *
 * @example
 * ```ts
 * register({
 *   id: 'my/coin-v0',
 *   entryPoint: (options) => new CoinEnv(options),
 *   optionsSchema: z.object({ bias: z.number().min(0).max(1).default(0.5) }),
 *   maxEpisodeSteps: 10,
 * });
 * ```
 */
export interface RegisterOptions {
  id: string;
  entryPoint: EnvFactory;
  vectorEntryPoint?: VectorEnvFactory;
  /** Constructor options (without `renderMode`), as a zod object with defaults; unknown options are rejected. */
  optionsSchema?: z.ZodObject;
  kwargs?: Record<string, unknown>;
  rewardThreshold?: number;
  nondeterministic?: boolean;
  maxEpisodeSteps?: number;
  orderEnforce?: boolean;
  disableEnvChecker?: boolean;
  additionalWrappers?: readonly WrapperSpec[];
  description?: string;
}

/**
 * A set of registered environments. The default one, behind `register`/`make`/`spec`/`listEnvs`, holds every
 * built-in environment; make your own to keep registrations apart (tests, plug-ins).
 */
export class Registry {
  private readonly specs = new Map<string, EnvSpec>();

  /** Adds an environment; an id that is already taken is an error unless `replace` is set. */
  register(options: RegisterOptions, { replace = false }: { replace?: boolean } = {}): EnvSpec {
    const parts = parseEnvId(options.id);
    if (this.specs.has(options.id) && !replace) {
      throw new RegistrationError(`An environment with id \`${options.id}\` is already registered.`);
    }
    if (
      options.maxEpisodeSteps !== undefined &&
      !(Number.isSafeInteger(options.maxEpisodeSteps) && options.maxEpisodeSteps > 0)
    ) {
      throw new RegistrationError(`maxEpisodeSteps of \`${options.id}\` must be a positive integer.`);
    }
    const spec: EnvSpec = Object.freeze({
      id: options.id,
      namespace: parts.namespace,
      name: parts.name,
      version: parts.version,
      entryPoint: options.entryPoint,
      vectorEntryPoint: options.vectorEntryPoint,
      optionsSchema: options.optionsSchema,
      kwargs: Object.freeze({ ...(options.kwargs ?? {}) }),
      rewardThreshold: options.rewardThreshold,
      nondeterministic: options.nondeterministic ?? false,
      maxEpisodeSteps: options.maxEpisodeSteps,
      orderEnforce: options.orderEnforce ?? true,
      disableEnvChecker: options.disableEnvChecker ?? false,
      additionalWrappers: Object.freeze([...(options.additionalWrappers ?? [])]),
      description: options.description,
    });
    this.specs.set(options.id, spec);
    return spec;
  }

  /** Whether `id` is registered. */
  has(id: string): boolean {
    return this.specs.has(id);
  }

  /** Removes a registration (mostly for tests). */
  unregister(id: string): boolean {
    return this.specs.delete(id);
  }

  /** Every registered id, sorted. */
  ids(): string[] {
    return [...this.specs.keys()].sort();
  }

  /** Every registration, sorted by id. */
  all(): EnvSpec[] {
    return this.ids().map((id) => this.specs.get(id)!);
  }

  /** The id of the latest version of each registered environment. */
  private latestIds(): string[] {
    const latest = new Map<string, EnvSpec>();
    for (const spec of this.specs.values()) {
      const key = `${spec.namespace ?? ''}/${spec.name}`;
      const current = latest.get(key);
      if (current === undefined || (spec.version ?? -1) > (current.version ?? -1)) latest.set(key, spec);
    }
    return [...latest.values()].map((s) => s.id);
  }

  /**
   * The registration of `id`. An unknown id fails with suggestions (`NameNotFoundError`), an older version with
   * the latest one (`DeprecatedEnvError`), a version that never existed with the ones that do
   * (`VersionNotFoundError`).
   */
  spec(id: string): EnvSpec {
    const found = this.specs.get(id);
    if (found !== undefined) return found;
    let parts;
    try {
      parts = parseEnvId(id);
    } catch {
      throw new NameNotFoundError(id, closestMatches(id, this.latestIds()));
    }
    const siblings = this.all().filter((s) => s.namespace === parts.namespace && s.name === parts.name);
    if (siblings.length === 0) {
      const namespaceKnown =
        parts.namespace === undefined || this.all().some((s) => s.namespace === parts.namespace);
      const hint = namespaceKnown ? '' : ` The namespace \`${parts.namespace}\` has no environments.`;
      throw new NameNotFoundError(id, closestMatches(id, this.latestIds()), hint);
    }
    const versions = siblings
      .map((s) => s.version)
      .filter((v): v is number => v !== undefined)
      .sort((a, b) => a - b);
    const latest = versions.at(-1);
    const unversioned = formatEnvId({ ...parts, version: undefined });
    if (parts.version === undefined) {
      const latestId = formatEnvId({ ...parts, version: latest });
      throw new VersionNotFoundError(
        id,
        versions,
        `Environment \`${id}\` needs a version: use \`${latestId}\` (available: ${versions.map((v) => `v${v}`).join(', ')}).`,
      );
    }
    if (latest !== undefined && parts.version < latest) {
      throw new DeprecatedEnvError(id, formatEnvId({ ...parts, version: latest }));
    }
    throw new VersionNotFoundError(
      id,
      versions,
      `Environment version \`v${parts.version}\` of \`${unversioned}\` does not exist; ` +
        `it provides ${versions.map((v) => `\`${formatEnvId({ ...parts, version: v })}\``).join(', ')}.`,
    );
  }
}
