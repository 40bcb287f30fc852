import { z } from 'zod';
import { parseWith } from '../checkpoint.js';
import { adamStateSchema, decodeAdamState, encodeAdamState, setExactly } from '../checkpoint-parts.js';
import { CheckpointError } from '../checkpoint-error.js';
import type { Adam } from '../nn/adam.js';
import type { Mlp } from '../nn/mlp.js';
import { decodeFloat64Array, encodedFloatArraySchema, encodeFloatArray } from '../typed-array-codec.js';
import type { RolloutBuffer } from './rollout-buffer.js';

/** The parts of a PPO agent its checkpoint holds. */
export interface PpoStateHolder {
  readonly policy: Mlp;
  readonly value: Mlp;
  readonly logStd: Float64Array;
  readonly policyOptimizer: Adam;
  readonly valueOptimizer: Adam;
  readonly logStdOptimizer: Adam;
  readonly rollout: RolloutBuffer;
}

const rolloutFields = [
  'observations',
  'actions',
  'logProbs',
  'values',
  'rewards',
  'endings',
  'bootstrapValues',
] as const;

const stateSchema = z.strictObject({
  policy: encodedFloatArraySchema,
  value: encodedFloatArraySchema,
  logStd: encodedFloatArraySchema,
  policyOptimizer: adamStateSchema,
  valueOptimizer: adamStateSchema,
  logStdOptimizer: adamStateSchema,
  rollout: z.strictObject({
    size: z.number().int().nonnegative(),
    observations: encodedFloatArraySchema,
    actions: encodedFloatArraySchema,
    logProbs: encodedFloatArraySchema,
    values: encodedFloatArraySchema,
    rewards: encodedFloatArraySchema,
    endings: encodedFloatArraySchema,
    bootstrapValues: encodedFloatArraySchema,
  }),
});

/**
 * The `state` of a PPO checkpoint: both networks, the log standard deviations, the three Adam states and the steps
 * of the rollout in progress (so a resumed run equals an uninterrupted one).
 *
 * @example
 * ```ts
 * const state = encodePpoState(agent);
 * ```
 */
export function encodePpoState(agent: PpoStateHolder): Record<string, unknown> {
  const rollout = agent.rollout;
  const encodedRollout: Record<string, unknown> = { size: rollout.size };
  for (const field of rolloutFields) {
    const values = rollout[field];
    const perStep = values.length / rollout.capacity;
    encodedRollout[field] = encodeFloatArray(Float64Array.from(values.subarray(0, rollout.size * perStep)));
  }
  return {
    policy: encodeFloatArray(agent.policy.parameters),
    value: encodeFloatArray(agent.value.parameters),
    logStd: encodeFloatArray(agent.logStd),
    policyOptimizer: encodeAdamState(agent.policyOptimizer),
    valueOptimizer: encodeAdamState(agent.valueOptimizer),
    logStdOptimizer: encodeAdamState(agent.logStdOptimizer),
    rollout: encodedRollout,
  };
}

/**
 * Restores a PPO agent's learned state from a checkpoint `state`.
 *
 * @example
 * ```ts
 * decodePpoState(checkpoint.state, agent);
 * ```
 */
export function decodePpoState(value: unknown, agent: PpoStateHolder): void {
  const state = parseWith(stateSchema, value, 'state');
  setExactly(agent.policy.parameters, decodeFloat64Array(state.policy, 'state.policy'), 'state.policy');
  setExactly(agent.value.parameters, decodeFloat64Array(state.value, 'state.value'), 'state.value');
  setExactly(agent.logStd, decodeFloat64Array(state.logStd, 'state.logStd'), 'state.logStd');
  decodeAdamState(agent.policyOptimizer, state.policyOptimizer, 'state.policyOptimizer');
  decodeAdamState(agent.valueOptimizer, state.valueOptimizer, 'state.valueOptimizer');
  decodeAdamState(agent.logStdOptimizer, state.logStdOptimizer, 'state.logStdOptimizer');
  const rollout = agent.rollout;
  const size = state.rollout.size;
  if (size >= rollout.capacity) {
    throw new CheckpointError(
      `Checkpoint state.rollout.size ${size} must be below rolloutSteps ${rollout.capacity}.`,
      {
        path: 'state.rollout.size',
      },
    );
  }
  for (const field of rolloutFields) {
    const target = rollout[field];
    const perStep = target.length / rollout.capacity;
    const values = decodeFloat64Array(state.rollout[field], `state.rollout.${field}`);
    if (values.length !== size * perStep) {
      throw new CheckpointError(
        `Checkpoint state.rollout.${field} has ${values.length} values for ${size} steps.`,
        {
          path: `state.rollout.${field}`,
        },
      );
    }
    target.set(values);
  }
  rollout.size = size;
}
