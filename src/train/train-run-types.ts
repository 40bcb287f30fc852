// The options, progress and result of `trainFromConfig`.
import type { RunStore } from '../store/run-store.js';
import type { EvaluationPoint } from './training-checkpoint.js';

/**
 * Options of `trainFromConfig`.
 *
 * @example
 * ```ts
 * const options: TrainRunOptions = { resume: true, store: ':memory:', onNotice: console.error };
 * ```
 */
export interface TrainRunOptions {
  /** Continue from the latest checkpoint of the config's checkpoint directory. */
  resume?: boolean | undefined;
  /** The run store, overriding the config's `logging.store`: an open store (left open), a path, or false. */
  store?: RunStore | string | false | undefined;
  /** Stops training between episodes; a checkpoint is saved and the run is marked `interrupted`. */
  signal?: AbortSignal | undefined;
  /** Called after every training episode (must not throw). */
  onProgress?: ((progress: TrainProgress) => void) | undefined;
  /** Called with a line of news: checkpoint saved, evaluation made, warnings (must not throw). */
  onNotice?: ((text: string) => void) | undefined;
}

/** Where training is, after an episode. */
export interface TrainProgress {
  /** Training episodes done (over the whole run, earlier sessions included). */
  episodes: number;
  /** Training episodes the config asks for. */
  total: number;
  /** The return of the episode just finished. */
  lastReturn: number;
  /** Mean return of the last (up to) 100 episodes of this session. */
  meanReturn: number;
  /** The algorithm's metrics of the episode just finished (`epsilon`, `loss`, …). */
  metrics: Record<string, number>;
  lastEvaluation: EvaluationPoint | undefined;
}

/**
 * What `trainFromConfig` did.
 *
 * @example
 * ```ts
 * const result: TrainRunResult = await trainFromConfig(config);
 * console.log(result.status, result.checkpoint, result.evaluations.at(-1)?.meanReturn);
 * ```
 */
export interface TrainRunResult {
  name: string;
  /** The store run (`null` without a store). */
  runId: string | null;
  storePath: string | null;
  /** `completed` (all episodes, or `stopAtReturn` reached), or `interrupted` (the signal). */
  status: 'completed' | 'interrupted';
  /** Whether `stopAtReturn` ended training before its episodes. */
  solved: boolean;
  env: string;
  agent: string;
  episodes: number;
  totalEpisodes: number;
  steps: number;
  /** Episodes trained by this session. */
  sessionEpisodes: number;
  /** Mean return of the last (up to) 100 episodes of this session (`null` if none ran). */
  meanReturnLast100: number | null;
  evaluations: EvaluationPoint[];
  /** The last checkpoint saved (`null` when nothing was trained). */
  checkpoint: string | null;
  csv: string | null;
  jsonl: string | null;
  /** Training wall time over every session, in seconds. */
  elapsedSeconds: number;
}
