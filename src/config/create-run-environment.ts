// The environment a run config names: a registered id, an LSS spec, or a plug-in factory.
import type { Env } from '../core/env.js';
import { InvalidArgumentError } from '../core/errors.js';
import type { MemoryBackend } from '../loop/loop-memory.js';
import { make } from '../registry/make.js';
import { isLoopEnvironment } from './check-run-config.js';
import { callOrConstruct } from './call-or-construct.js';
import { loadPlugin } from './load-plugin.js';
import type { RunConfig } from './load-run-config.js';

/** Options of {@link createRunEnvironment}. */
export interface CreateRunEnvironmentOptions {
  /** Where loops with `persistent` memory keep it. */
  memoryBackend?: MemoryBackend | undefined;
  /**
   * Adds `renderMode: 'ansi'` when the environment has it and no render mode is set (language models read it);
   * default: for llm agents.
   */
  textRender?: boolean | undefined;
}

/**
 * Makes the run's environment: `make(id, options)`, `make({ spec })` for a spec (with its backend), or the plug-in's
 * factory called with the options (a function returning an `Env`, possibly async, or a class).
 *
 * @example
 * ```ts
 * const env = await createRunEnvironment(await loadRunConfig('run.yaml'));
 * ```
 */
export async function createRunEnvironment(
  config: RunConfig,
  options: CreateRunEnvironmentOptions = {},
): Promise<Env<unknown, unknown>> {
  const environment = config.data.environment;
  const makeOptions: Record<string, unknown> = { ...environment.options };
  if (environment.maxEpisodeSteps !== undefined) makeOptions['maxEpisodeSteps'] = environment.maxEpisodeSteps;
  if (environment.plugin !== undefined) {
    const factory = await loadPlugin(environment.plugin, {
      baseDirectory: config.directory,
      where: `${config.where(['environment', 'plugin'])} environment.plugin`,
    });
    const env = await callOrConstruct(factory, makeOptions, environment.plugin);
    if (!isEnv(env)) {
      throw new InvalidArgumentError(
        `The environment plug-in ${environment.plugin} (${config.where(['environment', 'plugin'])}) returned ` +
          'something that is not an environment: it must return an object with reset, step, observationSpace and actionSpace.',
      );
    }
    return env;
  }
  if (isLoopEnvironment(environment)) {
    const loopOptions: Record<string, unknown> = { backend: environment.backend ?? 'sim', ...makeOptions };
    if (environment.perturbations.length > 0) loopOptions['perturbations'] = environment.perturbations;
    if (options.memoryBackend !== undefined)
      loopOptions['services'] = { memoryBackend: options.memoryBackend };
    return config.specPath !== undefined
      ? make({ spec: config.specPath, ...loopOptions })
      : make(environment.id ?? '', loopOptions);
  }
  const id = environment.id ?? '';
  const textRender = options.textRender ?? config.data.agent.algorithm === 'llm';
  if (textRender && makeOptions['renderMode'] === undefined) {
    const probe = make(id, { ...makeOptions, disableEnvChecker: true });
    if (probe.metadata.renderModes.includes('ansi')) makeOptions['renderMode'] = 'ansi';
    await probe.close();
  }
  return make(id, makeOptions);
}

function isEnv(value: unknown): value is Env<unknown, unknown> {
  const candidate = value as Partial<Env<unknown, unknown>> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.reset === 'function' &&
    typeof candidate.step === 'function' &&
    candidate.observationSpace !== undefined &&
    candidate.actionSpace !== undefined
  );
}
