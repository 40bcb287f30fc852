// Speed and memory of the evaluation runner: a scripted agent on FrozenLake through evaluate() with the run store,
// beside the same episodes played in a plain loop, and peak memory at 1k and 10k episodes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { scriptedAgent } from '../agents/scripted-agent.js';
import type { Env } from '../core/env.js';
import { evaluate } from '../eval/evaluate.js';
import { make } from '../registry/make.js';
import { openRunStore } from '../store/run-store.js';
import { measureAlternately } from './measure.js';

/** The environment measured: a toy-text environment whose episodes take a few microseconds. */
export const EVAL_BENCHMARK_ENV = 'FrozenLake-v1';

// Toward the goal of the 4x4 lake, by state; the lake is slippery, so episodes differ by seed.
const PLAN: Readonly<Record<number, number>> = { 0: 1, 4: 1, 8: 2, 9: 2, 10: 1, 14: 2 };
const policy = (state: number): number => PLAN[state] ?? 2;

/** Episodes per second of one way of playing the episodes. */
export interface EvalThroughput {
  name: string;
  episodesPerSecond: number;
}

/** Peak memory while evaluating a number of episodes. */
export interface EvalMemoryRow {
  episodes: number;
  /** The highest resident set size seen during the run, in MB. */
  peakRssMb: number;
  /** The highest heap use seen during the run minus the heap use before it (garbage included), in MB. */
  heapGrowthMb: number;
  /** Heap still in use after the run and a full garbage collection, minus before it: what the run keeps, in MB. */
  retainedHeapMb: number;
}

/** What {@link runEvalBenchmark} measured. */
export interface EvalBenchmarkReport {
  envId: string;
  episodes: number;
  /** The plain loop (`reset`/`step` awaited, the policy called), then `evaluate` without and with the store. */
  bare: EvalThroughput;
  runner: EvalThroughput;
  runnerAndStore: EvalThroughput;
  /** The share of the plain loop's speed that the runner and the store cost: 1 - (runner and store) / bare. */
  overhead: number;
  /** The target: the runner and the store cost under 20%. */
  targetMet: boolean;
  memory: EvalMemoryRow[];
}

/** Options of {@link runEvalBenchmark}. */
export interface EvalBenchmarkOptions {
  /** Episodes per measured run (default 10,000). */
  episodes?: number | undefined;
  /** Episode counts whose peak memory is reported (default 1,000 and 10,000). */
  memoryEpisodes?: readonly number[] | undefined;
  /** Timed repetitions, the fastest kept (default 3). */
  repetitions?: number | undefined;
}

async function bareEpisodes(env: Env<number, number>, episodes: number): Promise<void> {
  for (let seed = 0; seed < episodes; seed++) {
    let { observation } = await env.reset({ seed });
    for (;;) {
      const result = await env.step(policy(observation));
      observation = result.observation;
      if (result.terminated || result.truncated) break;
    }
  }
}

/**
 * Measures the runner: episodes per second of a scripted agent on FrozenLake played in a plain loop, through
 * `evaluate` without a store, and through `evaluate` writing every episode (with its steps) to a store file, measured
 * in turn within each repetition; then the peak memory of evaluations of increasing size (with the store).
 *
 * @example
 * ```ts
 * const report = await runEvalBenchmark({ episodes: 1000, memoryEpisodes: [100, 1000] });
 * console.log(formatEvalBenchmark(report).join('\n'));
 * ```
 */
