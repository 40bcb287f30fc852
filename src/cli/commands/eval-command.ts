import type { Command } from 'commander';
import type { AnswerParser } from '../../agents/llm/default-system-prompt.js';
import { parseModelOverrides } from '../../backends/live/live-backend.js';
import { InvalidArgumentError } from '../../core/errors.js';
import type { Env } from '../../core/env.js';
import { evaluate } from '../../eval/evaluate.js';
import type { AgentFactory, EvaluateOptions, EvaluateResult } from '../../eval/evaluate-options.js';
import { summaryRows } from '../../eval/format-eval-summary.js';
import { AGENT_NAMES, namedAgentFactory } from '../../eval/named-agents.js';
import { createModelClient } from '../../models/model-client.js';
import { createModel } from '../../models/provider-registry.js';
import { defaultRegistry } from '../../registry/default-registry.js';
import { make } from '../../registry/make.js';
import { openRunStore } from '../../store/run-store.js';
import type { MemoryBackend } from '../../loop/loop-memory.js';
import { lazyStoreMemoryBackend } from '../lazy-store-memory-backend.js';
import { startCliTracing } from '../cli-tracing.js';
import type { LoopEvent } from '../../loop/events/loop-event.js';
import { CliExit } from '../cli-exit.js';
import type { CliIo } from '../cli-io.js';
import { parseCount, parseKeyValues } from '../parse-options.js';
import { parsePerturbationFlag } from '../../loop/perturbations/parse-perturbation-flag.js';
import { addReplayFlags, replayOptionsOf } from '../replay-flags.js';
import { evalProgressReporter } from '../eval-progress-reporter.js';
import { configEvaluation } from './eval-config-evaluation.js';
import type { EvalFlags, EvalRecipe } from './eval-flags.js';
import { interruptible, type InterruptOptions } from '../interruptible.js';

/** Injections for tests: a stop signal, and whether to listen to SIGINT. */
export type EvalCommandOptions = InterruptOptions;

const PARSERS = ['none', 'xml', 'think'];

/**
 * `loopgym eval <id|spec.yaml>`: evaluates an agent (random, a language model, or a loop's own workers) over many
 * seeded episodes, concurrently, recording every episode in the run store; prints a summary (or `--json`). Ctrl-C
 * stops cleanly, keeps the finished episodes and prints the `--resume` command that continues the run (exit 130).
 *
 * @example
 * ```sh
 * loopgym eval FrozenLake-v1 --agent llm --model openai:gpt-4.1-mini --episodes 50 --concurrency 8
 * loopgym eval --resume 3f2a9c
 * ```
 */
