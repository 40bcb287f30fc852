import type { Command } from 'commander';
import { defaultRegistry } from '../../registry/default-registry.js';
import { describeEnvOptions } from '../../registry/env-options.js';
import { make } from '../../registry/make.js';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../format-table.js';

/**
 * `loopgym info <id> [--json]`: an environment's spaces, limits, render modes and options.
 *
 * @example
 * ```sh
 * loopgym info FrozenLake-v1
 * ```
 */
export function addInfoCommand(program: Command, io: CliIo): void {
  program
    .command('info')
    .description("Show an environment's spaces, limits, render modes and options")
    .argument('<id>', 'environment id, e.g. CartPole-v1')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ loopgym info CartPole-v1\n  $ loopgym info Taxi-v4 --json')
    .action(async (id: string, options: { json?: boolean }) => {
      const spec = defaultRegistry.spec(id);
      const env = make(spec, { disableEnvChecker: true });
      const facts = {
        id: spec.id,
        description: spec.description ?? null,
        observationSpace: env.observationSpace.toString(),
        actionSpace: env.actionSpace.toString(),
        maxEpisodeSteps: spec.maxEpisodeSteps ?? null,
        rewardThreshold: spec.rewardThreshold ?? null,
        nondeterministic: spec.nondeterministic,
        renderModes: [...env.metadata.renderModes],
        vectorized: spec.vectorEntryPoint !== undefined,
        options: describeEnvOptions(spec),
      };
      await env.close();
      if (options.json === true) {
        io.out(
          JSON.stringify(
            {
              ...facts,
              observationSpaceJson: env.observationSpace.toJSON(),
              actionSpaceJson: env.actionSpace.toJSON(),
            },
            null,
            2,
          ),
        );
        return;
      }
      const lines = [
        facts.id + (facts.description === null ? '' : ` — ${facts.description}`),
        '',
        `Observation space  ${facts.observationSpace}`,
        `Action space       ${facts.actionSpace}`,
        `Max episode steps  ${facts.maxEpisodeSteps ?? 'none'}`,
        `Reward threshold   ${facts.rewardThreshold ?? 'none'}`,
        `Render modes       ${facts.renderModes.join(', ') || 'none'}`,
        `Native vector env  ${facts.vectorized ? 'yes' : 'no'}`,
        `Nondeterministic   ${facts.nondeterministic ? 'yes' : 'no'}`,
      ];
      if (facts.options.length > 0) {
        lines.push('', 'Options (make(id, {...}) or --option key=value):');
        lines.push(
          formatTable(
            ['NAME', 'TYPE', 'DEFAULT', 'DESCRIPTION'],
            facts.options.map((o) => [
              o.name,
              o.type,
              o.default === undefined ? '-' : JSON.stringify(o.default),
              o.description ?? '',
            ]),
          ),
        );
      }
      io.out(lines.join('\n'));
    });
}
