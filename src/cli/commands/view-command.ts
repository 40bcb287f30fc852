import type { Command } from 'commander';
import { DEFAULT_VIEWER_PORT, startViewer } from '../../viewer/start-viewer.js';
import type { CliIo } from '../cli-io.js';
import { parseCount } from '../parse-options.js';
import { requireStore, type StoreCommandOptions } from './open-existing-store.js';
import { waitForSignal } from '../wait-for-signal.js';

/** The flags of `loopgym view`, as commander hands them over. */
interface ViewFlags {
  port: string;
  host: string;
  store?: string | undefined;
}

/**
 * Options of {@link addViewCommand}.
 *
 * @example
 * ```ts
 * addViewCommand(program, io, { waitForStop: () => new Promise((resolve) => setTimeout(resolve, 1000)) });
 * ```
 */
export interface ViewCommandOptions extends StoreCommandOptions {
  /** Resolves when the viewer should stop (default: Ctrl-C or SIGTERM). */
  waitForStop?: (() => Promise<void>) | undefined;
  /** Called with the viewer's URL once it listens (tests). */
  onListening?: ((url: string) => void) | undefined;
}

/**
 * `loopgym view [--port 8788] [--host 127.0.0.1] [--store path]`: serves the web viewer over the run store until
 * Ctrl-C. Prints the URL on stdout.
 *
 * @example
 * ```sh
 * loopgym view --port 0 --store results/runs.db
 * ```
 */
export function addViewCommand(program: Command, io: CliIo, options: ViewCommandOptions = {}): void {
  program
    .command('view')
    .description('Serve the web viewer over the run store (runs, episodes, comparisons, live while runs go)')
    .option('-p, --port <port>', 'port to listen on (0 for a free one)', String(DEFAULT_VIEWER_PORT))
    .option(
      '--host <host>',
      'address to listen on (other machines can reach it only if you say so)',
      '127.0.0.1',
    )
    .option('--store <path>', 'the store file (default $LOOPGYM_STORE, else .loopgym/loopgym.db)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ loopgym view\n  $ loopgym view --port 0 --store results/runs.db\n' +
        '\nOpen the printed URL in a browser. Pages refresh while an evaluation writes to the store.',
    )
    .action(async (flags: ViewFlags) => {
      const port = parseCount('--port', flags.port);
      const store = requireStore(flags.store, options.environment ?? process.env);
      try {
        const viewer = await startViewer({ store, host: flags.host, port });
        io.out(viewer.url);
        io.err(`Viewing ${store.path} at ${viewer.url} (stop with Ctrl-C).`);
        options.onListening?.(viewer.url);
        await (options.waitForStop ?? waitForSignal)();
        await viewer.close();
        io.err('Viewer stopped.');
      } finally {
        store.close();
      }
    });
}
