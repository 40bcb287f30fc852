// Builds a loop environment from a spec (a file or a compiled program), tasks and a backend.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { DEFAULT_PRICE_TABLE, mergePriceTables, type PriceTable } from '../models/price-table.js';
import { InvalidArgumentError, UnsupportedOperationError } from '../core/errors.js';
import { warnOnce } from '../core/warnings.js';
import type { LoopProgram } from '../lss/compile/loop-program.js';
import { loadLoopProgramSync } from '../lss/load-loop-program.js';
import { createLoopServices } from '../loop/create-loop-services.js';
import type { LoopServices } from '../loop/engine/loop-run.js';
import type { LoopEvent } from '../loop/events/loop-event.js';
import { CompositionEnv } from '../loop/composition/composition-env.js';
import {
  LoopEnv,
  type EpisodeSetup,
  type LoopEnvOptions,
  type PreparedEpisode,
} from '../loop/gym/loop-env.js';
import type { HumanGate } from '../loop/human-gate.js';
import type { LoopBackend } from '../loop/loop-backend.js';
import { createEpisodePerturber } from '../loop/perturbations/create-episode-perturber.js';
import type { PerturbationRequest } from '../loop/perturbations/perturbation.js';
import { loadTasksFileSync } from '../loop/tasks/load-task-set.js';
import { emptyTaskMaterial, type LoopTask } from '../loop/tasks/loop-task.js';
import { tasksFromExamples } from '../loop/tasks/tasks-from-examples.js';
import { createDefaultLiveBackend } from './live/create-default-live-backend.js';
import { createLiveBackend, type ModelOverrides } from './live/live-backend.js';
import { createSimBackend } from './sim/sim-backend.js';
import { SimLanguageModel } from './sim/sim-language-model.js';

/** The backends `make` knows by name. */
export type BackendName = 'sim' | 'live' | 'replay';

/** How {@link makeLoopEnv} builds an environment. */
export interface MakeLoopEnvOptions {
  /** An LSS file (YAML or JSON), or a compiled program. */
  spec: string | LoopProgram;
  /**
   * The tasks: a tasks file (`tasks.json`, with `materials/` beside it), a list of tasks, or a list of input-value
   * objects (each becomes a task `task-1`, …). Default: the spec's `inputs.examples`.
   */
  tasks?: string | readonly (LoopTask | Readonly<Record<string, unknown>>)[] | undefined;
  /** `sim` (default), `live`, or a backend object. */
  backend?: BackendName | LoopBackend | undefined;
  /** Models replacing the spec's: one id for every caller, or per worker/evaluator (`--model`). */
  models?: ModelOverrides | undefined;
  /** Overrides of the engine's services (evaluators, detectors, tools, price table, …). */
  services?: Partial<LoopServices> | undefined;
  /** Who answers human gates (default: approve everything). */
  humanGate?: HumanGate | undefined;
  /** The worker an agent's `{ output }` replaces. */
  policyWorker?: string | undefined;
  renderMode?: 'ansi' | undefined;
  onEvent?: ((event: LoopEvent) => void) | undefined;
  /** Treat spec warnings as errors. */
  strict?: boolean | undefined;
  /**
   * Perturbations applied to every episode, in order: a name (`'api_latency'`) or `{ name, ...parameters }`. See
   * docs/perturbations.md.
   */
  perturbations?: readonly PerturbationRequest[] | undefined;
  /** Apply the perturbations each task names in its `tasks.json` (default `true`). */
  taskPerturbations?: boolean | undefined;
  /**
   * Prepares each episode before the perturbations see it: an environment giving a task's workers their tools,
   * for example. Its program and services are those the perturbations then wrap.
   */
  prepareEpisode?: ((setup: EpisodeSetup) => PreparedEpisode) | undefined;
}

/**
 * The backend of a name: `sim` (simulated models; with `models`, simulated models of those names), `live` (real
 * providers behind the model facade, with the response cache); `replay` is not part of this version and says so.
 *
 * @example
 * ```ts
 * const backend = backendNamed('sim');
 * ```
 */
export function backendNamed(
  name: BackendName,
  options: { models?: ModelOverrides | undefined } = {},
): LoopBackend {
  switch (name) {
    case 'sim':
      if (options.models !== undefined) {
        // Simulated models by the overriding names (`--model sim:gpt-4.1` or any provider's model name).
        return createLiveBackend({
          name: 'sim',
          models: options.models,
          createModel: (id) => new SimLanguageModel(id.slice(id.indexOf(':') + 1)),
        });
      }
      return createSimBackend();
    case 'live':
      return createDefaultLiveBackend({ models: options.models });
    case 'replay':
      throw new UnsupportedOperationError(
        `The replay backend is not available in this version of LoopGym yet; use backend: 'sim' or 'live'.`,
      );
  }
}

