import { EnvCheckError } from '../core/errors.js';

/** The state of one `checkEnv` run: where warnings collect and how failures are reported. */
export class CheckContext {
  readonly warnings: string[] = [];
  readonly checks: string[] = [];
  /** Names the environment in messages. */
  readonly subject: string;

  constructor(subject: string) {
    this.subject = subject;
  }

  /** Records a suspicious finding (once per distinct message). */
  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /** Fails the check with an `EnvCheckError` naming the environment. */
  fail(message: string, cause?: unknown): never {
    throw new EnvCheckError(`checkEnv(${this.subject}): ${message}`, cause === undefined ? {} : { cause });
  }

  /** Runs one named check, recording its name. */
  async run(name: string, check: () => Promise<void> | void): Promise<void> {
    await check();
    this.checks.push(name);
  }

  /** Calls into the environment; anything it throws fails the check with `what` and the error. */
  async call<T>(what: string, action: () => T | Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      if (error instanceof EnvCheckError) throw error;
      return this.fail(`${what} threw ${describeError(error)}`, error);
    }
  }
}

/** `Name: message` for an error, or the value's text. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