export function addEvalCommand(program: Command, io: CliIo, options: EvalCommandOptions = {}): void {
  const command = program
    .command('eval')
    .description('Evaluate an agent over many seeded episodes and summarize (recorded in the run store)')
    .argument('[target]', 'environment id (FrozenLake-v1, loopbench/code-repair-v1) or an LSS spec file')
    .option(
      '-a, --agent <name>',
      `agent: ${AGENT_NAMES.join(', ')} (default random; loop: the loop’s own workers)`,
    )
    .option('-m, --model <id>', 'the llm agent’s model, provider:model (openai:gpt-4.1-mini, anthropic:…)')
    .option('--system-prompt <text>', 'the llm agent’s instructions (default: from the action space)')
    .option('--parser <name>', `how the llm agent’s answer is read: ${PARSERS.join(', ')} (default none)`)
    .option('-n, --episodes <count>', 'seeds (examples) to play (default 10)')
    .option('-s, --seed <seed>', 'base seed: example i is seeded seed + i (default 0)')
    .option('--seeds <list>', 'explicit seeds, comma-separated (instead of --episodes/--seed)')
    .option('-k, --rollouts-per-example <k>', 'episodes per seed, for pass@k (default 1)')
    .option('-j, --concurrency <count>', 'episodes played at once', '1')
    .option(
      '--max-retries <count>',
      'extra attempts after an infrastructure error (model gave up, timeout)',
      '1',
    )
    .option(
      '--timeout <seconds>',
      'stop an episode attempt after this long (it counts as an infrastructure error)',
    )
    .option('--max-episode-steps <count>', 'stop each episode after this many environment steps')
    .option('--resume <run>', 'continue an interrupted run (id or prefix) with its recorded settings')
    .option('--store <path>', 'the run store (default $LOOPGYM_STORE, else .loopgym/loopgym.db)')
    .option('--json', 'print the summary as JSON')
    .option('-o, --option <key=value>', 'environment option (repeatable), e.g. isSlippery=false', collect, [])
    .option('-b, --backend <name>', 'loops: who answers the other workers’ model calls (sim, live)')
    .option(
      '--loop-model <ids>',
      'live loops: the models of the loop’s own workers and judges, apart from the agent’s --model (provider:model, or caller=provider:model,…)',
    )
    .option('-t, --task <id>', 'loops: play this task in every episode (default: drawn from the seed)')
    .option(
      '--perturb <name[:key=value,…]>',
      'loops: apply a perturbation to every episode (repeatable), e.g. budget_minus_one',
      collect,
      [],
    )
    .option('--no-task-perturbations', 'loops: do not apply the perturbations the tasks name')
    .option('-c, --config <file>', 'evaluate the agent of a run config (see loopgym create-default)')
    .option('--checkpoint <path|latest>', 'with -c: the checkpoint to evaluate (default latest)');
  addReplayFlags(command)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  $ loopgym eval FrozenLake-v1 --episodes 100 --seed 0\n' +
        '  $ loopgym eval FrozenLake-v1 -o isSlippery=false --agent llm --model openai:gpt-4.1-mini --parser xml -j 8\n' +
        '  $ loopgym eval text/wordle-v0 --agent llm --model anthropic:claude-sonnet-4-20250514 -n 20 -k 4 --json\n' +
        '  $ loopgym eval loopbench/code-repair-v1 --agent llm --model openai:gpt-4.1-mini --backend sim -n 5\n' +
        '  $ loopgym eval loopbench/research-synthesis-v1 --agent loop -n 50 -j 4\n' +
        '  $ loopgym eval --resume 3f2a9c            # continue a run stopped with Ctrl-C\n' +
        '  $ loopgym eval -c run.yaml --checkpoint latest   # the trained agent of a run config, greedily\n' +
        '  $ loopgym eval replay/loopnet-v1 --split test -n 200   # outcomes and LES of recorded runs\n' +
        '  $ OPENAI_BASE_URL=http://127.0.0.1:8000/v1 loopgym eval Taxi-v4 --agent llm --model openai:local-model',
    )
    .action(async (target: string | undefined, flags: EvalFlags) => {
      // Loops with `persistent` memory keep it in the run store (opened only if such a loop runs).
      const memoryBackend = lazyStoreMemoryBackend(flags.store);
      const fromConfig =
        flags.config === undefined ? undefined : await configEvaluation(target, flags, memoryBackend);
      const recipe = fromConfig?.recipe ?? recipeOf(target, flags);
      // Loop episodes are traced when OTEL_EXPORTER_OTLP_ENDPOINT or LOOPGYM_TRACE_FILE asks for it.
      const tracing = startCliTracing({ envId: recipe.target, backend: recipe.backend ?? undefined });
      const envFactory =
        fromConfig === undefined
          ? envFactoryOf(recipe, memoryBackend, tracing.onEvent)
          : (fromConfig.evaluation.options.env as () => Promise<Env<unknown, unknown, unknown>>);
      const modelClient =
        fromConfig === undefined && recipe.agent === 'llm' && recipe.model !== null
          ? createModelClient(createModel(recipe.model))
          : undefined;
      const agent =
        fromConfig === undefined
          ? namedAgentFactory<unknown, unknown, unknown>({
              name: recipe.agent,
              model: modelClient,
              systemPrompt: recipe.systemPrompt ?? undefined,
              parser: (recipe.parser ?? undefined) as AnswerParser | undefined,
            })
          : (fromConfig.evaluation.options.agent as AgentFactory<unknown, unknown, unknown>);
      const stop = interruptible(
        io,
        options,
        'Stopping: episodes in flight are dropped, finished ones are kept (Ctrl-C again to quit now).',
      );
      const progress = evalProgressReporter(io, flags.json === true);
      let result: EvaluateResult;
      try {
        const evaluateOptions: EvaluateOptions<unknown, unknown, unknown> = {
          env: envFactory,
          envId: recipe.target,
          agent,
          agentName: recipe.agent === 'llm' ? `llm:${recipe.model ?? ''}` : recipe.agent,
          model: recipe.model ?? undefined,
          backend: recipe.backend ?? undefined,
          concurrency: parseCount('--concurrency', flags.concurrency),
          maxRetries: parseCount('--max-retries', flags.maxRetries),
          timeout: flags.timeout === undefined ? undefined : parseSeconds(flags.timeout),
          store: flags.store ?? undefined,
          signal: stop.signal,
          onProgress: progress.update,
          config: { cli: recipe },
        };
        if (fromConfig !== undefined) {
          Object.assign(evaluateOptions, fromConfig.evaluation.options, {
            store:
              flags.store ??
              (fromConfig.evaluation.config.storePath === false
                ? false
                : fromConfig.evaluation.config.storePath),
            config: fromConfig.evaluation.options.config,
          });
        } else if (flags.resume !== undefined) evaluateOptions.resume = flags.resume;
        else Object.assign(evaluateOptions, planFlags(flags, recipe));
        result = await evaluate(evaluateOptions);
      } finally {
        progress.stop();
        memoryBackend.close();
        await tracing.close();
        stop.dispose();
      }
      printResult(io, result, recipe, flags.json === true);
      if (result.status === 'interrupted' && fromConfig !== undefined) {
        io.err(
          `Interrupted: ${result.summary.episodes} of ${result.summary.plannedEpisodes} episodes recorded in run ` +
            `${result.runId ?? '?'}. Run \`loopgym eval -c ${flags.config ?? ''}\` again to evaluate anew.`,
        );
        throw new CliExit(130);
      }
      if (result.status === 'interrupted') {
        const storeFlag = flags.store === undefined ? '' : ` --store ${flags.store}`;
        io.err(
          `Interrupted: ${result.summary.episodes} of ${result.summary.plannedEpisodes} episodes recorded in run ` +
            `${result.runId ?? '?'}. Continue it with:\n  loopgym eval --resume ${result.runId ?? '?'}${storeFlag}`,
        );
        throw new CliExit(130);
      }
    });
}

