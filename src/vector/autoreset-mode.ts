import { InvalidArgumentError } from '../core/errors.js';
import type { AutoresetMode } from '../core/vector-env.js';

/** The three autoreset modes of Gymnasium 1.x. */
export const AUTORESET_MODES: readonly AutoresetMode[] = ['next-step', 'same-step', 'disabled'];

/**
 * The autoreset mode a vector environment was given, `next-step` when none; anything else is an error.
 *
 * @example
 * ```ts
 * checkAutoresetMode(undefined); // 'next-step'
 * checkAutoresetMode('same-step'); // 'same-step'
 * ```
 */
export function checkAutoresetMode(mode: AutoresetMode | undefined): AutoresetMode {
  const value = mode ?? 'next-step';
  if (!AUTORESET_MODES.includes(value)) {
    throw new InvalidArgumentError(
      `autoresetMode must be one of ${AUTORESET_MODES.map((m) => `'${m}'`).join(', ')}, got ${JSON.stringify(mode)}.`,
    );
  }
  return value;
}
