// Which episodes an evaluation plays: the seed list, rollouts per example, and each episode's index.
import { InvalidArgumentError } from '../core/errors.js';

/** How the seeds of an evaluation are chosen. */
export interface EpisodePlanOptions {
  /** How many examples (seeds); default 10, or the length of `seeds`. */
  episodes?: number | undefined;
  /** The seeds, one per example (explicit list). */
  seeds?: readonly number[] | undefined;
  /** Base seed of derived seeds: example i is seeded `seed + i` (default 0). */
  seed?: number | undefined;
  /** Episodes played per example, each reset with the example's seed (for pass@k); default 1. */
  rolloutsPerExample?: number | undefined;
}

/** The episodes of an evaluation. */
export interface EpisodePlan {
  /** One seed per example. */
  seeds: readonly number[];
  rolloutsPerExample: number;
  /** Episodes in all: seeds × rollouts per example. */
  total: number;
}

/** One planned episode. */
export interface PlannedEpisode {
  /** `example * rolloutsPerExample + rollout`. */
  index: number;
  example: number;
  rollout: number;
  seed: number;
}

function checkCount(name: string, value: number, minimum: number): number {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new InvalidArgumentError(`${name} must be a whole number ≥ ${minimum}, got ${value}.`);
  }
  return value;
}

/**
 * The deterministic plan of an evaluation: the seeds given, or `episodes` seeds counted up from `seed`; each played
 * `rolloutsPerExample` times. Episode `index` plays example `floor(index / k)`, rollout `index % k`.
 *
 * @example
 * ```ts
 * planEpisodes({ episodes: 3, seed: 100, rolloutsPerExample: 2 });
 * // { seeds: [100, 101, 102], rolloutsPerExample: 2, total: 6 }
 * ```
 */
export function planEpisodes(options: EpisodePlanOptions = {}): EpisodePlan {
  const rolloutsPerExample = checkCount('rolloutsPerExample', options.rolloutsPerExample ?? 1, 1);
  let seeds: number[];
  if (options.seeds !== undefined) {
    for (const seed of options.seeds) checkCount('Each seed', seed, 0);
    if (options.episodes !== undefined && options.episodes !== options.seeds.length) {
      throw new InvalidArgumentError(
        `episodes (${options.episodes}) and the seed list (${options.seeds.length} seeds) disagree; give one of them.`,
      );
    }
    if (options.seed !== undefined) {
      throw new InvalidArgumentError('Give either a base seed or a seed list, not both.');
    }
    seeds = [...options.seeds];
  } else {
    const episodes = checkCount('episodes', options.episodes ?? 10, 0);
    const base = checkCount('seed', options.seed ?? 0, 0);
    seeds = Array.from({ length: episodes }, (_, example) => base + example);
  }
  return { seeds, rolloutsPerExample, total: seeds.length * rolloutsPerExample };
}

/**
 * The episode at an index of a plan.
 *
 * @example
 * ```ts
 * episodeAt({ seeds: [7, 9], rolloutsPerExample: 2, total: 4 }, 3); // { index: 3, example: 1, rollout: 1, seed: 9 }
 * ```
 */
export function episodeAt(plan: EpisodePlan, index: number): PlannedEpisode {
  const example = Math.floor(index / plan.rolloutsPerExample);
  const seed = plan.seeds[example];
  if (seed === undefined || index < 0) {
    throw new RangeError(`Episode ${index} is not in the plan (it has ${plan.total} episodes).`);
  }
  return { index, example, rollout: index % plan.rolloutsPerExample, seed };
}
