// Reading a safety constraint's `config`: typed values with defaults, and one error that says which key is wrong
// and how to fix it. A detector that meets a bad config throws it, and the engine applies the constraint's `on_error`.
import { LoopGymError, describeValue } from '../../core/errors.js';
import type { SafetyConstraintProgram } from '../../lss/compile/loop-program.js';

/**
 * A safety constraint's `config` holds a value its detector cannot use (or lacks one it needs).
 *
 * @example
 * ```ts
 * try {
 *   detector.inspect(check);
 * } catch (error) {
 *   if (error instanceof SafetyConfigError) console.log(error.constraintId, error.key);
 * }
 * ```
 */
export class SafetyConfigError extends LoopGymError {
  readonly constraintId: string;
  /** The config key at fault (`undefined` when the problem is not one key). */
  readonly key: string | undefined;

  constructor(constraint: SafetyConstraintProgram, key: string | undefined, problem: string) {
    const where =
      key === undefined
        ? `Safety constraint \`${constraint.id}\` (${constraint.type})`
        : `Safety constraint \`${constraint.id}\` (${constraint.type}): config \`${key}\``;
    super(`${where} ${problem}`, { code: 'safety-config' });
    this.constraintId = constraint.id;
    this.key = key;
  }
}

/** Bounds of a number read from config. */
export interface NumberBounds {
  minimum?: number;
  maximum?: number;
  integer?: boolean;
}

/**
 * A number from the constraint's config, or `fallback` when the key is absent (or `null`).
 *
 * @example
 * ```ts
 * configNumber(constraint, 'entropy_threshold', 4.5, { minimum: 0, maximum: 8 }); // 4.5 when not written
 * ```
 */
export function configNumber<Fallback extends number | undefined>(
  constraint: SafetyConstraintProgram,
  key: string,
  fallback: Fallback,
  bounds: NumberBounds = {},
): number | Fallback {
  const value = constraint.config[key];
  if (value === undefined || value === null) return fallback;
  const range = describeBounds(bounds);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SafetyConfigError(constraint, key, `must be a number${range}, got ${describeValue(value)}.`);
  }
  const outside =
    (bounds.minimum !== undefined && value < bounds.minimum) ||
    (bounds.maximum !== undefined && value > bounds.maximum) ||
    (bounds.integer === true && !Number.isInteger(value));
  if (outside) throw new SafetyConfigError(constraint, key, `must be a number${range}, got ${value}.`);
  return value;
}

function describeBounds(bounds: NumberBounds): string {
  const kind = bounds.integer === true ? ' (a whole number)' : '';
  if (bounds.minimum !== undefined && bounds.maximum !== undefined) {
    return `${kind} from ${bounds.minimum} to ${bounds.maximum}`;
  }
  if (bounds.minimum !== undefined) return `${kind} of at least ${bounds.minimum}`;
  return kind;
}

/**
 * A boolean from the constraint's config, or `fallback` when the key is absent.
 *
 * @example
 * ```ts
 * configBoolean(constraint, 'block_private_ip', true);
 * ```
 */
export function configBoolean(constraint: SafetyConstraintProgram, key: string, fallback: boolean): boolean {
  const value = constraint.config[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') {
    throw new SafetyConfigError(constraint, key, `must be true or false, got ${describeValue(value)}.`);
  }
  return value;
}

/**
 * A string from the constraint's config, or `undefined` when the key is absent.
 *
 * @example
 * ```ts
 * configString(constraint, 'required_key_prefix'); // 'run:{run_id}:'
 * ```
 */
export function configString(constraint: SafetyConstraintProgram, key: string): string | undefined {
  const value = constraint.config[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new SafetyConfigError(constraint, key, `must be a string, got ${describeValue(value)}.`);
  }
  return value;
}

/**
 * A list of strings from the constraint's config, or `undefined` when the key is absent. A single string is read as
 * a list of one.
 *
 * @example
 * ```ts
 * configStringList(constraint, 'allowed_domains'); // ['arxiv.org', '*.edu']
 * ```
 */
export function configStringList(constraint: SafetyConstraintProgram, key: string): string[] | undefined {
  const value = constraint.config[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw new SafetyConfigError(constraint, key, `must be a list of strings, got ${describeValue(value)}.`);
  }
  return value;
}

/**
 * Checks that every name of a config list is one the detector knows, so that a typo fails loudly instead of turning
 * a check off.
 *
 * @example
 * ```ts
 * checkKnownNames(constraint, 'categories', ['email', 'phone'], ['email', 'phone', 'ssn']);
 * ```
 */
export function checkKnownNames(
  constraint: SafetyConstraintProgram,
  key: string,
  names: readonly string[],
  known: readonly string[],
): void {
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  throw new SafetyConfigError(
    constraint,
    key,
    `names ${unknown.map((name) => `\`${name}\``).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not known. ` +
      `Use some of: ${known.join(', ')}.`,
  );
}
