/** Where the CLI writes; injectable so commands can be tested without a terminal. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether progress bars may be drawn (stderr is a terminal). */
  interactive: boolean;
}

/**
 * The process's own streams.
 *
 * @example
 * ```ts
 * const io = processIo();
 * io.out('hello');
 * ```
 */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    interactive: process.stderr.isTTY,
  };
}
