// Pieces every learner's checkpoint state shares: an Adam optimiser's state, and arrays restored at their exact size.
import { z } from 'zod';
import { CheckpointError } from './checkpoint-error.js';
import type { Adam } from './nn/adam.js';
import { decodeFloat64Array, encodedFloatArraySchema, encodeFloatArray } from './typed-array-codec.js';

/**
 * The checkpoint schema of an Adam optimiser's state: its step and both moments (base64 float arrays).
 *
 * @example
 * ```ts
 * const stateSchema = z.strictObject({ optimizer: adamStateSchema });
 * ```
 */
export const adamStateSchema = z.strictObject({
  step: z.number().int().nonnegative(),
  firstMoment: encodedFloatArraySchema,
  secondMoment: encodedFloatArraySchema,
});

/**
 * An Adam optimiser's state as a checkpoint holds it.
 *
 * @example
 * ```ts
 * state['optimizer'] = encodeAdamState(agent.optimizer);
 * ```
 */
export function encodeAdamState(optimizer: Adam): Record<string, unknown> {
  const state = optimizer.getState();
  return {
    step: state.step,
    firstMoment: encodeFloatArray(state.firstMoment),
    secondMoment: encodeFloatArray(state.secondMoment),
  };
}

/**
 * Restores an Adam optimiser from its checkpointed state (`path` names it in errors).
 *
 * @example
 * ```ts
 * decodeAdamState(agent.optimizer, state.optimizer, 'state.optimizer');
 * ```
 */
export function decodeAdamState(
  optimizer: Adam,
  state: z.output<typeof adamStateSchema>,
  path: string,
): void {
  optimizer.setState({
    step: state.step,
    firstMoment: decodeFloat64Array(state.firstMoment, `${path}.firstMoment`),
    secondMoment: decodeFloat64Array(state.secondMoment, `${path}.secondMoment`),
  });
}

/**
 * Copies checkpointed `values` into `target`, which must have exactly as many (else a {@link CheckpointError} at
 * `path`: the checkpoint was written with other hyperparameters). `unit` names the values in the message.
 *
 * @example
 * ```ts
 * setExactly(agent.online.parameters, decodeFloat64Array(state.online, 'state.online'), 'state.online', 'weights');
 * ```
 */
export function setExactly(target: Float64Array, values: Float64Array, path: string, unit = 'values'): void {
  if (values.length !== target.length) {
    throw new CheckpointError(
      `Checkpoint ${path} has ${values.length} ${unit}; the network of these hyperparameters has ${target.length}.`,
      { path },
    );
  }
  target.set(values);
}