export async function runEvalBenchmark(options: EvalBenchmarkOptions = {}): Promise<EvalBenchmarkReport> {
  const episodes = options.episodes ?? 10_000;
  const directory = mkdtempSync(join(tmpdir(), 'loopgym-eval-bench-'));
  const store = openRunStore(join(directory, 'runs.db'));
  const agent = scriptedAgent<number, number>(policy, { name: 'lake-plan' });
  try {
    const env = make<number, number>(EVAL_BENCHMARK_ENV);
    const [bare, runner, runnerAndStore] = await measureAlternately(
      [
        { name: 'plain loop', units: episodes, work: () => bareEpisodes(env, episodes) },
        {
          name: 'evaluate(), no store',
          units: episodes,
          work: () => evaluate({ env: EVAL_BENCHMARK_ENV, agent, episodes, store: false }),
        },
        {
          name: 'evaluate() with the store',
          units: episodes,
          work: () => evaluate({ env: EVAL_BENCHMARK_ENV, agent, episodes, store }),
        },
      ],
      options.repetitions ?? 3,
    );
    const memory: EvalMemoryRow[] = [];
    for (const count of options.memoryEpisodes ?? [1_000, 10_000]) {
      memory.push(await measureMemory(count, agent, store));
    }
    const overhead = 1 - runnerAndStore!.perSecond / bare!.perSecond;
    const throughput = (m: { name: string; perSecond: number }): EvalThroughput => ({
      name: m.name,
      episodesPerSecond: m.perSecond,
    });
    return {
      envId: EVAL_BENCHMARK_ENV,
      episodes,
      bare: throughput(bare!),
      runner: throughput(runner!),
      runnerAndStore: throughput(runnerAndStore!),
      overhead,
      targetMet: overhead < 0.2,
      memory,
    };
  } finally {
    store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

async function measureMemory(
  episodes: number,
  agent: ReturnType<typeof scriptedAgent<number, number>>,
  store: ReturnType<typeof openRunStore>,
): Promise<EvalMemoryRow> {
  const collect = garbageCollector();
  collect();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const result = await evaluate({
    env: EVAL_BENCHMARK_ENV,
    agent,
    episodes,
    store,
    onProgress: (progress) => {
      if (progress.done % 100 !== 0) return;
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    },
  });
  collect();
  const retained = process.memoryUsage().heapUsed;
  const megabytes = (bytes: number): number => bytes / 2 ** 20;
  const row = {
    episodes,
    peakRssMb: megabytes(peakRss),
    heapGrowthMb: megabytes(peakHeap - before.heapUsed),
    retainedHeapMb: megabytes(retained - before.heapUsed),
  };
  // The result (with its compact outcomes) is alive until here, so the retained heap counts it.
  if (result.episodes.length !== episodes) throw new Error('the memory run did not record every episode');
  return row;
}

/** A full garbage collection (V8's `gc`, exposed for this process on first use). */
function garbageCollector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed !== undefined) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function perSecond(value: number): string {
  return value >= 1e3 ? `${(value / 1e3).toFixed(1)} k/s` : `${value.toFixed(0)} /s`;
}

/**
 * The report as lines: each way of playing with its speed beside the plain loop, the overhead against the target,
 * and peak memory per episode count.
 *
 * @example
 * ```ts
 * console.log(formatEvalBenchmark(await runEvalBenchmark()).join('\n'));
 * ```
 */
export function formatEvalBenchmark(report: EvalBenchmarkReport): string[] {
  const lines = [`Evaluation runner: scripted agent on ${report.envId}, ${report.episodes} episodes per run`];
  for (const row of [report.bare, report.runner, report.runnerAndStore]) {
    lines.push(
      `${row.name.padEnd(28)} ${perSecond(row.episodesPerSecond).padStart(10)} episodes  |  ` +
        `${(row.episodesPerSecond / report.bare.episodesPerSecond).toFixed(3)}x plain loop`,
    );
  }
  lines.push(
    `target: runner and store cost under 20% of the plain loop's speed: ${(report.overhead * 100).toFixed(1)}%, ` +
      (report.targetMet ? 'met' : 'MISSED'),
  );
  for (const row of report.memory) {
    lines.push(
      `memory at ${String(row.episodes).padStart(6)} episodes: peak RSS ${row.peakRssMb.toFixed(0)} MB, ` +
        `heap growth ${row.heapGrowthMb.toFixed(1)} MB (garbage included), kept after the run ${row.retainedHeapMb.toFixed(1)} MB`,
    );
  }
  return lines;
}
