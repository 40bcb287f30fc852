// Throughput of the bundled loop environments in sim: episodes and steps per second, as they come and with every
// deterministic grader's verdict already in the grader cache, beside the reference Python SimEnv.
import '../backends/default-loop-environments.js';
import type { Env } from '../core/env.js';
import { GraderCache } from '../loop/evaluators/grader-cache.js';
import { make } from '../registry/make.js';

/** The reference Python SimEnv on this machine, as measured for the issue (it does almost no work per step). */
export const PYTHON_SIM_ENV = Object.freeze({ episodesPerSecond: 15_000, stepsPerSecond: 22_000 });

/** The loop environments measured by default: every bundled LoopBench loop. */
export const BUNDLED_LOOP_ENVS: readonly string[] = Object.freeze([
  'loopbench/research-synthesis-v1',
  'loopbench/multi-agent-debate-v1',
  'loopbench/code-repair-v1',
]);

/**
 * How the grader cache stands while an environment is measured:
 * - `as-is`: a cache of its own, shared by all the environment's episodes as by default; warmed up (the JIT and the
 *   cache) on other seeds than those measured, and each repetition runs seeds not run before, so verdicts are cached
 *   only when an output comes back word for word.
 * - `graders-cached`: a warm-up pass over the very seeds measured first, so that the cache holds the verdict of every
 *   deterministic grader (rubric judges are model calls: they still run, from the seeded simulated model).
 */
export type LoopBenchmarkMode = 'as-is' | 'graders-cached';

/** One environment measured in one mode. */
export interface LoopBenchmarkRow {
  envId: string;
  mode: LoopBenchmarkMode;
  /** Episodes per repetition (one per seed). */
  episodes: number;
  /** Steps (loop iterations) of the fastest repetition. */
  steps: number;
  /** Of the fastest repetition. */
  episodesPerSecond: number;
  stepsPerSecond: number;
  /**
   * The share of deterministic grader look-ups the cache answered during the measured repetitions; `null` when the
   * loop has no cacheable deterministic grader (its evaluators are rubric judges or humans only).
   */
  graderCacheHitRate: number | null;
}

/** Every row, the reference, and whether the target is met. */
export interface LoopBenchmarkReport {
  rows: LoopBenchmarkRow[];
  reference: typeof PYTHON_SIM_ENV;
  /**
   * The target: with graders cached by content, every environment runs more steps per second than the
   * reference, on one core (the measurement runs on a single thread).
   */
  targetMet: boolean;
}

/** Options of {@link measureLoopBenchmarks}. */
export interface LoopBenchmarkOptions {
  /** Default {@link BUNDLED_LOOP_ENVS}. */
  envIds?: readonly string[] | undefined;
  /** Episodes per repetition; default 300 times `scale`, at least 10. */
  episodes?: number | undefined;
  /** Scales the default episode count (as `LOOPGYM_BENCH_SCALE` does for `npm run bench`). Default 1. */
  scale?: number | undefined;
  /** Timed repetitions per row, the fastest kept (on a shared machine it is the least disturbed). Default 3. */
  repetitions?: number | undefined;
  /** The modes to measure. Default both. */
  modes?: readonly LoopBenchmarkMode[] | undefined;
}

type LoopGymEnv = Env<unknown, null, unknown>;

/** Runs one episode per seed to its end with the loop's own models acting; returns the number of steps. */
async function runEpisodes(env: LoopGymEnv, seeds: readonly number[]): Promise<number> {
  let steps = 0;
  for (const seed of seeds) {
    await env.reset({ seed });
    for (;;) {
      const result = await env.step(null);
      steps++;
      if (result.terminated || result.truncated) break;
    }
  }
  return steps;
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, index) => start + index);
}

