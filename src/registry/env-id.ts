import { RegistrationError } from '../core/errors.js';

/** The parts of an environment id `[namespace/]name[-vN]`. */
export interface EnvIdParts {
  namespace: string | undefined;
  name: string;
  version: number | undefined;
}

const ENV_ID = /^(?:(?<namespace>[\w:-]+)\/)?(?<name>[\w:.-]+?)(?:-v(?<version>\d+))?$/;

/**
 * Splits an id into namespace, name and version, as Gymnasium's `parse_env_id`.
 *
 * @example
 * ```ts
 * parseEnvId('loopbench/code-repair-v1'); // { namespace: 'loopbench', name: 'code-repair', version: 1 }
 * ```
 */
export function parseEnvId(id: string): EnvIdParts {
  const match = ENV_ID.exec(id);
  if (match?.groups === undefined) {
    throw new RegistrationError(
      `Malformed environment id \`${id}\`: expected \`[namespace/]name[-vN]\`, e.g. \`CartPole-v1\` or \`loopbench/code-repair-v1\`.`,
    );
  }
  const { namespace, name, version } = match.groups;
  return { namespace, name: name!, version: version === undefined ? undefined : Number(version) };
}

/** Joins id parts back into an id. */
export function formatEnvId(parts: EnvIdParts): string {
  const base = parts.namespace === undefined ? parts.name : `${parts.namespace}/${parts.name}`;
  return parts.version === undefined ? base : `${base}-v${parts.version}`;
}
