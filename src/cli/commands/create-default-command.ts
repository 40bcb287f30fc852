import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { createRunAgent } from '../../config/create-run-agent.js';
import { createRunEnvironment } from '../../config/create-run-environment.js';
import { DEFAULT_CONFIG_AGENTS, defaultRunConfigText } from '../../config/default-run-config.js';
import { parseRunConfig } from '../../config/load-run-config.js';
import { InvalidArgumentError } from '../../core/errors.js';
import { writeFileAtomic } from '../../train/training-checkpoint.js';
import type { CliIo } from '../cli-io.js';

interface CreateDefaultFlags {
  output: string;
  agent: string;
  env?: string;
  name?: string;
  force?: boolean;
  json?: boolean;
}

/**
 * `loopgym create-default`: writes a complete, commented run config that trains as is (checked before it is
 * written: the environment exists and the agent fits its spaces). Refuses to overwrite a file without `--force`;
 * `-o -` prints it.
 *
 * @example
 * ```sh
 * loopgym create-default -o run.yaml --agent q-learning --env Taxi-v4
 * ```
 */
export function addCreateDefaultCommand(program: Command, io: CliIo): void {
  program
    .command('create-default')
    .description('Write a complete, commented run config that runs as is')
    .option('-o, --output <file>', 'where to write it (- for standard output)', 'run.yaml')
    .option('-a, --agent <name>', `the agent: ${DEFAULT_CONFIG_AGENTS.join(', ')}`, 'dqn')
    .option('-e, --env <id>', 'the environment (default: the agent’s usual one)')
    .option('--name <name>', 'the run’s name (default <env>-<agent>)')
    .option('-f, --force', 'overwrite the file if it exists')
    .option('--json', 'print what was written as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ loopgym create-default                                  # run.yaml: DQN on CartPole-v1\n' +
        '  $ loopgym create-default -o taxi.yaml --agent q-learning --env Taxi-v4\n' +
        '  $ loopgym create-default --agent ppo -o - | less\n' +
        '\nThen: loopgym train -c run.yaml; loopgym eval -c run.yaml; loopgym compare <run> <run>.\n' +
        'Exit codes: 0 written, 1 not written (file exists, unknown agent or environment, agent does not fit), 2 usage.',
    )
    .action(async (flags: CreateDefaultFlags) => {
      const text = defaultRunConfigText({ agent: flags.agent, env: flags.env, name: flags.name });
      const toStdout = flags.output === '-';
      // Check that it runs: valid, the environment exists, the agent fits the environment's spaces.
      const config = parseRunConfig(text, { file: toStdout ? 'run.yaml' : flags.output });
      const env = await createRunEnvironment(config);
      try {
        await createRunAgent(config, env);
      } finally {
        await env.close();
      }
      if (toStdout) {
        io.out(text);
        return;
      }
      if (existsSync(flags.output) && flags.force !== true) {
        throw new InvalidArgumentError(
          `${flags.output} exists; give --force to overwrite it, or -o another file.`,
        );
      }
      writeFileAtomic(flags.output, text);
      if (flags.json === true) {
        io.out(
          JSON.stringify(
            { file: flags.output, name: config.name, agent: flags.agent, env: config.envLabel },
            null,
            2,
          ),
        );
        return;
      }
      io.out(`Wrote ${flags.output}: ${flags.agent} on ${config.envLabel} (run name ${config.name}).`);
      io.out(`Train it with:  loopgym train -c ${flags.output}`);
    });
}
