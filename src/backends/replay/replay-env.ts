// replay/loopnet-v1: each episode replays one recorded LoopNet trajectory, step by recorded iteration.
import type { ResetResult, StepResult } from '../../core/env.js';
import { InvalidArgumentError, ResetNeededError } from '../../core/errors.js';
import { SyncEnvBase } from '../../core/sync-env-base.js';
import { DEFAULT_LOOPNET_CORPUS } from '../../loopnet/default-corpus.js';
import type { RecordLineProblem } from '../../loopnet/loopnet-errors.js';
import { LoopNetIndex } from '../../loopnet/loopnet-index.js';
import { loadLoopNetSplits } from '../../loopnet/loopnet-splits.js';
import { checkRecordSelection, type RecordSelection } from '../../loopnet/record-selection.js';
import { toReplayEpisode, type ReplayEpisode, type ReplayInfo } from './replay-episode.js';
import { NullActionSpace, ReplayObservationSpace, type ReplayObservation } from './replay-spaces.js';

/** How a replay environment is made. */
export interface ReplayEnvOptions extends RecordSelection {
  /** A LoopNet JSONL corpus; default the LoopNet v0.2 corpus shipped with LoopGym. */
  records?: string | undefined;
  /** A splits file (`{ train, val, test }` id lists) for `split`; default the shipped one with the default corpus. */
  splits?: string | undefined;
  /** Fail on the first bad line instead of reporting it and skipping it. Default false. */
  strict?: boolean | undefined;
  /** Receives each skipped bad line (default: a LoopGym warning). */
  onProblem?: ((problem: RecordLineProblem) => void) | undefined;
  /** Replays kept in memory, least recently used dropped first. Default 4096. */
  cacheSize?: number | undefined;
  renderMode?: 'ansi' | undefined;
}

const DEFAULT_CACHE_SIZE = 4096;

/**
 * A Gym environment that replays LoopNet records. Made, it indexes the corpus in one streaming pass (validating
 * every line against the official schema and keeping the byte offsets of the selected records); `reset` picks a
 * record (`options.recordId`, else one drawn with the environment's generator, so a seed picks the same record) and
 * each `step` replays the next recorded iteration. The action is ignored (the action space is `null`).
 *
 * @example
 * ```ts
 * const env = new ReplayEnv({ split: 'test', outcome: 'failure' });
 * let { observation } = env.resetSync({ seed: 3 });
 * for (let done = false; !done; ) {
 *   const step = env.stepSync(null);
 *   done = step.terminated || step.truncated;
 * }
 * ```
 */
export class ReplayEnv extends SyncEnvBase<ReplayObservation, null, ReplayInfo> {
  readonly observationSpace = new ReplayObservationSpace();
  readonly actionSpace = new NullActionSpace();
  /** The selected records. */
  readonly index: LoopNetIndex;
  private readonly cache = new Map<number, ReplayEpisode>();
  private readonly cacheSize: number;
  private current: ReplayEpisode | undefined = undefined;
  private position = 0;

  constructor(options: ReplayEnvOptions = {}) {
    super({ renderModes: ['ansi'] }, { renderMode: options.renderMode });
    const selection: RecordSelection = {
      recordId: options.recordId,
      loopName: options.loopName,
      pattern: options.pattern,
      split: options.split,
      outcome: options.outcome,
    };
    checkRecordSelection(selection);
    const records = options.records ?? DEFAULT_LOOPNET_CORPUS.records;
    const splitsFile =
      options.splits ?? (options.records === undefined ? DEFAULT_LOOPNET_CORPUS.splits : undefined);
    const splits =
      splitsFile !== undefined && selection.split !== undefined ? loadLoopNetSplits(splitsFile) : undefined;
    this.index = LoopNetIndex.build(records, {
      selection,
      splits,
      strict: options.strict,
      onProblem: options.onProblem,
    });
    if (this.index.size === 0) {
      const criteria = Object.entries(selection)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key} ${JSON.stringify(value)}`);
      throw new InvalidArgumentError(
        `No valid record of ${records} ` +
          (criteria.length === 0 ? 'to replay' : `matches ${criteria.join(', ')}`) +
          (this.index.problemCount > 0 ? ` (${this.index.problemCount} bad lines were skipped)` : '') +
          '. Widen the selection or give another corpus.',
      );
    }
    this.cacheSize = Math.max(1, options.cacheSize ?? DEFAULT_CACHE_SIZE);
  }

  /** The replay in progress, if any. */
  get episode(): ReplayEpisode | undefined {
    return this.current;
  }

  protected resetEpisode(
    options: Record<string, unknown> | undefined,
  ): ResetResult<ReplayObservation, ReplayInfo> {
    const requested = options?.['recordId'];
    let position: number;
    if (requested !== undefined) {
      if (typeof requested !== 'string') {
        throw new InvalidArgumentError(
          `options.recordId must be a record id string, got ${typeof requested}.`,
        );
      }
      position = this.index.indexOf(requested);
      if (position === -1) {
        throw new InvalidArgumentError(
          `No record ${requested} among the ${this.index.size} selected records of ${this.index.file}. ` +
            'Check the id, or widen the selection given to make().',
        );
      }
    } else {
      position = this.rng.integers(this.index.size);
    }
    this.current = this.replayAt(position);
    this.position = 0;
    return this.current.reset;
  }

  stepSync(_action: null): StepResult<ReplayObservation, ReplayInfo> {
    const episode = this.current;
    if (episode === undefined) throw new ResetNeededError();
    const steps = episode.steps;
    const position = this.position;
    if (position >= steps.length) {
      throw new ResetNeededError('The replayed record has ended; call reset() to replay another.');
    }
    this.position = position + 1;
    return steps[position]!;
  }

  protected override renderAnsi(): string {
    if (this.current === undefined) return 'No record is being replayed; call reset().';
    const step = this.position === 0 ? this.current.reset : this.current.steps[this.position - 1]!;
    return step.observation.text;
  }

  override closeSync(): void {
    this.cache.clear();
    this.current = undefined;
  }

  override toString(): string {
    return this.spec === undefined ? 'ReplayEnv' : `ReplayEnv<${this.spec.id}>`;
  }

  private replayAt(position: number): ReplayEpisode {
    const cached = this.cache.get(position);
    if (cached !== undefined) {
      // Most recently used last: delete and set again.
      this.cache.delete(position);
      this.cache.set(position, cached);
      return cached;
    }
    const episode = toReplayEpisode(this.index.read(position));
    if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(position, episode);
    return episode;
  }
}
