// Seed splits and prompt datasets for training on environments.
import { writeFile } from 'node:fs/promises';
import type { Env } from '../../core/env.js';
import { deriveSeed } from '../../loop/derive-seed.js';
import { defaultObservationToText, type ObservationToText } from './observation-to-text.js';

/** Options of {@link splitSeeds}. */
export interface SplitSeedsOptions {
  /** The base seed of the split. */
  seed: number;
  train: number;
  eval: number;
}

/**
 * Train and eval episode seeds, disjoint. The eval seeds depend only on `seed` and `eval`, so they stay the same when
 * the train size changes; train seeds are a prefix-stable sequence that skips the eval seeds.
 *
 * @example
 * ```ts
 * const { train, eval: evalSeeds } = splitSeeds({ seed: 0, train: 1000, eval: 100 });
 * ```
 */
export function splitSeeds(options: SplitSeedsOptions): { train: number[]; eval: number[] } {
  for (const key of ['train', 'eval'] as const) {
    if (!Number.isInteger(options[key]) || options[key] < 0) {
      throw new RangeError(`splitSeeds: \`${key}\` must be a whole number ≥ 0, not ${options[key]}.`);
    }
  }
  const evalSeeds: number[] = [];
  const taken = new Set<number>();
  for (let index = 0; evalSeeds.length < options.eval; index++) {
    const seed = deriveSeed(options.seed, 'eval', index) >>> 1;
    if (!taken.has(seed)) {
      taken.add(seed);
      evalSeeds.push(seed);
    }
  }
  const train: number[] = [];
  for (let index = 0; train.length < options.train; index++) {
    const seed = deriveSeed(options.seed, 'train', index) >>> 1;
    if (!taken.has(seed)) {
      taken.add(seed);
      train.push(seed);
    }
  }
  return { train, eval: evalSeeds };
}

/** One prompt row of a dataset. */
export interface PromptRow {
  seed: number;
  /** The initial observation as text. */
  prompt: string;
  /** The info `reset` returned (typed arrays as arrays). */
  info: unknown;
}

/** Options of {@link toDataset}. */
export interface ToDatasetOptions<Obs> {
  observationToText?: ObservationToText<Obs> | undefined;
  /** Where to write the rows as JSONL; without it, nothing is written. */
  path?: string | undefined;
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number | bigint>, (item) =>
      typeof item === 'bigint' ? Number(item) : item,
    );
  }
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/**
 * Rows as JSONL: one JSON object per line, typed arrays written as arrays.
 *
 * @example
 * ```ts
 * toJsonl([{ seed: 1, prompt: 'p', info: {} }]); // '{"seed":1,"prompt":"p","info":{}}\n'
 * ```
 */
export function toJsonl(rows: readonly unknown[]): string {
  return rows.map((row) => JSON.stringify(row, jsonReplacer)).join('\n') + (rows.length > 0 ? '\n' : '');
}

/**
 * Resets `env` with each seed and collects a prompt row (the initial observation as text, the seed, the reset info),
 * in seed order; writes them as JSONL to `path` when given.
 *
 * @example
 * ```ts
 * const rows = await toDataset(make('FrozenLake-v1', { renderMode: 'ansi' }), splitSeeds({ seed: 0, train: 100, eval: 10 }).train, { path: 'train.jsonl' });
 * ```
 */
export async function toDataset<Obs, Act, I>(
  env: Env<Obs, Act, I>,
  seeds: readonly number[],
  options: ToDatasetOptions<Obs> = {},
): Promise<PromptRow[]> {
  const toText = options.observationToText ?? defaultObservationToText;
  const rows: PromptRow[] = [];
  for (const seed of seeds) {
    const { observation, info } = await env.reset({ seed });
    rows.push({
      seed,
      prompt: toText(observation, env),
      info: JSON.parse(JSON.stringify(info, jsonReplacer)) as unknown,
    });
  }
  if (options.path !== undefined) await writeFile(options.path, toJsonl(rows));
  return rows;
}
