// Reads a run config (YAML or JSON), validates it and resolves its paths; every problem points at its line.
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { parseSpecText } from '../lss/parse/parse-spec.js';
import type { SourceMap } from '../lss/parse/source-map.js';
import type { PathSegment, SpecProblem } from '../lss/spec-problem.js';
import { RunConfigError } from './run-config-error.js';
import { runConfigSchema, type RunConfigData } from './run-config-schema.js';
import { checkRunConfig } from './check-run-config.js';
import { zodProblems } from './zod-problems.js';

/**
 * A validated run config: its data with defaults, and everything resolved from where the file is.
 *
 * @example
 * ```ts
 * const config = await loadRunConfig('run.yaml');
 * console.log(config.name, config.data.training.episodes, config.checkpointDirectory);
 * ```
 */
export interface RunConfig {
  data: RunConfigData;
  /** The config file (absolute), or `<input>` for text. */
  file: string;
  /** Relative paths in the config are resolved against this directory. */
  directory: string;
  /** `data.name`, else the file's name without extension. */
  name: string;
  outputDirectory: string;
  checkpointDirectory: string;
  csvPath: string | undefined;
  jsonlPath: string | undefined;
  /** The store path the config names (`undefined`: the default store; `false`: none). */
  storePath: string | false | undefined;
  /** The spec file (absolute) when the environment is a spec. */
  specPath: string | undefined;
  /** What the run records as its environment: the id, the spec path as written, or the plug-in reference. */
  envLabel: string;
  /** Things that do not stop the run (settings ignored for this agent). */
  warnings: SpecProblem[];
  /** `run.yaml:12:5` for a path of the document (for errors raised later, e.g. by a plug-in). */
  where(path: readonly PathSegment[]): string;
}

/** Options of {@link parseRunConfig}. */
export interface ParseRunConfigOptions {
  /** The file name used in problems and to resolve relative paths (default `<input>` in the current directory). */
  file?: string | undefined;
}

/**
 * Validates a run config's text; throws a {@link RunConfigError} listing every problem with its line and column.
 *
 * @example
 * ```ts
 * const config = parseRunConfig('version: 1\nagent: {algorithm: random}\nenvironment: {id: CartPole-v1}\ntraining: {episodes: 5}\n');
 * ```
 */
export function parseRunConfig(text: string, options: ParseRunConfigOptions = {}): RunConfig {
  const file = options.file ?? '<input>';
  const parsed = parseSpecText(text, { file });
  const errors = parsed.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0 || parsed.value === undefined) {
    throw new RunConfigError(file, errors.length > 0 ? errors : [emptyProblem(file)]);
  }
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RunConfigError(file, [emptyProblem(file)]);
  }
  const context = { file, sourceMap: parsed.sourceMap, document: value, schema: runConfigSchema };
  const result = runConfigSchema.safeParse(value);
  if (!result.success) throw new RunConfigError(file, zodProblems(result.error.issues, context));
  const directory = file === '<input>' ? process.cwd() : dirname(resolve(file));
  const { problems, warnings } = checkRunConfig(result.data, context);
  if (problems.length > 0) throw new RunConfigError(file, problems);
  return resolvedConfig(result.data, { file, directory, sourceMap: parsed.sourceMap, warnings });
}

/**
 * Reads and validates a run config file (see {@link parseRunConfig}).
 *
 * @example
 * ```ts
 * const config = await loadRunConfig('experiments/cartpole-dqn.yaml');
 * ```
 */
export async function loadRunConfig(path: string): Promise<RunConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new RunConfigError(path, [
      {
        severity: 'error',
        rule: 'file',
        message: missing
          ? `Cannot read ${path}: the file does not exist.`
          : `Cannot read ${path}: ${String(error)}.`,
        path: [],
        file: path,
        fix: missing ? 'Write one with `loopgym create-default -o ' + path + '`.' : undefined,
      },
    ]);
  }
  return parseRunConfig(text, { file: path });
}

function emptyProblem(file: string): SpecProblem {
  return {
    severity: 'error',
    rule: 'run-config',
    message: 'The file holds no mapping: a run config has `version`, `agent`, `environment` and `training`.',
    path: [],
    file,
    fix: 'Start from `loopgym create-default`.',
  };
}

function resolvedConfig(
  data: RunConfigData,
  source: { file: string; directory: string; sourceMap: SourceMap; warnings: SpecProblem[] },
): RunConfig {
  const { directory } = source;
  const name = data.name ?? (source.file === '<input>' ? 'run' : basename(source.file, extname(source.file)));
  const outputDirectory = resolve(directory, data.output ?? `runs/${name}`);
  const at = (path: string | null | undefined): string | undefined =>
    path === undefined || path === null ? undefined : resolve(directory, path);
  const store = data.logging.store;
  const environment = data.environment;
  return {
    data,
    file: source.file === '<input>' ? source.file : resolve(source.file),
    directory,
    name,
    outputDirectory,
    checkpointDirectory: at(data.checkpoints.directory) ?? resolve(outputDirectory, 'checkpoints'),
    csvPath: at(data.logging.csv),
    jsonlPath: at(data.logging.jsonl),
    storePath:
      store === true
        ? undefined
        : store === false
          ? false
          : store === ':memory:'
            ? store
            : resolve(directory, store),
    specPath: at(environment.spec),
    envLabel: environment.id ?? environment.spec ?? environment.plugin ?? '?',
    warnings: source.warnings,
    where(path) {
      const location = source.sourceMap.locate(path);
      return location === undefined ? source.file : `${source.file}:${location.line}:${location.column}`;
    },
  };
}
