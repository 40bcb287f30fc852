// Training checkpoints on disk: one JSON file per checkpoint, written atomically, and a `latest` pointer.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { InvalidArgumentError } from '../core/errors.js';

/** The `format` of a training checkpoint file. */
export const TRAINING_CHECKPOINT_FORMAT = 'loopgym-training-checkpoint';

/** The version of the training checkpoint format this LoopGym writes. */
export const TRAINING_CHECKPOINT_VERSION = 1;

const evaluationPointSchema = z.object({
  episode: z.number().int(),
  meanReturn: z.number(),
  successRate: z.number(),
  meanLength: z.number(),
});

/** A greedy evaluation made during training, after `episode` training episodes. */
export type EvaluationPoint = z.infer<typeof evaluationPointSchema>;

const trainingCheckpointSchema = z.object({
  format: z.literal(TRAINING_CHECKPOINT_FORMAT),
  version: z.number().int(),
  name: z.string(),
  runId: z.string().nullable(),
  episodes: z.number().int().min(0),
  steps: z.number().int().min(0),
  elapsedMs: z.number().min(0),
  savedAt: z.string(),
  evaluations: z.array(evaluationPointSchema),
  /** The training episode of the last `stopAtReturn` check. */
  lastSolvedCheck: z.number().int().nullable().default(null),
  agent: z.unknown(),
});

/**
 * What `loopgym train` saves: where training is (episodes, steps, time, the store run it writes to, the evaluations
 * so far) and the agent's own checkpoint (`null` for agents that do not learn).
 *
 * @example
 * ```ts
 * const checkpoint = readTrainingCheckpoint('runs/cartpole/checkpoints/checkpoint-0000100.json');
 * console.log(checkpoint.episodes, checkpoint.runId);
 * ```
 */
export type TrainingCheckpoint = z.output<typeof trainingCheckpointSchema>;

const LATEST = 'latest';

/** The file name of the checkpoint after `episodes` episodes. */
export function checkpointFileName(episodes: number): string {
  return `checkpoint-${String(episodes).padStart(7, '0')}.json`;
}

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over it, so a reader (or a crash) never
 * sees half a file.
 *
 * @example
 * ```ts
 * writeFileAtomic('out/latest', 'checkpoint-0000100.json\n');
 * ```
 */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/**
 * Saves a checkpoint in `directory` as `checkpoint-NNNNNNN.json`, then points `latest` at it; with `keep`, deletes
 * the oldest checkpoints beyond that many. Returns the file's path.
 *
 * @example
 * ```ts
 * const path = saveTrainingCheckpoint('runs/x/checkpoints', checkpoint, { keep: 5 });
 * ```
 */
export function saveTrainingCheckpoint(
  directory: string,
  checkpoint: TrainingCheckpoint,
  options: { keep?: number | undefined } = {},
): string {
  const name = checkpointFileName(checkpoint.episodes);
  const path = join(directory, name);
  writeFileAtomic(path, JSON.stringify(checkpoint));
  writeFileAtomic(join(directory, LATEST), `${name}\n`);
  if (options.keep !== undefined) {
    const files = listCheckpoints(directory);
    for (const old of files.slice(0, Math.max(0, files.length - options.keep))) {
      if (old !== name) rmSync(join(directory, old), { force: true });
    }
  }
  return path;
}

/** The checkpoint files of a directory, oldest first. */
export function listCheckpoints(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((file) => /^checkpoint-\d+\.json$/.test(file))
    .sort();
}

/**
 * The file `latest` points at in a checkpoint directory, or `undefined` when there is none.
 *
 * @example
 * ```ts
 * const path = latestCheckpointPath('runs/cartpole/checkpoints');
 * ```
 */
export function latestCheckpointPath(directory: string): string | undefined {
  const pointer = join(directory, LATEST);
  if (!existsSync(pointer)) return undefined;
  const name = readFileSync(pointer, 'utf8').trim();
  const path = join(directory, basename(name));
  if (!existsSync(path)) {
    throw new InvalidArgumentError(
      `${pointer} points at ${name}, which does not exist: give --checkpoint <file> or delete the pointer.`,
    );
  }
  return path;
}

/**
 * Reads a training checkpoint, or a bare agent checkpoint (`toCheckpoint()` JSON), which is wrapped as one.
 *
 * @example
 * ```ts
 * const { agent } = readTrainingCheckpoint('checkpoint-0000300.json');
 * ```
 */
export function readTrainingCheckpoint(path: string): TrainingCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(resolve(path), 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InvalidArgumentError(
      missing
        ? `Checkpoint ${path} does not exist; \`loopgym train -c <config>\` writes them (give latest for the newest).`
        : `Checkpoint ${path} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== TRAINING_CHECKPOINT_FORMAT) {
    const agent = value as { progress?: { episodes?: unknown; steps?: unknown } } | null;
    return {
      format: TRAINING_CHECKPOINT_FORMAT,
      version: TRAINING_CHECKPOINT_VERSION,
      name: basename(path),
      runId: null,
      episodes: Number(agent?.progress?.episodes ?? 0),
      steps: Number(agent?.progress?.steps ?? 0),
      elapsedMs: 0,
      savedAt: '',
      evaluations: [],
      lastSolvedCheck: null,
      agent: value,
    };
  }
  const result = trainingCheckpointSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InvalidArgumentError(
      `Checkpoint ${path} is damaged at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}.`,
    );
  }
  if (result.data.version > TRAINING_CHECKPOINT_VERSION) {
    throw new InvalidArgumentError(
      `Checkpoint ${path} is version ${result.data.version}, newer than this LoopGym reads (${TRAINING_CHECKPOINT_VERSION}): upgrade LoopGym.`,
    );
  }
  return result.data;
}