async function measureRow(
  envId: string,
  mode: LoopBenchmarkMode,
  episodes: number,
  repetitions: number,
): Promise<LoopBenchmarkRow> {
  // A fresh environment (fresh task objects) and a fresh cache per row: rows do not warm each other up.
  const graderCache = new GraderCache();
  const env = make<unknown, null, unknown>(envId, { backend: 'sim', services: { graderCache } });
  try {
    const measuredSeeds = (repetition: number): number[] =>
      mode === 'graders-cached' ? range(0, episodes) : range((repetition + 1) * episodes, episodes);
    await runEpisodes(env, mode === 'graders-cached' ? range(0, episodes) : range(1_000_000, episodes));
    const hitsBefore = graderCache.hits;
    const missesBefore = graderCache.misses;
    let best = { seconds: Number.POSITIVE_INFINITY, steps: 0 };
    for (let repetition = 0; repetition < repetitions; repetition++) {
      const seeds = measuredSeeds(repetition);
      const start = performance.now();
      const steps = await runEpisodes(env, seeds);
      const seconds = (performance.now() - start) / 1000;
      if (steps / seconds > best.steps / best.seconds) best = { seconds, steps };
    }
    const hits = graderCache.hits - hitsBefore;
    const lookUps = hits + graderCache.misses - missesBefore;
    return {
      envId,
      mode,
      episodes,
      steps: best.steps,
      episodesPerSecond: episodes / best.seconds,
      stepsPerSecond: best.steps / best.seconds,
      graderCacheHitRate: lookUps === 0 ? null : hits / lookUps,
    };
  } finally {
    await env.close();
  }
}

/**
 * Measures each loop environment in sim, in each mode (see {@link LoopBenchmarkMode}): episodes and steps per second
 * of the fastest of `repetitions` timed passes over `episodes` seeds, on one thread, with the grader cache's hit
 * rate. The target is met when, graders cached, every environment beats {@link PYTHON_SIM_ENV}'s steps per second.
 *
 * @example
 * ```ts
 * const report = await measureLoopBenchmarks({ scale: 0.1 });
 * console.log(formatLoopBenchmarks(report).join('\n'));
 * ```
 */
export async function measureLoopBenchmarks(
  options: LoopBenchmarkOptions = {},
): Promise<LoopBenchmarkReport> {
  const envIds = options.envIds ?? BUNDLED_LOOP_ENVS;
  const episodes = options.episodes ?? Math.max(10, Math.round(300 * (options.scale ?? 1)));
  const repetitions = options.repetitions ?? 3;
  const modes = options.modes ?? (['as-is', 'graders-cached'] as const);
  const rows: LoopBenchmarkRow[] = [];
  for (const envId of envIds) {
    for (const mode of modes) rows.push(await measureRow(envId, mode, episodes, repetitions));
  }
  const cached = rows.filter((row) => row.mode === 'graders-cached');
  return {
    rows,
    reference: PYTHON_SIM_ENV,
    targetMet: cached.length > 0 && cached.every((row) => row.stepsPerSecond > PYTHON_SIM_ENV.stepsPerSecond),
  };
}

function perSecond(value: number): string {
  return value >= 1e4 ? `${(value / 1e3).toFixed(1)} k/s` : `${value.toFixed(0)}/s`;
}

/**
 * The report as lines of text: one per environment and mode, each beside the reference, then the verdict.
 *
 * @example
 * ```ts
 * formatLoopBenchmarks(report);
 * // ['loopbench/research-synthesis-v1 as-is  …  steps 5210/s (0.24x Python SimEnv) …', …, 'target …: MISSED']
 * ```
 */
export function formatLoopBenchmarks(report: LoopBenchmarkReport): string[] {
  const { reference } = report;
  const lines = [
    `Loop environments in sim, one thread (Python SimEnv: ${perSecond(reference.episodesPerSecond)} episodes, ${perSecond(reference.stepsPerSecond)} steps)`,
  ];
  for (const row of report.rows) {
    lines.push(
      [
        `${row.envId} ${row.mode}`.padEnd(48),
        `episodes ${perSecond(row.episodesPerSecond).padStart(10)} (${(row.episodesPerSecond / reference.episodesPerSecond).toFixed(2)}x)`,
        `steps ${perSecond(row.stepsPerSecond).padStart(10)} (${(row.stepsPerSecond / reference.stepsPerSecond).toFixed(2)}x)`,
        row.graderCacheHitRate === null
          ? 'no deterministic grader'
          : `grader cache hits ${(row.graderCacheHitRate * 100).toFixed(0)}%`,
      ].join('  |  '),
    );
  }
  lines.push(
    `target: more steps/s than Python SimEnv (${perSecond(reference.stepsPerSecond)}) on every loop, graders cached: ${report.targetMet ? 'met' : 'MISSED'}`,
  );
  return lines;
}
