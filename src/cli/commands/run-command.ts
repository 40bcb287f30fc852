import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { RandomAgent } from '../../agents/random-agent.js';
import { InvalidArgumentError } from '../../core/errors.js';
import type { Env } from '../../core/env.js';
import { runEpisodes } from '../../eval/run-episodes.js';
import { defaultRegistry } from '../../registry/default-registry.js';
import { make } from '../../registry/make.js';
import type { LoopInfo } from '../../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../../loop/gym/loop-spaces.js';
import type { CliIo } from '../cli-io.js';
import { runLoop } from './run-loop.js';
import { parseModelOverrides } from '../../backends/live/live-backend.js';
import { probabilisticHumanGate, scriptedHumanGate, type HumanGate } from '../../loop/human-gate.js';
import { terminalHumanGate } from '../terminal-human-gate.js';
import { lazyStoreMemoryBackend } from '../lazy-store-memory-backend.js';
import { startCliTracing } from '../cli-tracing.js';
import { formatNumber } from '../format-table.js';
import { parseCount, parseKeyValues } from '../parse-options.js';
import { addReplayFlags, replayOptionsOf, type ReplayFlags } from '../replay-flags.js';
import { parsePerturbationFlag } from '../../loop/perturbations/parse-perturbation-flag.js';

interface RunFlags extends ReplayFlags {
  episodes?: string;
  backend?: string;
  task?: string;
  tasks?: string;
  human?: string;
  model?: string;
  seed?: string;
  agent: string;
  render?: boolean;
  maxSteps?: string;
  option: string[];
  json?: boolean;
  store?: string;
  perturb: string[];
  taskPerturbations: boolean;
}

const AGENTS = ['random'];

/**
 * `loopgym run <id> --episodes N --seed S --agent random [--render] [--json]`: runs episodes and prints each
 * episode's return and a summary.
 *
 * @example
 * ```sh
 * loopgym run FrozenLake-v1 --episodes 3 --seed 0 --render
 * ```
 */
