import { PluginLoadError } from './load-plugin.js';

/**
 * Calls a plug-in's export with one argument (awaiting a Promise), or constructs it with `new` when it is a class.
 *
 * @example
 * ```ts
 * const env = await callOrConstruct(await loadPlugin('./grid.js:GridEnv', options), { size: 5 }, './grid.js:GridEnv');
 * ```
 */
export async function callOrConstruct(
  factory: unknown,
  argument: unknown,
  reference: string,
): Promise<unknown> {
  if (typeof factory !== 'function') {
    throw new PluginLoadError(
      reference,
      `Plug-in ${reference} is a ${factory === null ? 'null' : typeof factory}, not a function or class: export a factory.`,
    );
  }
  const isClass = /^class[\s{]/.test(Function.prototype.toString.call(factory));
  return isClass
    ? new (factory as new (argument: unknown) => unknown)(argument)
    : await (factory as (argument: unknown) => unknown)(argument);
}
