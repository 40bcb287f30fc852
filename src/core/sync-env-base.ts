import { InvalidArgumentError, UnsupportedOperationError } from './errors.js';
import type {
  EnvMetadata,
  Info,
  RenderFrame,
  RenderMode,
  ResetOptions,
  ResetResult,
  RgbFrame,
  StepResult,
  SyncEnv,
} from './env.js';
import type { EnvSpec } from './env-spec.js';
import { createRng, type Rng } from './random/rng.js';
import type { Space } from './space.js';

/** Constructor options every environment accepts. */
export interface EnvConstructorOptions {
  /** How `render()` renders; must be one of the class's `metadata.renderModes`. */
  renderMode?: RenderMode | undefined;
}

/**
 * Base class for environments whose dynamics run synchronously (the classic ones, text games, simulators). Subclasses
 * implement {@link resetEpisode} and {@link stepSync}; the base seeds the generator the Gymnasium way (an integer seed
 * re-creates it, no seed keeps it) and provides the async face.
 *
 * @example
 * ```ts
 * class Coin extends SyncEnvBase<number, number> {
 *   readonly observationSpace = new Discrete(2);
 *   readonly actionSpace = new Discrete(2);
 *   protected resetEpisode() { return { observation: 0, info: {} }; }
 *   stepSync(action: number) {
 *     const observation = this.rng.integers(2);
 *     return { observation, reward: observation === action ? 1 : 0, terminated: true, truncated: false, info: {} };
 *   }
 * }
 * ```
 */
export abstract class SyncEnvBase<Obs, Act, I = Info> implements SyncEnv<Obs, Act, I> {
  readonly synchronous = true as const;
  abstract readonly observationSpace: Space<Obs, unknown>;
  abstract readonly actionSpace: Space<Act, unknown>;
  readonly metadata: EnvMetadata;
  readonly renderMode: RenderMode | undefined;
  spec: EnvSpec | undefined = undefined;
  /** The seed of the generator, if it was seeded (Gymnasium's `np_random_seed`). */
  rngSeed: number | undefined = undefined;
  private generator: Rng | undefined = undefined;

  constructor(metadata: EnvMetadata, options: EnvConstructorOptions = {}) {
    this.metadata = metadata;
    const mode = options.renderMode;
    if (mode !== undefined && !metadata.renderModes.includes(mode)) {
      throw new InvalidArgumentError(
        `Render mode ${JSON.stringify(mode)} is not supported by ${new.target.name}; ` +
          `supported: ${metadata.renderModes.map((m) => JSON.stringify(m)).join(', ') || 'none'}.`,
      );
    }
    this.renderMode = mode;
  }

  /** The environment's generator; created from the operating system's randomness on first use if never seeded. */
  get rng(): Rng {
    this.generator ??= createRng();
    return this.generator;
  }

  set rng(rng: Rng) {
    this.generator = rng;
    this.rngSeed = undefined;
  }

  get unwrapped(): this {
    return this;
  }

  resetSync(options: ResetOptions = {}): ResetResult<Obs, I> {
    if (options.seed !== undefined) {
      this.generator = createRng(options.seed);
      this.rngSeed = options.seed;
    }
    return this.resetEpisode(options.options);
  }

  abstract stepSync(action: Act): StepResult<Obs, I>;

  /** Starts an episode, drawing from {@link rng} (already re-seeded if a seed was given). */
  protected abstract resetEpisode(options: Record<string, unknown> | undefined): ResetResult<Obs, I>;

  render(): RenderFrame | undefined {
    if (this.renderMode === 'ansi') return this.renderAnsi();
    if (this.renderMode === 'rgb_array') return this.renderRgbArray();
    return undefined;
  }

  /** The text frame; override in environments that list `ansi` among their render modes. */
  protected renderAnsi(): string {
    throw new UnsupportedOperationError(`${this.constructor.name} does not render ansi text.`);
  }

  /** The image frame; override in environments that list `rgb_array` among their render modes. */
  protected renderRgbArray(): RgbFrame {
    throw new UnsupportedOperationError(`${this.constructor.name} does not render rgb_array images.`);
  }

  closeSync(): void {
    // Nothing to release by default.
  }

  reset(options?: ResetOptions): Promise<ResetResult<Obs, I>> {
    try {
      return Promise.resolve(this.resetSync(options));
    } catch (error) {
      return Promise.reject(toError(error));
    }
  }

  step(action: Act): Promise<StepResult<Obs, I>> {
    try {
      return Promise.resolve(this.stepSync(action));
    } catch (error) {
      return Promise.reject(toError(error));
    }
  }

  close(): Promise<void> {
    this.closeSync();
    return Promise.resolve();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** `ClassName<id>` once made from a registration, as Gymnasium prints environments. */
  toString(): string {
    return this.spec === undefined ? this.constructor.name : `${this.constructor.name}<${this.spec.id}>`;
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
