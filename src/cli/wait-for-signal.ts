// Long-running commands (a server) wait here until the user stops them.

/**
 * Resolves at the first SIGINT or SIGTERM (and stops listening for them).
 *
 * @example
 * ```ts
 * const server = await startViewer({ store });
 * await waitForSignal();
 * await server.close();
 * ```
 */
export function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
