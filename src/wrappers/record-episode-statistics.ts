import { InvalidArgumentError } from '../core/errors.js';
import type { Env, Info, ResetOptions, ResetResult, StepResult } from '../core/env.js';
import { Wrapper } from '../core/wrapper.js';

/** The statistics of a finished episode, as Gymnasium reports them. */
export interface EpisodeStatistics {
  /** The return: the sum of the episode's rewards. */
  r: number;
  /** The length: the number of steps. */
  l: number;
  /** The elapsed time in seconds since the reset, rounded to microseconds. */
  t: number;
}

/** Options of {@link RecordEpisodeStatistics}. */
export interface RecordEpisodeStatisticsOptions {
  /** How many recent episodes the queues keep (default 100). */
  bufferLength?: number;
  /** The info key the statistics go under (default `episode`). */
  statsKey?: string;
  /** The clock, in milliseconds (default `performance.now`); inject one for reproducible times. */
  clock?: () => number;
}

/**
 * Tracks the return, length and duration of each episode, as Gymnasium's `RecordEpisodeStatistics`: the step that
 * ends an episode carries `info.episode = {r, l, t}`, and the last `bufferLength` episodes are kept in
 * {@link returnQueue}, {@link lengthQueue} and {@link timeQueue}. Returns are summed in float64, in step order.
 *
 * @example
 * ```ts
 * const env = new RecordEpisodeStatistics(makeSync('CartPole-v1'), { bufferLength: 10 });
 * env.resetSync({ seed: 0 });
 * let result;
 * do result = env.stepSync(0); while (!result.terminated && !result.truncated);
 * result.info.episode; // { r: 10, l: 10, t: 0.000123 }
 * ```
 */
export class RecordEpisodeStatistics<Obs, Act, I = Info> extends Wrapper<Obs, Act, I> {
  readonly bufferLength: number;
  readonly statsKey: string;
  /** Returns of the most recent episodes, oldest first. */
  readonly returnQueue: number[] = [];
  /** Lengths of the most recent episodes, oldest first. */
  readonly lengthQueue: number[] = [];
  /** Durations (seconds) of the most recent episodes, oldest first. */
  readonly timeQueue: number[] = [];
  /** Episodes finished so far. */
  episodeCount = 0;
  /** The return of the current episode so far. */
  episodeReturn = 0;
  /** The number of steps of the current episode so far. */
  episodeLength = 0;
  private readonly clock: () => number;
  private episodeStartTime: number;

  constructor(env: Env<Obs, Act, I>, options: RecordEpisodeStatisticsOptions = {}) {
    super(env);
    const bufferLength = options.bufferLength ?? 100;
    if (!Number.isSafeInteger(bufferLength) || bufferLength <= 0) {
      throw new InvalidArgumentError(
        `RecordEpisodeStatistics: bufferLength must be a positive integer, got ${bufferLength}.`,
      );
    }
    this.bufferLength = bufferLength;
    this.statsKey = options.statsKey ?? 'episode';
    this.clock = options.clock ?? (() => performance.now());
    this.episodeStartTime = this.clock();
  }

  protected override transformReset(
    result: ResetResult<Obs, I>,
    _options: ResetOptions | undefined,
  ): ResetResult<Obs, I> {
    this.episodeStartTime = this.clock();
    this.episodeReturn = 0;
    this.episodeLength = 0;
    return result;
  }

  protected override transformStep(result: StepResult<Obs, I>): StepResult<Obs, I> {
    this.episodeReturn += result.reward;
    this.episodeLength += 1;
    if (!result.terminated && !result.truncated) return result;
    const info = result.info as Info;
    if (Object.hasOwn(info, this.statsKey)) {
      throw new InvalidArgumentError(
        `RecordEpisodeStatistics: the step info already has a \`${this.statsKey}\` entry; pass another statsKey.`,
      );
    }
    const now = this.clock();
    const statistics: EpisodeStatistics = {
      r: this.episodeReturn,
      l: this.episodeLength,
      t: Number(((now - this.episodeStartTime) / 1000).toFixed(6)),
    };
    push(this.timeQueue, statistics.t, this.bufferLength);
    push(this.returnQueue, statistics.r, this.bufferLength);
    push(this.lengthQueue, statistics.l, this.bufferLength);
    this.episodeCount += 1;
    this.episodeStartTime = now;
    return { ...result, info: { ...info, [this.statsKey]: statistics } as I };
  }
}

function push(queue: number[], value: number, capacity: number): void {
  queue.push(value);
  if (queue.length > capacity) queue.shift();
}
