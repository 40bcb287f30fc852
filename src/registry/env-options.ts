import { z } from 'zod';
import { InvalidArgumentError } from '../core/errors.js';
import type { EnvSpec } from '../core/env-spec.js';
import { closestMatches } from './closest-matches.js';

/** `is_slippery` → `isSlippery`: Gymnasium's keyword names are accepted and mapped to LoopGym's. */
export function toCamelCase(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * The constructor options of `spec` with `given` applied: snake_case keys mapped to camelCase, the registered
 * defaults (`spec.kwargs`) underneath, validated by the spec's schema. Unknown or invalid options fail with an
 * `InvalidArgumentError` that names the option and, for a typo, the closest valid one.
 *
 * @example
 * ```ts
 * resolveEnvOptions(spec('FrozenLake-v1'), { is_slippery: false }); // { isSlippery: false, mapName: '4x4', ... }
 * ```
 */
export function resolveEnvOptions(spec: EnvSpec, given: Record<string, unknown>): Record<string, unknown> {
  const normalized: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    const camel = toCamelCase(key);
    if (camel !== key && Object.hasOwn(given, camel)) {
      throw new InvalidArgumentError(
        `Option \`${key}\` and \`${camel}\` of ${spec.id} are the same option; give it once.`,
      );
    }
    normalized[camel] = value;
  }
  const merged = { ...spec.kwargs, ...normalized };
  const schema = spec.optionsSchema;
  if (schema === undefined) return merged;
  const known = Object.keys(schema.shape);
  for (const key of Object.keys(merged)) {
    if (!known.includes(key)) {
      const suggestions = closestMatches(key, known);
      const hint = suggestions.length > 0 ? ` Did you mean \`${suggestions[0]}\`?` : '';
      const list =
        known.length > 0
          ? ` Valid options: ${known.map((k) => `\`${k}\``).join(', ')}.`
          : ' It takes no options.';
      throw new InvalidArgumentError(`${spec.id} has no option \`${key}\`.${hint}${list}`);
    }
  }
  const parsed = schema.safeParse(merged);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => describeIssue(issue, [], merged));
    const text = problems.join('; ');
    throw new InvalidArgumentError(
      `Invalid options for ${spec.id}: ${text}${/[.?!]$/.test(text) ? '' : '.'}`,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

type Issue = z.core.$ZodIssue;

/**
 * One problem as `path: what is wrong`. A union (e.g. one value or a list of them) is explained by the alternative
 * that got furthest, and a value outside an enum lists the allowed values and the closest one.
 */
function describeIssue(issue: Issue, prefix: readonly PropertyKey[], input: unknown): string {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const furthest = issue.errors
      .map((branch) => branch[0])
      .filter((first): first is Issue => first !== undefined)
      .reduce<Issue | undefined>((best, candidate) => {
        if (best === undefined) return candidate;
        if (candidate.path.length !== best.path.length)
          return candidate.path.length > best.path.length ? candidate : best;
        return best.code === 'invalid_type' && candidate.code !== 'invalid_type' ? candidate : best;
      }, undefined);
    if (furthest !== undefined) return describeIssue(furthest, path, input);
  }
  const where = path.length > 0 ? `\`${path.map(String).join('.')}\`` : 'options';
  if (issue.code === 'invalid_value') {
    const received = valueAt(input, path);
    const allowed = issue.values.map((value) => JSON.stringify(value));
    const strings = issue.values.filter((value): value is string => typeof value === 'string');
    const closest = typeof received === 'string' ? closestMatches(received, strings)[0] : undefined;
    const hint = closest === undefined ? '' : ` Did you mean ${JSON.stringify(closest)}?`;
    return `${where}: ${JSON.stringify(received)} is not one of ${allowed.join(', ')}.${hint}`;
  }
  return `${where}: ${issue.message}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * A description of each option of `spec` (type, default, description) for `loopgym info` and docs.
 *
 * @example
 * ```ts
 * describeEnvOptions(spec('CartPole-v1')); // [{ name: 'suttonBartoReward', type: 'boolean', default: false, ... }]
 * ```
 */
export function describeEnvOptions(
  spec: EnvSpec,
): { name: string; type: string; default: unknown; description: string | undefined }[] {
  const schema = spec.optionsSchema;
  if (schema === undefined) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<
      string,
      { type?: unknown; default?: unknown; description?: string; enum?: unknown[]; anyOf?: unknown[] }
    >;
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    type: describeType(property),
    default: Object.hasOwn(spec.kwargs, name) ? spec.kwargs[name] : property.default,
    description: property.description,
  }));
}

function describeType(property: { type?: unknown; enum?: unknown[]; anyOf?: unknown[] }): string {
  if (property.enum !== undefined) return property.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (Array.isArray(property.type)) return property.type.join(' | ');
  if (typeof property.type === 'string') return property.type;
  if (property.anyOf !== undefined) {
    return property.anyOf.map((p) => describeType(p as { type?: unknown })).join(' | ');
  }
  return 'any';
}
