import type { RenderMode, StepResult } from '../core/env.js';
import { describeValue } from '../core/errors.js';
import type { Space } from '../core/space.js';
import type { CheckContext } from './check-context.js';

/** A space-like value: what `checkEnv` needs of an observation or action space. */
export type AnySpace = Space<unknown, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function boxBounds(space: AnySpace): { low: ArrayLike<number>; high: ArrayLike<number> } | undefined {
  const candidate = space as { type?: unknown; low?: unknown; high?: unknown };
  if (candidate.type !== 'Box' || !ArrayBuffer.isView(candidate.low) || !ArrayBuffer.isView(candidate.high))
    return undefined;
  return {
    low: candidate.low as unknown as ArrayLike<number>,
    high: candidate.high as unknown as ArrayLike<number>,
  };
}

/** Checks that `space` is a `Space` and warns about Box bounds that are suspicious (Gymnasium's `check_space_limit`). */
export function checkSpace(context: CheckContext, space: unknown, kind: 'observation' | 'action'): AnySpace {
  const name = `${kind}Space`;
  const candidate = space as Partial<AnySpace> | null | undefined;
  if (typeof candidate !== 'object' || candidate === null) {
    return context.fail(
      `the environment has no ${name}. Declare it, e.g. \`readonly ${name} = new Discrete(2)\`.`,
    );
  }
  for (const method of ['contains', 'sample', 'toJSON'] as const) {
    if (typeof candidate[method] !== 'function') {
      context.fail(
        `${name} is not a Space: it has no ${method}() method. Use a space from loopgym (Box, Discrete, ...).`,
      );
    }
  }
  const result = candidate as AnySpace;
  const bounds = boxBounds(result);
  if (bounds !== undefined) {
    const { low, high } = bounds;
    const size = Math.min(low.length, high.length);
    const indices = Array.from({ length: size }, (_, i) => i);
    if (indices.some((i) => low[i] === high[i]))
      context.warn(`A Box ${kind} space has equal low and high values.`);
    if (indices.some((i) => low[i] === -Infinity))
      context.warn(`A Box ${kind} space minimum value is -Infinity. This is probably too low.`);
    if (indices.some((i) => high[i] === Infinity))
      context.warn(`A Box ${kind} space maximum value is Infinity. This is probably too high.`);
    const shape = result.shape ?? [];
    const normalized = indices.every(
      (i) => (low[i] === 0 || Math.abs(low[i]!) === Math.abs(high[i]!)) && low[i]! >= -1 && high[i]! <= 1,
    );
    if (kind === 'action' && shape.length === 1 && !normalized) {
      context.warn(
        'For Box action spaces, a symmetric and normalized range ([-1, 1] or [0, 1]) is recommended (see RescaleAction).',
      );
    }
  }
  return result;
}

/** Checks that `observation` is an element of `space`. */
export function checkObservation(
  context: CheckContext,
  observation: unknown,
  space: AnySpace,
  call: string,
): void {
  let contained: boolean;
  try {
    contained = space.contains(observation);
  } catch (error) {
    return context.fail(`observationSpace.contains() threw on the observation returned by ${call}`, error);
  }
  if (!contained) {
    context.fail(
      `the observation returned by ${call} is not an element of the observation space ${String(space)}: ` +
        `${describeValue(observation)}. Return observations of the declared type, shape and bounds.`,
    );
  }
}

/** Checks a reset result: `{observation, info}` with the observation in the space and a plain-object info. */
export function checkResetResult(
  context: CheckContext,
  result: unknown,
  space: AnySpace,
  call: string,
): unknown {
  if (!isPlainObject(result) || !('observation' in result) || !('info' in result)) {
    return context.fail(`${call} must resolve to {observation, info}, got ${describeValue(result)}.`);
  }
  checkObservation(context, result.observation, space, call);
  if (!isPlainObject(result.info))
    context.fail(`the info returned by ${call} must be a plain object, got ${describeValue(result.info)}.`);
  return result.observation;
}

/** Checks a step result: the five fields, a finite number reward, boolean flags, a plain-object info. */
export function checkStepResult(
  context: CheckContext,
  result: unknown,
  space: AnySpace,
  call: string,
): StepResult<unknown> {
  const fields = ['observation', 'reward', 'terminated', 'truncated', 'info'];
  if (!isPlainObject(result) || !fields.every((field) => field in result)) {
    return context.fail(`${call} must resolve to {${fields.join(', ')}}, got ${describeValue(result)}.`);
  }
  checkObservation(context, result.observation, space, call);
  if (typeof result.reward !== 'number') {
    context.fail(
      `the reward returned by ${call} must be a number, got ${typeof result.reward} ${describeValue(result.reward)}.`,
    );
  }
  if (!Number.isFinite(result.reward))
    context.fail(`the reward returned by ${call} must be finite, got ${result.reward}.`);
  for (const flag of ['terminated', 'truncated'] as const) {
    if (typeof result[flag] !== 'boolean') {
      context.fail(
        `\`${flag}\` returned by ${call} must be a boolean, got ${typeof result[flag]} ${describeValue(result[flag])}.`,
      );
    }
  }
  if (!isPlainObject(result.info))
    context.fail(`the info returned by ${call} must be a plain object, got ${describeValue(result.info)}.`);
  return result as unknown as StepResult<unknown>;
}

/** Checks that a frame matches the render mode: text for `ansi`, an `RgbFrame` for `rgb_array`, nothing otherwise. */
export function checkRenderFrame(context: CheckContext, frame: unknown, mode: RenderMode | undefined): void {
  if (mode === undefined) {
    if (frame !== undefined)
      context.warn('render() returned a frame although the environment has no render mode.');
  } else if (mode === 'ansi') {
    if (typeof frame !== 'string')
      context.fail(`render() in 'ansi' mode must return a string, got ${describeValue(frame)}.`);
  } else {
    const image = frame as { width?: unknown; height?: unknown; data?: unknown } | null | undefined;
    const { width, height, data } = image ?? {};
    const positive = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0;
    if (typeof image !== 'object' || image === null || !positive(width) || !positive(height)) {
      context.fail(
        `render() in 'rgb_array' mode must return {width, height, data} with positive integer sizes, got ${describeValue(frame)}.`,
      );
    }
    if (!(data instanceof Uint8Array) || data.length !== width * height * 3) {
      context.fail(
        `render() in 'rgb_array' mode must return data as a Uint8Array of height * width * 3 = ${width * height * 3} bytes, ` +
          `got ${data instanceof Uint8Array ? `${data.length} bytes` : describeValue(data)}.`,
      );
    }
  }
}
