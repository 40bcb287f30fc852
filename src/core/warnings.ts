/** Receives LoopGym's warnings (contract problems that are not fatal, deprecated use, …). */
export type WarningHandler = (message: string) => void;

const seen = new Set<string>();
let handler: WarningHandler = (message) => {
  process.emitWarning(message, { code: 'LOOPGYM' });
};

/**
 * Reports a warning once per distinct message (Gymnasium's `logger.warn`). By default it goes to Node's
 * `process.emitWarning`; {@link setWarningHandler} redirects it (tests, loggers).
 *
 * @example
 * ```ts
 * warnOnce('The observation is outside the observation space.');
 * ```
 */
export function warnOnce(message: string): void {
  if (seen.has(message)) return;
  seen.add(message);
  handler(message);
}

/**
 * Replaces the warning handler and returns the previous one.
 *
 * @example
 * ```ts
 * const messages: string[] = [];
 * const previous = setWarningHandler((m) => messages.push(m));
 * ```
 */
export function setWarningHandler(next: WarningHandler): WarningHandler {
  const previous = handler;
  handler = next;
  seen.clear();
  return previous;
}
