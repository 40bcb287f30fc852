import { ResetNeededError, UnsupportedOperationError, InvalidArgumentError } from '../core/errors.js';
import type {
  EnvMetadata,
  Info,
  RenderMode,
  ResetOptions,
  ResetResult,
  RgbFrame,
  StepResult,
} from '../core/env.js';
import type { Space } from '../core/space.js';
import { SyncEnvBase } from '../core/sync-env-base.js';

/** One scripted step: what `step` returns (reward 0, both flags false and an empty info unless given). */
export interface ScriptedStep<Obs> {
  observation: Obs;
  reward?: number;
  terminated?: boolean;
  truncated?: boolean;
  info?: Info;
}

/** One scripted episode: the observation `reset` returns, then one entry per `step`. */
export interface ScriptedEpisode<Obs> {
  observation: Obs;
  info?: Info;
  steps: readonly ScriptedStep<Obs>[];
}

/** Constructor options of {@link ScriptedEnv}. */
export interface ScriptedEnvOptions<Obs, Act> {
  observationSpace: Space<Obs, unknown>;
  actionSpace: Space<Act, unknown>;
  /** The episodes to replay, in order (at least one). */
  episodes: readonly ScriptedEpisode<Obs>[];
  renderMode?: RenderMode | undefined;
  /** Defaults to both render modes at 30 frames per second. */
  metadata?: EnvMetadata;
}

/** A recorded call, as {@link episodesFromEvents} reads it (the `kind` field tells reset from step). */
export type ScriptedEvent<Obs> =
  { kind: 'reset'; observation: Obs; info?: Info } | ({ kind: 'step' } & ScriptedStep<Obs>);

const DEFAULT_METADATA: EnvMetadata = { renderModes: ['ansi', 'rgb_array'], renderFps: 30 };

/**
 * A synchronous environment that replays scripted episodes, for testing wrappers, agents and checkers without a real
 * simulator. `reset()` starts the next episode (wrapping around after the last); `reset({seed})` rewinds to the first,
 * so a seeded reset is deterministic as the Env contract asks. Each `step` returns the next scripted step whatever the
 * action, and records the action in {@link actions}. Observations and infos are returned as fresh copies.
 *
 * @example
 * ```ts
 * const env = new ScriptedEnv({
 *   observationSpace: new Discrete(3),
 *   actionSpace: new Discrete(2),
 *   episodes: [{ observation: 0, steps: [{ observation: 1, reward: 1 }, { observation: 2, terminated: true }] }],
 * });
 * env.resetSync({ seed: 0 }); // { observation: 0, info: {} }
 * env.stepSync(1).reward; // 1
 * env.actions; // [1]
 * ```
 */
export class ScriptedEnv<Obs, Act> extends SyncEnvBase<Obs, Act> {
  readonly observationSpace: Space<Obs, unknown>;
  readonly actionSpace: Space<Act, unknown>;
  readonly episodes: readonly ScriptedEpisode<Obs>[];
  /** Every action `step` received, in order. */
  readonly actions: Act[] = [];
  /** The arguments of every `reset`, in order. */
  readonly resets: ResetOptions[] = [];
  /** How many times `close` was called. */
  closeCount = 0;
  /** The episode being replayed (-1 before the first reset). */
  episodeIndex = -1;
  /** Steps taken in the current episode. */
  stepIndex = 0;

  constructor(options: ScriptedEnvOptions<Obs, Act>) {
    super(options.metadata ?? DEFAULT_METADATA, { renderMode: options.renderMode });
    if (options.episodes.length === 0) {
      throw new InvalidArgumentError('ScriptedEnv needs at least one episode in `episodes`.');
    }
    this.observationSpace = options.observationSpace;
    this.actionSpace = options.actionSpace;
    this.episodes = options.episodes;
  }

  override resetSync(options: ResetOptions = {}): ResetResult<Obs> {
    this.resets.push(options);
    if (options.seed !== undefined) this.episodeIndex = -1;
    return super.resetSync(options);
  }

  protected resetEpisode(): ResetResult<Obs> {
    this.episodeIndex = (this.episodeIndex + 1) % this.episodes.length;
    this.stepIndex = 0;
    const episode = this.currentEpisode();
    return { observation: structuredClone(episode.observation), info: structuredClone(episode.info ?? {}) };
  }

  stepSync(action: Act): StepResult<Obs> {
    if (this.episodeIndex < 0) throw new ResetNeededError();
    const episode = this.currentEpisode();
    const step = episode.steps[this.stepIndex];
    if (step === undefined) {
      throw new UnsupportedOperationError(
        `ScriptedEnv: episode ${this.episodeIndex} has only ${episode.steps.length} scripted steps; ` +
          'call reset() or script more steps.',
      );
    }
    this.actions.push(action);
    this.stepIndex += 1;
    return {
      observation: structuredClone(step.observation),
      reward: step.reward ?? 0,
      terminated: step.terminated ?? false,
      truncated: step.truncated ?? false,
      info: structuredClone(step.info ?? {}),
    };
  }

  override closeSync(): void {
    this.closeCount += 1;
  }

  protected override renderAnsi(): string {
    return `episode ${this.episodeIndex} step ${this.stepIndex}\n`;
  }

  protected override renderRgbArray(): RgbFrame {
    return { width: 1, height: 1, data: Uint8Array.of(this.episodeIndex & 255, this.stepIndex & 255, 0) };
  }

  private currentEpisode(): ScriptedEpisode<Obs> {
    return this.episodes[this.episodeIndex]!;
  }
}

/**
 * Splits a recorded sequence of reset and step results into scripted episodes (each `reset` starts one).
 *
 * @example
 * ```ts
 * episodesFromEvents([
 *   { kind: 'reset', observation: 0 },
 *   { kind: 'step', observation: 1, reward: 1, terminated: true },
 * ]); // [{ observation: 0, steps: [{ observation: 1, reward: 1, terminated: true }] }]
 * ```
 */
export function episodesFromEvents<Obs>(events: Iterable<ScriptedEvent<Obs>>): ScriptedEpisode<Obs>[] {
  const episodes: { observation: Obs; info?: Info; steps: ScriptedStep<Obs>[] }[] = [];
  for (const event of events) {
    if (event.kind === 'reset') {
      episodes.push({
        observation: event.observation,
        ...(event.info === undefined ? {} : { info: event.info }),
        steps: [],
      });
    } else {
      const current = episodes.at(-1);
      if (current === undefined) {
        throw new InvalidArgumentError('episodesFromEvents: the first event must be a reset.');
      }
      const { kind: _kind, ...step } = event;
      current.steps.push(step);
    }
  }
  return episodes;
}