export function addRunCommand(program: Command, io: CliIo): void {
  const command = program
    .command('run')
    .description('Run an agent in an environment and report per-episode returns')
    .argument(
      '<id>',
      'environment id (CartPole-v1, loopbench/code-repair-v1) or an LSS spec file (loop.yaml)',
    )
    .option('-n, --episodes <count>', 'number of episodes (default 10, 1 for loops)')
    .option('-b, --backend <name>', 'loops: who answers model calls (sim, live, replay)', 'sim')
    .option(
      '-m, --model <ids>',
      'loops: models replacing the spec’s: provider:model, or caller=provider:model,…',
    )
    .option('-t, --task <id>', 'loops: run this task (default: drawn from the seed)')
    .option('--tasks <file>', 'loops: a tasks.json for a spec file (default: the spec’s inputs.examples)')
    .option(
      '--human <mode>',
      'loops: who answers human gates: approve, reject, prompt (ask here), or a probability 0..1',
      'approve',
    )
    .option(
      '--perturb <name[:key=value,…]>',
      'loops: apply a perturbation to every episode (repeatable), e.g. api_latency:seconds=5',
      collect,
      [],
    )
    .option('--no-task-perturbations', 'loops: do not apply the perturbations the tasks name')
    .option('-s, --seed <seed>', 'episode i is reset with seed + i (and the agent is seeded with it)')
    .option('-a, --agent <name>', `agent: ${AGENTS.join(', ')}`, 'random')
    .option('--render', 'print the ansi render after every reset and step')
    .option('--max-steps <count>', 'override the step limit of each episode')
    .option('-o, --option <key=value>', 'environment option (repeatable), e.g. isSlippery=false', collect, [])
    .option('--json', 'print JSON')
    .option(
      '--store <path>',
      'loops: the run store keeping `persistent` loop memory (default $LOOPGYM_STORE or .loopgym/loopgym.db)',
    );
  addReplayFlags(command)
    .addHelpText(
      'after',
      '\nExamples:\n  $ loopgym run CartPole-v1 --episodes 100 --seed 0\n' +
        '  $ loopgym run FrozenLake-v1 -n 2 -s 42 --render -o isSlippery=false\n' +
        '  $ loopgym run Taxi-v4 --json\n' +
        '  $ loopgym run loopbench/code-repair-v1 --task cr-001 --seed 0\n' +
        '  $ loopgym run my-loop.yaml --tasks tasks.json --json > events.jsonl\n' +
        '  $ loopgym run loopbench/research-synthesis-v1 --backend live --model openai:gpt-4.1-mini\n' +
        '  $ loopgym run replay/loopnet-v1 --records my-runs.jsonl --strict -n 3',
    )
    .action(async (id: string, flags: RunFlags) => {
      const seed = flags.seed === undefined ? undefined : parseCount('--seed', flags.seed);
      if (isLoopTarget(id)) {
        const humanGate = humanGateFor(flags.human ?? 'approve', seed ?? 0);
        const models = flags.model === undefined ? undefined : parseModelOverrides(flags.model);
        const memoryBackend = lazyStoreMemoryBackend(flags.store);
        const services = { memoryBackend };
        const perturbations = flags.perturb.map(parsePerturbationFlag);
        const taskPerturbations = flags.taskPerturbations;
        // Spans of every episode when OTEL_EXPORTER_OTLP_ENDPOINT or LOOPGYM_TRACE_FILE asks for them.
        const tracing = startCliTracing({ envId: id, backend: flags.backend });
        const onEvent = tracing.onEvent;
        const env = /\.(ya?ml|json)$/i.test(id)
          ? make<LoopObservation, LoopAction, LoopInfo>({
              spec: id,
              backend: flags.backend,
              humanGate,
              models,
              services,
              onEvent,
              perturbations,
              taskPerturbations,
              ...(flags.tasks === undefined ? {} : { tasks: flags.tasks }),
            })
          : make<LoopObservation, LoopAction, LoopInfo>(id, {
              backend: flags.backend,
              humanGate,
              models,
              services,
              onEvent,
              perturbations,
              taskPerturbations,
              ...parseKeyValues(flags.option),
            });
        try {
          await runLoop(env, io, {
            episodes: flags.episodes === undefined ? 1 : parseCount('--episodes', flags.episodes),
            seed,
            taskId: flags.task,
            json: flags.json === true,
            render: flags.render === true,
          });
        } finally {
          await env.close();
          memoryBackend.close();
          await tracing.close();
        }
        return;
      }
      const episodes = parseCount('--episodes', flags.episodes ?? '10');
      if (!AGENTS.includes(flags.agent)) {
        throw new InvalidArgumentError(`Unknown agent \`${flags.agent}\`; available: ${AGENTS.join(', ')}.`);
      }
      const spec = defaultRegistry.spec(id);
      const env: Env<unknown, unknown> = make(spec, {
        ...parseKeyValues(flags.option),
        ...replayOptionsOf(flags),
        ...(flags.render === true ? { renderMode: renderModeFor(spec.id, spec) } : {}),
        ...(flags.maxSteps === undefined
          ? {}
          : { maxEpisodeSteps: parseCount('--max-steps', flags.maxSteps) }),
      });
      const agent = new RandomAgent(env.actionSpace, { seed });
      const bar =
        io.interactive && flags.json !== true && flags.render !== true && episodes > 1
          ? new SingleBar({
              format: 'episodes {bar} {value}/{total}  mean return {mean}',
              hideCursor: true,
            })
          : undefined;
      bar?.start(episodes, 0, { mean: '-' });
      let sum = 0;
      const summary = await runEpisodes(env, agent, {
        episodes,
        seed,
        onReset: flags.render === true ? () => printFrame(io, env) : undefined,
        onStep: flags.render === true ? () => printFrame(io, env) : undefined,
        onEpisode: (episode) => {
          sum += episode.return;
          bar?.update(episode.index + 1, { mean: formatNumber(sum / (episode.index + 1)) });
          if (flags.json !== true && bar === undefined) {
            const end = episode.terminated ? 'terminated' : episode.truncated ? 'truncated' : 'stopped';
            io.out(
              `episode ${episode.index + 1}: return ${formatNumber(episode.return)}, length ${episode.length}, ${end}`,
            );
          }
        },
      });
      bar?.stop();
      await env.close();
      if (flags.json === true) {
        io.out(JSON.stringify({ env: spec.id, agent: agent.name, seed: seed ?? null, ...summary }, null, 2));
        return;
      }
      io.out(
        `${summary.episodes.length} episodes of ${spec.id} (${agent.name} agent): ` +
          `mean return ${formatNumber(summary.meanReturn)} ± ${formatNumber(summary.stdReturn)} ` +
          `(min ${formatNumber(summary.minReturn)}, max ${formatNumber(summary.maxReturn)}), ` +
          `mean length ${formatNumber(summary.meanLength)}, ${summary.totalSteps} steps`,
      );
    });
}

/** The human gate of `--human`: approve, reject, prompt (in this terminal) or a probability of approval. */
function humanGateFor(mode: string, seed: number): HumanGate {
  if (mode === 'approve') return scriptedHumanGate(['approve']);
  if (mode === 'reject') return scriptedHumanGate(['reject']);
  if (mode === 'prompt') return terminalHumanGate(process.stdin, (text) => process.stderr.write(text));
  const probability = Number(mode);
  if (mode.trim() !== '' && Number.isFinite(probability) && probability >= 0 && probability <= 1) {
    return probabilisticHumanGate({ approve: probability, seed });
  }
  throw new InvalidArgumentError(
    `--human must be approve, reject, prompt or a probability between 0 and 1; got ${JSON.stringify(mode)}.`,
  );
}

/** A spec file, or a registered loop environment (namespaces `loopbench` and `sim`). */
function isLoopTarget(id: string): boolean {
  if (/\.(ya?ml|json)$/i.test(id)) return true;
  const namespace = id.includes('/') ? id.slice(0, id.indexOf('/')) : undefined;
  return namespace === 'loopbench' || namespace === 'sim';
}

function printFrame(io: CliIo, env: Env<unknown, unknown>): void {
  const frame = env.render();
  if (typeof frame === 'string') io.out(frame);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function renderModeFor(id: string, spec: Parameters<typeof make>[0]): 'ansi' {
  const probe = make(spec, { disableEnvChecker: true });
  if (!probe.metadata.renderModes.includes('ansi')) {
    throw new InvalidArgumentError(
      `${id} has no text render (its render modes: ${probe.metadata.renderModes.join(', ') || 'none'}); --render prints ansi text.`,
    );
  }
  return 'ansi';
}
