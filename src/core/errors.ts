/**
 * The errors LoopGym throws. Every error is a {@link LoopGymError}; subclasses carry the data a caller needs to act
 * on them, and their messages say what is wrong and how to fix it.
 *
 * @example
 * ```ts
 * try {
 *   make('CartPol-v1');
 * } catch (error) {
 *   if (error instanceof NameNotFoundError) console.log(error.suggestions); // ['CartPole-v1']
 * }
 * ```
 */
export class LoopGymError extends Error {
  /** A stable machine-readable code, e.g. `name-not-found`. */
  readonly code: string;

  constructor(message: string, options: { cause?: unknown; code?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code ?? 'loopgym-error';
  }
}

/** `step()` (or `render()`) was called before the first `reset()`, or after the episode ended under `Autoreset`-less use. */
export class ResetNeededError extends LoopGymError {
  constructor(message = 'Cannot call step() before reset(). Call env.reset() first.') {
    super(message, { code: 'reset-needed' });
  }
}

/** An action is not an element of the environment's action space. */
export class InvalidActionError extends LoopGymError {
  readonly action: unknown;
  readonly space: string;

  constructor(action: unknown, space: string, detail?: string) {
    super(
      `Invalid action ${describeValue(action)} for action space ${space}` +
        (detail === undefined ? '.' : `: ${detail}`),
      { code: 'invalid-action' },
    );
    this.action = action;
    this.space = space;
  }
}

/** A constructor option, argument or configuration value is invalid. */
export class InvalidArgumentError extends LoopGymError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, code: 'invalid-argument' });
  }
}

/** No environment is registered under the requested name. */
export class NameNotFoundError extends LoopGymError {
  readonly id: string;
  readonly suggestions: readonly string[];

  constructor(id: string, suggestions: readonly string[], hint?: string) {
    const didYouMean =
      suggestions.length === 0
        ? ' Run `loopgym list` to see the registered environments.'
        : ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?`;
    super(`No environment registered with id \`${id}\`.${hint ?? ''}${didYouMean}`, {
      code: 'name-not-found',
    });
    this.id = id;
    this.suggestions = suggestions;
  }
}

/** The environment exists, but not at the requested version. */
export class VersionNotFoundError extends LoopGymError {
  readonly id: string;
  readonly availableVersions: readonly number[];

  constructor(id: string, availableVersions: readonly number[], message: string) {
    super(message, { code: 'version-not-found' });
    this.id = id;
    this.availableVersions = availableVersions;
  }
}

/** The requested version exists but is older than the latest registered one and is no longer provided. */
export class DeprecatedEnvError extends LoopGymError {
  readonly id: string;
  readonly latestId: string;

  constructor(id: string, latestId: string) {
    super(`Environment \`${id}\` is out of date. Use \`${latestId}\` instead.`, { code: 'deprecated-env' });
    this.id = id;
    this.latestId = latestId;
  }
}

/** Registering an environment failed (malformed id, or the id is already taken). */
export class RegistrationError extends LoopGymError {
  constructor(message: string) {
    super(message, { code: 'registration' });
  }
}

/** An environment broke the Env contract (found by `checkEnv` or the passive checker). */
export class EnvCheckError extends LoopGymError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, code: 'env-check' });
  }
}

/** The operation is not available for this object (e.g. synchronous stepping of an asynchronous environment). */
export class UnsupportedOperationError extends LoopGymError {
  constructor(message: string) {
    super(message, { code: 'unsupported-operation' });
  }
}

/** The environment was used after `close()`. */
export class ClosedEnvError extends LoopGymError {
  constructor(message = 'The environment is closed; create a new one with make().') {
    super(message, { code: 'closed-env' });
  }
}

/** A short, bounded rendering of a value for error messages. */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'bigint') text = `${value}n`;
  else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    text = `${value.constructor.name}[${Array.from(value as unknown as ArrayLike<number>).join(', ')}]`;
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
