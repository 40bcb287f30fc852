// Plug-ins by reference: `module:Export` or `./file.js:Export`, loaded with a dynamic import.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LoopGymError } from '../core/errors.js';
import { didYouMean } from '../lss/validate/did-you-mean.js';

/** A plug-in could not be loaded: the module is missing, is TypeScript Node cannot run, or lacks the export. */
export class PluginLoadError extends LoopGymError {
  readonly reference: string;

  constructor(reference: string, message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, code: 'plugin-load' });
    this.reference = reference;
  }
}

/** A reference split into what to import and which export to take. */
export interface PluginReference {
  /** The module specifier or file path as written. */
  module: string;
  exportName: string;
  /** Whether it names a file (starts with `.` or `/`) rather than a package. */
  isFile: boolean;
}

/**
 * Splits `module:Export` or `./file.js:Export` at its last colon.
 *
 * @example
 * ```ts
 * parsePluginReference('./agents/greedy.js:createAgent'); // { module: './agents/greedy.js', exportName: 'createAgent', isFile: true }
 * ```
 */
export function parsePluginReference(reference: string): PluginReference {
  const colon = reference.lastIndexOf(':');
  const exportName = colon < 0 ? '' : reference.slice(colon + 1);
  const module = colon < 0 ? reference : reference.slice(0, colon);
  if (module === '' || !/^[A-Za-z_$][\w$]*$/.test(exportName)) {
    throw new PluginLoadError(
      reference,
      `\`${reference}\` is not a plug-in reference: write \`module:Export\` or \`./file.js:Export\` (the export after the last colon).`,
    );
  }
  return { module, exportName, isFile: module.startsWith('.') || isAbsolute(module) };
}

/** Options of {@link loadPlugin}. */
export interface LoadPluginOptions {
  /** Files are resolved against this directory (the config file's). */
  baseDirectory: string;
  /** Where the reference was written, for messages (`run.yaml:4:11 agent.plugin`). */
  where?: string | undefined;
  /** Whether this Node can import `.ts` files; detected by default. */
  canImportTypeScript?: boolean | undefined;
}

const TYPESCRIPT_FILE = /\.(ts|mts|cts|tsx)$/;

/**
 * Imports a plug-in's module and returns the named export. Files (`./x.js`) are relative to `baseDirectory`,
 * packages are resolved from there too (then from LoopGym's own location). A `.ts` file needs a Node that strips
 * types (22.6+ with `--experimental-strip-types`, 23.6+ by default): otherwise the error says to compile it.
 *
 * @example
 * ```ts
 * const createAgent = await loadPlugin('./my-agent.js:createAgent', { baseDirectory: dirname(configFile) });
 * ```
 */
export async function loadPlugin(reference: string, options: LoadPluginOptions): Promise<unknown> {
  const parsed = parsePluginReference(reference);
  const where = options.where === undefined ? '' : ` (${options.where})`;
  let specifier: string;
  if (parsed.isFile) {
    const path = resolve(options.baseDirectory, parsed.module);
    if (!existsSync(path)) {
      throw new PluginLoadError(
        reference,
        `Plug-in file ${parsed.module} not found${where}: looked for ${path}. Paths are relative to the config file.`,
      );
    }
    if (TYPESCRIPT_FILE.test(path) && !(options.canImportTypeScript ?? nodeStripsTypes())) {
      throw new PluginLoadError(
        reference,
        `Plug-in ${parsed.module} is TypeScript, which Node ${process.version} cannot import${where}. ` +
          'Compile it to JavaScript (e.g. `npx tsc`) and name the .js file, or run Node 22.6 or later with ' +
          '--experimental-strip-types (Node 23.6 and later strip types by default).',
      );
    }
    specifier = pathToFileURL(path).href;
  } else {
    specifier = resolvePackage(parsed.module, options.baseDirectory);
  }
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
    throw new PluginLoadError(
      reference,
      missing && !parsed.isFile
        ? `Cannot find the module \`${parsed.module}\`${where}: install it (npm install ${parsed.module}) or name a file (./file.js:Export).`
        : `Cannot load plug-in ${parsed.module}${where}: ${reason}`,
      { cause: error },
    );
  }
  if (!(parsed.exportName in namespace) || namespace[parsed.exportName] === undefined) {
    const names = Object.keys(namespace);
    const guess = didYouMean(parsed.exportName, names);
    throw new PluginLoadError(
      reference,
      `${parsed.module} has no export \`${parsed.exportName}\`${where}.` +
        (guess === undefined ? '' : ` ${guess}`) +
        (names.length === 0 ? ' It exports nothing.' : ` Its exports: ${names.join(', ')}.`),
    );
  }
  return namespace[parsed.exportName];
}

/** Whether the running Node imports `.ts` files (type stripping on). */
export function nodeStripsTypes(): boolean {
  const features = process.features as { typescript?: unknown };
  if (features.typescript !== undefined) return features.typescript !== false;
  const flags = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)];
  return flags.some(
    (flag) => flag === '--experimental-strip-types' || flag === '--experimental-transform-types',
  );
}

function resolvePackage(module: string, baseDirectory: string): string {
  try {
    const resolved = createRequire(resolve(baseDirectory, 'noop.js')).resolve(module);
    return isAbsolute(resolved) ? pathToFileURL(resolved).href : module;
  } catch {
    // Packages with import-only exports, or not installed there: let import() resolve from LoopGym's location.
    return module;
  }
}
