import { z } from 'zod';
import type { Pcg64State } from '../../core/random/pcg64.js';
import { CheckpointError } from './checkpoint-error.js';
import type { LearnerAlgorithm, LearnerProgress } from './learner.js';

/** The `format` field of every agent checkpoint. */
export const CHECKPOINT_FORMAT = 'loopgym-agent-checkpoint';
/** The checkpoint format version this code writes and reads. */
export const CHECKPOINT_VERSION = 1;
/** The algorithms whose checkpoints this code reads. */
export const CHECKPOINT_ALGORITHMS: readonly LearnerAlgorithm[] = ['q-learning', 'sarsa', 'dqn', 'ppo'];

/** What {@link Learner.toCheckpoint} may leave out. */
export interface CheckpointOptions {
  /**
   * Save DQN's replay buffer too (default true): needed for a resumed run to equal an uninterrupted one; without it
   * the file is small and a resumed run refills the buffer.
   */
  includeReplayBuffer?: boolean;
}

/**
 * A learner's snapshot as JSON: format and version first, then the algorithm, its hyperparameters, the sizes it was
 * built for (`problem`), progress counts, the generator state and the learned state (float arrays in base64).
 *
 * @example
 * ```ts
 * const checkpoint = agent.toCheckpoint();
 * await writeFile('agent.json', JSON.stringify(checkpoint));
 * const again = loadLearner(JSON.parse(await readFile('agent.json', 'utf8')));
 * ```
 */
export interface AgentCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  version: typeof CHECKPOINT_VERSION;
  algorithm: LearnerAlgorithm;
  hyperparameters: Record<string, unknown>;
  problem: Record<string, unknown>;
  progress: LearnerProgress;
  rng: Pcg64State;
  state: Record<string, unknown>;
}

const pcg64StateSchema = z.strictObject({
  bitGenerator: z.literal('PCG64'),
  state: z.strictObject({ state: z.string().regex(/^\d+$/), inc: z.string().regex(/^\d+$/) }),
  hasUint32: z.boolean(),
  uinteger: z.number().int().nonnegative(),
});

const count = z.number().int().nonnegative();

/** The zod schema of the checkpoint envelope (the algorithm's own fields are checked by its loader). */
export const agentCheckpointSchema = z.strictObject({
  format: z.literal(CHECKPOINT_FORMAT),
  version: z.literal(CHECKPOINT_VERSION),
  algorithm: z.enum(['q-learning', 'sarsa', 'dqn', 'ppo']),
  hyperparameters: z.record(z.string(), z.unknown()),
  problem: z.record(z.string(), z.unknown()),
  progress: z.strictObject({ episodes: count, steps: count, updates: count }),
  rng: pcg64StateSchema,
  state: z.record(z.string(), z.unknown()),
});

/**
 * Checks that `value` is an agent checkpoint this version of LoopGym reads, with clear errors for another file,
 * a newer format version or an unknown algorithm.
 *
 * @example
 * ```ts
 * const checkpoint = parseCheckpoint(JSON.parse(text)); // throws CheckpointError when it is not one
 * ```
 */
export function parseCheckpoint(value: unknown): AgentCheckpoint {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CheckpointError(
      'Not an agent checkpoint: expected a JSON object with "format": "loopgym-agent-checkpoint".',
    );
  }
  const record = value as Record<string, unknown>;
  if (record['format'] !== CHECKPOINT_FORMAT) {
    throw new CheckpointError(
      `Not an agent checkpoint: "format" is ${JSON.stringify(record['format'])}, expected "${CHECKPOINT_FORMAT}". ` +
        'Pass a file written by an agent’s toCheckpoint() (or `loopgym train`).',
      { path: 'format' },
    );
  }
  if (record['version'] !== CHECKPOINT_VERSION) {
    throw new CheckpointError(
      `Unsupported checkpoint version ${JSON.stringify(record['version'])}: this LoopGym reads version ${CHECKPOINT_VERSION}. ` +
        'A newer version was written by a newer LoopGym; upgrade LoopGym to read it.',
      { path: 'version' },
    );
  }
  const algorithm = record['algorithm'];
  if (typeof algorithm !== 'string' || !CHECKPOINT_ALGORITHMS.includes(algorithm as LearnerAlgorithm)) {
    throw new CheckpointError(
      `Unknown algorithm ${JSON.stringify(algorithm)} in the checkpoint; known: ${CHECKPOINT_ALGORITHMS.join(', ')}.`,
      { path: 'algorithm' },
    );
  }
  return parseWith<AgentCheckpoint>(agentCheckpointSchema, value, '');
}

/**
 * Validates part of a checkpoint with a zod schema, turning the first issue into a {@link CheckpointError} that names
 * its path.
 *
 * @example
 * ```ts
 * const state = parseWith(myStateSchema, checkpoint.state, 'state');
 * ```
 */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
  throw new CheckpointError(
    `Invalid checkpoint${path === '' ? '' : ` at ${path}`}: ${issue.message}. The file is damaged or was not written by LoopGym.`,
    { path, cause: result.error },
  );
}
