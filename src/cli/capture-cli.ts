import type { CliIo } from './cli-io.js';
import { runCli } from './run-cli.js';

/** What one CLI invocation printed and returned. */
export interface CapturedCli {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs the CLI in-process with captured output (for tests and for embedding the CLI in other tools).
 *
 * @example
 * ```ts
 * const { code, out } = await captureCli('validate', 'loop.yaml', '--json');
 * ```
 */
export async function captureCli(...argv: string[]): Promise<CapturedCli> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => (out += text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => (err += text.endsWith('\n') ? text : `${text}\n`),
    interactive: false,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}
