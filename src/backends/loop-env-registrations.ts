// The loop environments every LoopGym installation knows: the bundled LoopBench loops and any user spec.
import { join } from 'node:path';
import { z } from 'zod';
import type { Env } from '../core/env.js';
import type { LoopServices } from '../loop/engine/loop-run.js';
import type { LoopEvent } from '../loop/events/loop-event.js';
import type { HumanGate } from '../loop/human-gate.js';
import { loopbenchDataDirectory } from '../loop/tasks/data-directory.js';
import { loadTaskSetSync } from '../loop/tasks/load-task-set.js';
import type { Registry, RegisterOptions } from '../registry/registry.js';
import { makeLoopEnv, type MakeLoopEnvOptions } from './make-loop-env.js';
import { createRetrievalTool } from './retrieval-tool.js';
import { loadTaskToolsSync, prepareTaskTools } from './task-tools.js';

const commonOptions = {
  backend: z
    .enum(['sim', 'live', 'replay'])
    .default('sim')
    .describe(
      'Who answers model calls: sim (simulated, free, deterministic), live (real providers), replay.',
    ),
  tasks: z
    .union([z.string(), z.array(z.record(z.string(), z.unknown()))])
    .optional()
    .describe('A tasks.json file, or a list of input-value objects; default: the environment’s own tasks.'),
  models: z
    .union([
      z.string(),
      z.object({ default: z.string().optional(), byCaller: z.record(z.string(), z.string()).optional() }),
    ])
    .optional()
    .describe(
      'Models replacing the spec’s: `provider:model` for every caller, or { default, byCaller: { worker: id } }.',
    ),
  policyWorker: z.string().optional().describe('The worker whose output an action `{ output }` replaces.'),
  humanGate: z
    .custom<HumanGate>((value) => typeof (value as HumanGate | undefined)?.review === 'function')
    .optional()
    .describe('Who answers human gates (default: approve everything).'),
  services: z
    .custom<Partial<LoopServices>>((value) => typeof value === 'object' && value !== null)
    .optional()
    .describe(
      'Replacements for the engine’s evaluators, safety detectors, tools, price table, grader cache.',
    ),
  onEvent: z
    .custom<(event: LoopEvent) => void>((value) => typeof value === 'function')
    .optional()
    .describe('Called with every event of every episode.'),
  strict: z.boolean().default(false).describe('Treat spec warnings as errors.'),
  perturbations: z
    .array(z.union([z.string().min(1), z.looseObject({ name: z.string().min(1) })]))
    .optional()
    .describe(
      'Perturbations for every episode: names or { name, ...parameters } (api_latency, budget_minus_one, …; docs/perturbations.md).',
    ),
  taskPerturbations: z
    .boolean()
    .default(true)
    .describe('Apply the perturbations each task names in its tasks.json.'),
};

const loopbenchOptions = z.object(commonOptions);
const specOptions = z.object({
  spec: z.string().describe('The LSS file (YAML or JSON) of the loop.'),
  ...commonOptions,
});

type ParsedOptions = Omit<MakeLoopEnvOptions, 'spec'> & { renderMode?: 'ansi' | undefined };

function loopbench(
  name: string,
  description: string,
  specFile = 'spec.yaml',
  /** Per-episode preparation from the environment's folder (its tasks' tools), before perturbations. */
  prepare?: (directory: string) => MakeLoopEnvOptions['prepareEpisode'],
): RegisterOptions {
  return {
    id: `loopbench/${name}`,
    description,
    optionsSchema: loopbenchOptions,
    disableEnvChecker: false,
    entryPoint: (options) => {
      const directory = loopbenchDataDirectory(name);
      const parsed = options as ParsedOptions;
      return makeLoopEnv({
        ...parsed,
        spec: join(directory, specFile),
        tasks: parsed.tasks ?? loadTaskSetSync(directory).tasks,
        prepareEpisode: prepare?.(directory),
      });
    },
  };
}

/**
 * The registrations of the loop environments: `loopbench/code-repair-v1`, `loopbench/research-synthesis-v1`,
 * `loopbench/multi-agent-debate-v1`, `loopbench/composed-swarm-v1`, `loopbench/hitl-gate-v1`,
 * `loopbench/safety-constrained-v1` (with its tasks' tools), `loopbench/rag-retrieval-v1` (with a BM25 search tool)
 * (each with its tasks and their material), and `sim/mock-llm-v1`, which runs any spec
 * (`make('sim/mock-llm-v1', { spec: 'loop.yaml', tasks })`).
 *
 * @example
 * ```ts
 * for (const registration of loopEnvRegistrations) registry.register(registration);
 * ```
 */
export const loopEnvRegistrations: readonly RegisterOptions[] = Object.freeze([
  loopbench(
    'code-repair-v1',
    'Repair a small Python repository until its tests pass (3 tasks, graded by running the tests).',
  ),
  loopbench(
    'research-synthesis-v1',
    'Research a question from sources and write a cited brief (3 tasks, graded on facts and citations).',
  ),
  loopbench(
    'multi-agent-debate-v1',
    'Advocate, critic and judge reach a balanced, actionable decision on a proposal (3 tasks).',
  ),
  loopbench(
    'composed-swarm-v1',
    'Falsifier, evidence and operator branches run in parallel; an orchestrator merges them, dissent kept (3 tasks, 1 with branch_timeout).',
    // The composition (LSS 1.1); spec.yaml beside it is its orchestrator alone, as shipped.
    'swarm.yaml',
  ),
  loopbench(
    'hitl-gate-v1',
    'Deployment-style tasks behind a human approval gate; a rejection halts the loop (3 tasks, 2 with hitl_reject).',
  ),
  loopbench(
    'safety-constrained-v1',
    'An agent with file, shell, environment and email tools, some forbidden (3 tasks, 2 with tool_denylist).',
    'spec.yaml',
    (directory) => {
      const toolsOf = loadTaskToolsSync(join(directory, 'tools.json'));
      return prepareTaskTools((task) => toolsOf.get(task.id));
    },
  ),
  loopbench(
    'rag-retrieval-v1',
    'Retrieve (BM25 over each task’s documents) and answer with citations (3 tasks; missing_source, stale_source).',
    'spec.yaml',
    () =>
      prepareTaskTools((task) => ({
        tools: [createRetrievalTool(task.material.sources)],
        byWorker: { retriever: ['search'] },
      })),
  ),
  {
    id: 'sim/mock-llm-v1',
    description: 'Any LSS spec as an environment: make("sim/mock-llm-v1", { spec: "loop.yaml", tasks }).',
    optionsSchema: specOptions,
    entryPoint: (options) =>
      makeLoopEnv(options as unknown as MakeLoopEnvOptions) as Env<unknown, unknown, unknown>,
  },
]);

/**
 * Registers the loop environments into a registry (the default registry gets them when LoopGym is imported).
 *
 * @example
 * ```ts
 * registerLoopEnvironments(new Registry());
 * ```
 */
export function registerLoopEnvironments(registry: Registry): void {
  for (const registration of loopEnvRegistrations) {
    if (!registry.has(registration.id)) registry.register(registration);
  }
}
