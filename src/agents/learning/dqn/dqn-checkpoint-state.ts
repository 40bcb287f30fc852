import { z } from 'zod';
import { parseWith } from '../checkpoint.js';
import { adamStateSchema, decodeAdamState, encodeAdamState, setExactly } from '../checkpoint-parts.js';
import { CheckpointError } from '../checkpoint-error.js';
import type { Adam } from '../nn/adam.js';
import type { Mlp } from '../nn/mlp.js';
import {
  decodeFloat32Array,
  decodeFloat64Array,
  encodedFloatArraySchema,
  encodeFloatArray,
} from '../typed-array-codec.js';
import type { ReplayBuffer } from './replay-buffer.js';

/** The parts of a DQN agent its checkpoint holds. */
export interface DqnStateHolder {
  readonly online: Mlp;
  readonly target: Mlp;
  readonly optimizer: Adam;
  readonly replay: ReplayBuffer;
}

const replaySchema = z.strictObject({
  size: z.number().int().nonnegative(),
  position: z.number().int().nonnegative(),
  observations: encodedFloatArraySchema,
  nextObservations: encodedFloatArraySchema,
  actions: encodedFloatArraySchema,
  rewards: encodedFloatArraySchema,
  terminals: encodedFloatArraySchema,
});

const stateSchema = z.strictObject({
  online: encodedFloatArraySchema,
  target: encodedFloatArraySchema,
  optimizer: adamStateSchema,
  replay: replaySchema.optional(),
});

/**
 * The `state` of a DQN checkpoint: both networks, Adam's moments and (optionally) the filled part of the replay
 * buffer, float arrays in base64.
 *
 * @example
 * ```ts
 * const state = encodeDqnState(agent, true);
 * ```
 */
export function encodeDqnState(agent: DqnStateHolder, includeReplayBuffer: boolean): Record<string, unknown> {
  const state: Record<string, unknown> = {
    online: encodeFloatArray(agent.online.parameters),
    target: encodeFloatArray(agent.target.parameters),
    optimizer: encodeAdamState(agent.optimizer),
  };
  if (includeReplayBuffer) {
    const replay = agent.replay;
    const width = replay.observationSize;
    state['replay'] = {
      size: replay.size,
      position: replay.position,
      observations: encodeFloatArray(replay.observations.subarray(0, replay.size * width)),
      nextObservations: encodeFloatArray(replay.nextObservations.subarray(0, replay.size * width)),
      actions: encodeFloatArray(Float64Array.from(replay.actions.subarray(0, replay.size))),
      rewards: encodeFloatArray(replay.rewards.subarray(0, replay.size)),
      terminals: encodeFloatArray(Float64Array.from(replay.terminals.subarray(0, replay.size))),
    };
  }
  return state;
}

/**
 * Restores a DQN agent's networks, optimiser and replay buffer from a checkpoint `state`.
 *
 * @example
 * ```ts
 * decodeDqnState(checkpoint.state, agent);
 * ```
 */
export function decodeDqnState(value: unknown, agent: DqnStateHolder): void {
  const state = parseWith(stateSchema, value, 'state');
  setExactly(
    agent.online.parameters,
    decodeFloat64Array(state.online, 'state.online'),
    'state.online',
    'weights',
  );
  setExactly(
    agent.target.parameters,
    decodeFloat64Array(state.target, 'state.target'),
    'state.target',
    'weights',
  );
  decodeAdamState(agent.optimizer, state.optimizer, 'state.optimizer');
  const replay = agent.replay;
  replay.clear();
  if (state.replay === undefined) return;
  const saved = state.replay;
  if (saved.size > replay.capacity || saved.position >= replay.capacity) {
    throw new CheckpointError(
      `Checkpoint state.replay holds ${saved.size} transitions for a buffer of ${replay.capacity}.`,
      { path: 'state.replay.size' },
    );
  }
  const width = replay.observationSize;
  const parts: [Float32Array | Float64Array, ArrayLike<number> & { set?: unknown }, string, number][] = [
    [
      decodeFloat32Array(saved.observations, 'state.replay.observations'),
      replay.observations,
      'observations',
      width,
    ],
    [
      decodeFloat32Array(saved.nextObservations, 'state.replay.nextObservations'),
      replay.nextObservations,
      'nextObservations',
      width,
    ],
    [decodeFloat64Array(saved.actions, 'state.replay.actions'), replay.actions, 'actions', 1],
    [decodeFloat64Array(saved.rewards, 'state.replay.rewards'), replay.rewards, 'rewards', 1],
    [decodeFloat64Array(saved.terminals, 'state.replay.terminals'), replay.terminals, 'terminals', 1],
  ];
  for (const [values, target, name, perItem] of parts) {
    if (values.length !== saved.size * perItem) {
      throw new CheckpointError(
        `Checkpoint state.replay.${name} has ${values.length} values for ${saved.size} transitions.`,
        { path: `state.replay.${name}` },
      );
    }
    (target as Float64Array).set(values);
  }
  replay.size = saved.size;
  replay.position = saved.position;
}
