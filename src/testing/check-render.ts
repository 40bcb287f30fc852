import type { Env, RenderMode } from '../core/env.js';
import { describeValue } from '../core/errors.js';
import type { CheckContext } from './check-context.js';
import { checkRenderFrame } from './check-results.js';

/** Makes a fresh copy of the environment under check, in `renderMode` (none when undefined). */
export type FreshEnvFactory = (options: {
  renderMode?: RenderMode;
}) => Env<unknown, unknown, unknown> | Promise<Env<unknown, unknown, unknown>>;

const RENDER_MODES: readonly string[] = ['ansi', 'rgb_array'];

/** Checks the declared render modes and frame rate, and that the render mode is one of them. */
export function checkRenderMetadata(context: CheckContext, env: Env<unknown, unknown, unknown>): void {
  const { renderModes, renderFps } = env.metadata as { renderModes?: unknown; renderFps?: unknown };
  if (!Array.isArray(renderModes)) {
    context.fail(
      `metadata.renderModes must be an array of render modes (possibly empty), got ${describeValue(renderModes)}.`,
    );
  }
  const unknownModes = renderModes.filter((mode) => !RENDER_MODES.includes(mode as string));
  if (unknownModes.length > 0) {
    context.fail(
      `metadata.renderModes holds unsupported modes ${describeValue(unknownModes)}; supported: 'ansi', 'rgb_array'.`,
    );
  }
  if (renderModes.length > 0) {
    if (renderFps === undefined) {
      context.warn('metadata.renderFps is not declared; rendered episodes may play at inconsistent speeds.');
    } else if (typeof renderFps !== 'number' || !Number.isFinite(renderFps)) {
      context.warn(`metadata.renderFps should be a finite number, got ${describeValue(renderFps)}.`);
    } else if (renderFps <= 0) {
      context.fail(`metadata.renderFps must be greater than zero, got ${renderFps}.`);
    }
  }
  const mode = env.renderMode;
  if (mode !== undefined && !renderModes.includes(mode)) {
    context.fail(
      `the render mode ${JSON.stringify(mode)} is not among metadata.renderModes ${describeValue(renderModes)}.`,
    );
  }
}

/**
 * A fresh copy of `env` from `makeEnv`, or else from `env.spec`'s entry point (its registered options validated by
 * its schema, plus `renderMode`); `undefined` when neither is available.
 */
export async function makeFreshEnv(
  context: CheckContext,
  env: Env<unknown, unknown, unknown>,
  makeEnv: FreshEnvFactory | undefined,
  renderMode: RenderMode | undefined,
): Promise<Env<unknown, unknown, unknown> | undefined> {
  const options = renderMode === undefined ? {} : { renderMode };
  if (makeEnv !== undefined) return context.call('makeEnv()', () => makeEnv(options));
  const spec = env.spec;
  if (spec === undefined) return undefined;
  return context.call(`${spec.id}'s entry point`, () => {
    const registered =
      spec.optionsSchema === undefined ? { ...spec.kwargs } : spec.optionsSchema.parse(spec.kwargs);
    return spec.entryPoint({ ...registered, ...options });
  });
}

/** Renders a fresh copy of the environment in each declared render mode and checks the frames. */
export async function checkRenderModes(
  context: CheckContext,
  env: Env<unknown, unknown, unknown>,
  makeEnv: FreshEnvFactory | undefined,
): Promise<void> {
  const modes = env.metadata.renderModes;
  for (const mode of modes) {
    const fresh = await makeFreshEnv(context, env, makeEnv, mode);
    if (fresh !== undefined && fresh.renderMode !== mode) {
      context.fail(
        `a fresh copy made for render mode '${mode}' has render mode ${JSON.stringify(fresh.renderMode)}; ` +
          'the factory (makeEnv or the spec entry point) must pass renderMode on to the environment.',
      );
    }
    if (fresh === undefined) {
      context.warn(
        'Cannot check the other render modes: the environment has no spec and no makeEnv option was given.',
      );
      return;
    }
    await context.call(`reset() in '${mode}' mode`, () => fresh.reset());
    checkRenderFrame(context, await context.call(`render() in '${mode}' mode`, () => fresh.render()), mode);
    await context.call('close()', () => fresh.close());
  }
}

/** Closes a fresh copy of the environment (or, without one, the environment itself) twice. */
export async function checkCloseTwice(
  context: CheckContext,
  env: Env<unknown, unknown, unknown>,
  makeEnv: FreshEnvFactory | undefined,
): Promise<void> {
  const target = (await makeFreshEnv(context, env, makeEnv, undefined)) ?? env;
  await context.call('close()', () => target.close());
  await context.call('a second close()', () => target.close());
}
