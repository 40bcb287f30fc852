import type { Command } from 'commander';
import { defaultRegistry } from '../../registry/default-registry.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../format-table.js';

/**
 * `loopgym list [--namespace ns] [--json]`: the registered environments.
 *
 * @example
 * ```sh
 * loopgym list --json
 * ```
 */
export function addListCommand(program: Command, io: CliIo): void {
  program
    .command('list')
    .description('List the registered environments')
    .option('--namespace <namespace>', 'only environments of this namespace ("" for none)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ loopgym list\n  $ loopgym list --json')
    .action((options: { namespace?: string; json?: boolean }) => {
      const specs = defaultRegistry
        .all()
        .filter((s) => options.namespace === undefined || (s.namespace ?? '') === options.namespace);
      if (options.json === true) {
        const rows = specs.map((s) => ({
          id: s.id,
          maxEpisodeSteps: s.maxEpisodeSteps ?? null,
          rewardThreshold: s.rewardThreshold ?? null,
          vectorized: s.vectorEntryPoint !== undefined,
          description: s.description ?? null,
        }));
        io.out(JSON.stringify(rows, null, 2));
        return;
      }
      const rows = specs.map((s) => [
        s.id,
        s.maxEpisodeSteps === undefined ? '-' : String(s.maxEpisodeSteps),
        s.rewardThreshold === undefined ? '-' : String(s.rewardThreshold),
        s.description ?? '',
      ]);
      io.out(formatTable(['ID', 'MAX STEPS', 'THRESHOLD', 'DESCRIPTION'], rows));
    });
}
