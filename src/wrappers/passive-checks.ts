import type { Space } from '../core/space.js';

/** What a contract check found: `errors` break the Env contract, `warnings` are suspicious but allowed. */
export interface CheckFindings {
  errors: string[];
  warnings: string[];
}

function isSpace(value: unknown): value is Space<unknown, unknown> {
  const candidate = value as Partial<Space<unknown, unknown>> | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.contains === 'function' &&
    typeof candidate.sample === 'function'
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const values = value as unknown as ArrayLike<number>;
    for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return true;
  }
  return false;
}

/**
 * Checks that an environment declares its spaces (Gymnasium's `check_space` for both).
 *
 * @example
 * ```ts
 * checkSpaces({ observationSpace: new Discrete(2), actionSpace: new Discrete(2) }).errors; // []
 * ```
 */
export function checkSpaces(env: { observationSpace: unknown; actionSpace: unknown }): CheckFindings {
  const findings: CheckFindings = { errors: [], warnings: [] };
  for (const [name, space] of [
    ['observationSpace', env.observationSpace],
    ['actionSpace', env.actionSpace],
  ] as const) {
    if (!isSpace(space))
      findings.errors.push(`The environment's ${name} must be a Space (with contains and sample).`);
  }
  return findings;
}

/**
 * Checks one observation against the observation space (`method` names where it came from, e.g. `reset`).
 *
 * @example
 * ```ts
 * checkObservation(7, new Discrete(4), 'step').warnings; // ['The observation returned by step() is not within …']
 * ```
 */
export function checkObservation(
  observation: unknown,
  space: Space<unknown, unknown>,
  method: string,
): CheckFindings {
  const findings: CheckFindings = { errors: [], warnings: [] };
  if (hasNonFinite(observation))
    findings.warnings.push(`The observation returned by ${method}() contains NaN or infinite values.`);
  try {
    if (!space.contains(observation)) {
      findings.warnings.push(
        `The observation returned by ${method}() is not within the observation space ${String(space)}.`,
      );
    }
  } catch (error) {
    findings.warnings.push(`Checking the observation returned by ${method}() failed: ${String(error)}`);
  }
  return findings;
}

/**
 * Checks a reset result: an object with `observation` and a plain-object `info`.
 *
 * @example
 * ```ts
 * checkResetResult({ observation: 0, info: {} }, new Discrete(2)).errors; // []
 * ```
 */
export function checkResetResult(result: unknown, space: Space<unknown, unknown>): CheckFindings {
  if (!isPlainObject(result) || !('observation' in result) || !('info' in result)) {
    return { errors: ['reset() must return an object {observation, info}.'], warnings: [] };
  }
  const findings = checkObservation(result.observation, space, 'reset');
  if (!isPlainObject(result.info))
    findings.errors.push(`The info returned by reset() must be a plain object.`);
  return findings;
}

/**
 * Checks a step result: the five fields with the right types (a number reward, boolean flags, a plain-object info).
 *
 * @example
 * ```ts
 * checkStepResult({ observation: 0, reward: 1, terminated: false, truncated: false, info: {} }, new Discrete(2));
 * ```
 */
export function checkStepResult(result: unknown, space: Space<unknown, unknown>): CheckFindings {
  const fields = ['observation', 'reward', 'terminated', 'truncated', 'info'];
  if (!isPlainObject(result) || !fields.every((f) => f in result)) {
    return { errors: [`step() must return an object {${fields.join(', ')}}.`], warnings: [] };
  }
  const findings = checkObservation(result.observation, space, 'step');
  for (const flag of ['terminated', 'truncated'] as const) {
    if (typeof result[flag] !== 'boolean') {
      findings.errors.push(`step() must return a boolean \`${flag}\`, got ${typeof result[flag]}.`);
    }
  }
  if (typeof result.reward !== 'number') {
    findings.errors.push(`step() must return a number \`reward\`, got ${typeof result.reward}.`);
  } else if (Number.isNaN(result.reward)) {
    findings.warnings.push('The reward returned by step() is NaN.');
  } else if (!Number.isFinite(result.reward)) {
    findings.warnings.push('The reward returned by step() is infinite.');
  }
  if (!isPlainObject(result.info))
    findings.errors.push('The info returned by step() must be a plain object.');
  return findings;
}