/** The recipe of a new run from its flags, or that of the run to resume (the target, if given, must match). */
function recipeOf(target: string | undefined, flags: EvalFlags): EvalRecipe {
  if (flags.resume !== undefined) {
    const store = openRunStore(flags.store);
    let config: unknown;
    try {
      config = store.getRun(flags.resume).config;
    } finally {
      store.close();
    }
    const recipe = (config as { cli?: EvalRecipe } | null)?.cli;
    if (recipe === undefined) {
      throw new InvalidArgumentError(
        `Run ${flags.resume} was not started by \`loopgym eval\`, so the command cannot rebuild its agent; ` +
          'resume it with evaluate({ resume }) from the API.',
      );
    }
    if (target !== undefined && target !== recipe.target) {
      throw new InvalidArgumentError(
        `Run ${flags.resume} evaluated ${recipe.target}, not ${target}; leave the target out to resume it.`,
      );
    }
    return recipe;
  }
  if (target === undefined) {
    throw new InvalidArgumentError(
      'Name what to evaluate (e.g. `loopgym eval FrozenLake-v1`), or give --resume <run>.',
    );
  }
  const agent = flags.agent ?? 'random';
  if (!(AGENT_NAMES as readonly string[]).includes(agent)) {
    throw new InvalidArgumentError(`Unknown agent \`${agent}\`; available: ${AGENT_NAMES.join(', ')}.`);
  }
  if (agent === 'llm' && flags.model === undefined) {
    throw new InvalidArgumentError('--agent llm needs --model provider:model (e.g. openai:gpt-4.1-mini).');
  }
  if (flags.parser !== undefined && !PARSERS.includes(flags.parser)) {
    throw new InvalidArgumentError(`--parser must be one of ${PARSERS.join(', ')}, got \`${flags.parser}\`.`);
  }
  const loop = isLoopTarget(target);
  if (!loop && (flags.backend !== undefined || flags.task !== undefined)) {
    throw new InvalidArgumentError(
      '--backend and --task are for loop environments (loopbench/…, spec files).',
    );
  }
  if (flags.loopModel !== undefined && (!loop || flags.backend !== 'live')) {
    throw new InvalidArgumentError(
      '--loop-model names the models of a live loop’s own workers and judges; use it with a loop and --backend live.',
    );
  }
  if (!loop && agent === 'loop') {
    throw new InvalidArgumentError(
      '--agent loop lets a loop’s own workers act; it needs a loop environment.',
    );
  }
  return {
    target,
    agent,
    model: flags.model ?? null,
    loopModel: flags.loopModel ?? null,
    systemPrompt: flags.systemPrompt ?? null,
    parser: flags.parser ?? null,
    options: {
      ...parseKeyValues(flags.option),
      ...replayOptionsOf(flags),
      ...(flags.perturb.length === 0 ? {} : { perturbations: flags.perturb.map(parsePerturbationFlag) }),
      ...(flags.taskPerturbations ? {} : { taskPerturbations: false }),
    },
    backend: loop ? (flags.backend ?? 'sim') : null,
    task: flags.task ?? null,
  };
}