/**
 * A loop environment: the spec is read, validated (all problems at once, with file and line) and compiled; tasks
 * come from a tasks file, a list, or the spec's examples; the backend answers model calls.
 * A spec with a `composition` (LSS 1.1) gives a {@link CompositionEnv}.
 *
 * @example
 * ```ts
 * const env = makeLoopEnv({ spec: 'my-loop.yaml', tasks: 'tasks.json' });
 * const { observation } = await env.reset({ seed: 0 });
 * ```
 */
export function makeLoopEnv(options: MakeLoopEnvOptions): LoopEnv | CompositionEnv {
  const program =
    typeof options.spec === 'string'
      ? loadLoopProgramSync(options.spec, { strict: options.strict })
      : options.spec;
  const specFile = typeof options.spec === 'string' ? options.spec : program.source.file;
  const priceTable = priceTableFor(program, specFile, options.services?.priceTable);
  const tasks = resolveTasks(options.tasks, program, specFile);
  const backend =
    options.backend === undefined || typeof options.backend === 'string'
      ? backendNamed(options.backend ?? 'sim', { models: options.models })
      : options.backend;
  const environment: LoopEnvOptions = {
    program,
    tasks,
    backend,
    services: createLoopServices({
      ...options.services,
      priceTable,
      ...(options.humanGate === undefined ? {} : { humanGate: options.humanGate }),
    }),
    policyWorker: options.policyWorker,
    renderMode: options.renderMode,
    onEvent: options.onEvent,
    prepareEpisode: prepareThenPerturb(
      options.prepareEpisode,
      createEpisodePerturber({
        perturbations: options.perturbations,
        taskPerturbations: options.taskPerturbations,
      }),
    ),
  };
  // A composition (LSS 1.1) runs its children, then its own loop; see docs/composition.md.
  return program.composition === undefined ? new LoopEnv(environment) : new CompositionEnv(environment);
}

// The environment's own preparation, then the perturbations on what it left (their info and reward win).
function prepareThenPerturb(
  prepare: ((setup: EpisodeSetup) => PreparedEpisode) | undefined,
  perturb: ((setup: EpisodeSetup) => PreparedEpisode) | undefined,
): ((setup: EpisodeSetup) => PreparedEpisode) | undefined {
  if (prepare === undefined || perturb === undefined) return prepare ?? perturb;
  return (setup) => {
    const prepared = prepare(setup);
    const program = prepared.program ?? setup.program;
    const backend = prepared.backend ?? setup.backend;
    const services = prepared.services ?? setup.services;
    const perturbed = perturb({ ...setup, program, backend, services });
    return {
      program: perturbed.program ?? program,
      backend: perturbed.backend ?? backend,
      services: perturbed.services ?? services,
      info: { ...prepared.info, ...perturbed.info },
      reward: perturbed.reward ?? prepared.reward,
    };
  };
}

/**
 * The price table of a run: the given one (or the default), with the spec's `cost_limits.price_table_ref` merged over
 * it when that names a JSON file (relative to the spec). A reference to a file that does not exist is warned about
 * once and the default prices are used (bundled specs name tables that are not published); a file that exists but is
 * not a valid price table is an error.
 */
function priceTableFor(
  program: LoopProgram,
  specFile: string | undefined,
  base: PriceTable | undefined,
): PriceTable {
  const table = base ?? DEFAULT_PRICE_TABLE;
  const ref = program.cost.priceTableRef;
  if (ref === undefined) return table;
  const path = isAbsolute(ref) || specFile === undefined ? ref : resolve(dirname(specFile), ref);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    warnOnce(
      `\`cost_limits.price_table_ref\` of \`${program.name}\` names ${path}, which does not exist; using LoopGym's default prices. Put a JSON file of prices there ({ "provider:model": { "inputPerMillion": 2, "outputPerMillion": 8 } }) to use your own.`,
    );
    return table;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidArgumentError(`The price table ${path} is not JSON: ${(error as Error).message}.`);
  }
  return mergePriceTables(table, parsed);
}

function resolveTasks(
  tasks: MakeLoopEnvOptions['tasks'],
  program: LoopProgram,
  specFile: string | undefined,
): LoopTask[] {
  if (tasks === undefined) {
    const fromExamples = tasksFromExamples(program, {
      root: specFile === undefined ? undefined : resolve(specFile, '..'),
    });
    if (fromExamples.length === 0) {
      throw new InvalidArgumentError(
        `\`${program.name}\` has no tasks: pass \`tasks\` (a tasks.json file or a list of input values), or add inputs.examples to the spec.`,
      );
    }
    return fromExamples;
  }
  if (typeof tasks === 'string') {
    return loadTasksFileSync(isAbsolute(tasks) ? tasks : resolve(tasks)).tasks;
  }
  return tasks.map((task, index) =>
    isLoopTask(task)
      ? task
      : { id: `task-${index + 1}`, inputs: { ...task }, material: emptyTaskMaterial(), root: undefined },
  );
}

function isLoopTask(value: LoopTask | Readonly<Record<string, unknown>>): value is LoopTask {
  return (
    typeof value.id === 'string' && typeof value.inputs === 'object' && typeof value.material === 'object'
  );
}
