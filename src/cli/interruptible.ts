// How long-running commands stop: Ctrl-C (once: stop cleanly; twice: quit now), or a signal a test passes in.
import type { CliIo } from './cli-io.js';

/** What a command that can be interrupted is given (tests inject `signal` and turn SIGINT handling off). */
export interface InterruptOptions {
  /** Stops the command as Ctrl-C does. */
  signal?: AbortSignal | undefined;
  /** Listen to SIGINT (default true). */
  handleSigint?: boolean | undefined;
}

/**
 * A stop signal for a long-running command: aborted by the injected `signal` (even one aborted already) or by the
 * first Ctrl-C, which prints `message`; a second Ctrl-C exits with 130 at once. `dispose` removes the listeners.
 *
 * @example
 * ```ts
 * const stop = interruptible(io, options, 'Stopping after this episode (Ctrl-C again to quit now).');
 * try { await work(stop.signal); } finally { stop.dispose(); }
 * ```
 */
export function interruptible(
  io: CliIo,
  options: InterruptOptions,
  message: string,
): { signal: AbortSignal; dispose: () => void } {
  const stop = new AbortController();
  const onExternalAbort = (): void => stop.abort();
  // A signal that fired before this point (while a config loaded) would never call the listener.
  if (options.signal?.aborted === true) stop.abort();
  else options.signal?.addEventListener('abort', onExternalAbort, { once: true });
  const onSigint = (): void => {
    if (stop.signal.aborted) process.exit(130);
    io.err(message);
    stop.abort();
  };
  if (options.handleSigint !== false) process.on('SIGINT', onSigint);
  return {
    signal: stop.signal,
    dispose: () => {
      process.off('SIGINT', onSigint);
      options.signal?.removeEventListener('abort', onExternalAbort);
    },
  };
}