/** The seeds and limits of a new run. */
function planFlags(
  flags: EvalFlags,
  recipe: EvalRecipe,
): Partial<EvaluateOptions<unknown, unknown, unknown>> {
  if (flags.seeds !== undefined && (flags.seed !== undefined || flags.episodes !== undefined)) {
    throw new InvalidArgumentError('Give --seeds, or --episodes with --seed, not both.');
  }
  return {
    episodes: flags.episodes === undefined ? undefined : parseCount('--episodes', flags.episodes),
    seed: flags.seed === undefined ? undefined : parseCount('--seed', flags.seed),
    seeds:
      flags.seeds === undefined
        ? undefined
        : flags.seeds.split(',').map((text) => parseCount('Each of --seeds', text.trim())),
    rolloutsPerExample:
      flags.rolloutsPerExample === undefined
        ? undefined
        : parseCount('--rollouts-per-example', flags.rolloutsPerExample),
    maxEpisodeSteps:
      flags.maxEpisodeSteps === undefined
        ? undefined
        : parseCount('--max-episode-steps', flags.maxEpisodeSteps),
    resetOptions: recipe.task === null ? undefined : { taskId: recipe.task },
  };
}

/** Makes the environment of a slot: a loop (spec file or registered loop) or any registered environment. */
function envFactoryOf(
  recipe: EvalRecipe,
  memoryBackend: MemoryBackend,
  onEvent: ((event: LoopEvent) => void) | undefined,
): () => Env<unknown, unknown, unknown> {
  if (recipe.backend !== null) {
    // The loop's own calls: --loop-model, else (as before it existed) the agent's --model.
    const loopModel = recipe.loopModel ?? recipe.model;
    const models =
      recipe.backend === 'live' && loopModel !== null ? parseModelOverrides(loopModel) : undefined;
    const loopOptions = {
      backend: recipe.backend,
      models,
      services: { memoryBackend },
      ...(onEvent === undefined ? {} : { onEvent }),
      ...recipe.options,
    };
    return /\.(ya?ml|json)$/i.test(recipe.target)
      ? () => make({ spec: recipe.target, ...loopOptions })
      : () => make(recipe.target, loopOptions);
  }
  const spec = defaultRegistry.spec(recipe.target);
  const options = { ...recipe.options };
  // A language model reads toy-text boards from their text render.
  if (recipe.agent === 'llm' && options['renderMode'] === undefined) {
    const probe = make(spec, { ...options, disableEnvChecker: true });
    if (probe.metadata.renderModes.includes('ansi')) options['renderMode'] = 'ansi';
    void probe.close();
  }
  return () => make(spec, options);
}

function printResult(io: CliIo, result: EvaluateResult, recipe: EvalRecipe, json: boolean): void {
  if (json) {
    io.out(
      JSON.stringify(
        {
          runId: result.runId ?? null,
          status: result.status,
          env: recipe.target,
          agent: recipe.agent,
          model: recipe.model,
          store: result.storePath ?? null,
          elapsedSeconds: result.elapsedSeconds,
          summary: result.summary,
        },
        null,
        2,
      ),
    );
    return;
  }
  const agent = recipe.agent === 'llm' ? `llm ${recipe.model ?? ''}` : recipe.agent;
  io.out(`${recipe.target} · ${agent} agent · run ${result.runId ?? '(not stored)'} · ${result.status}`);
  const rows = summaryRows(result.summary);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) io.out(`  ${label.padEnd(width)}  ${value}`);
  if (result.storePath !== undefined) io.out(`Recorded in ${result.storePath}.`);
}

function parseSeconds(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new InvalidArgumentError(`--timeout is in seconds and must be above 0, got \`${text}\`.`);
  }
  return value;
}

/** A spec file, or a registered loop environment (namespaces `loopbench` and `sim`). */
function isLoopTarget(id: string): boolean {
  if (/\.(ya?ml|json)$/i.test(id)) return true;
  const namespace = id.includes('/') ? id.slice(0, id.indexOf('/')) : undefined;
  return namespace === 'loopbench' || namespace === 'sim';
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
