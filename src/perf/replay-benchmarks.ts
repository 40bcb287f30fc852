// Replay throughput: replayed steps per second, MB/s of JSONL read and validated, and memory on a large corpus.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSyncEnv, type SyncEnv } from '../core/env.js';
import { ReplayEnv } from '../backends/replay/replay-env.js';
import { replayEnvRegistrations } from '../backends/replay/replay-registrations.js';
import { DEFAULT_LOOPNET_CORPUS } from '../loopnet/default-corpus.js';
import { LoopNetIndex } from '../loopnet/loopnet-index.js';
import { readLoopNetRecordsSync } from '../loopnet/read-loopnet-records.js';
import { make } from '../registry/make.js';
import { Registry } from '../registry/registry.js';

/**
 * The target: replayed steps per second.
 *
 * @example
 * ```ts
 * report.steps[0].stepsPerSecond >= REPLAY_STEPS_TARGET;
 * ```
 */
export const REPLAY_STEPS_TARGET = 1_000_000;

/** One replay throughput measurement. */
export interface ReplayStepsRow {
  name: string;
  steps: number;
  episodes: number;
  stepsPerSecond: number;
}

/** Reading a generated corpus. */
export interface CorpusReadRow {
  name: string;
  bytes: number;
  records: number;
  seconds: number;
  megabytesPerSecond: number;
  /** Resident memory before reading, at its highest while reading, and the difference (MiB). */
  rssBeforeMiB: number;
  rssPeakMiB: number;
  rssGrowthMiB: number;
  /** Resident memory sampled at each tenth of the file (MiB): flat when streaming. */
  rssByTenthMiB: number[];
  /** What the result keeps in memory (the replay index: 55 bytes per record), in MiB; 0 for plain reading. */
  retainedMiB: number;
}

/** Everything measured. */
export interface ReplayBenchmarkReport {
  steps: ReplayStepsRow[];
  reads: CorpusReadRow[];
  /** Bytes of the generated corpus. */
  corpusBytes: number;
  /** Whether the fastest synchronous replay reached {@link REPLAY_STEPS_TARGET}. */
  targetMet: boolean;
}

/** Options of {@link measureReplayBenchmarks}. */
export interface ReplayBenchmarkOptions {
  /** Scales the work: replayed steps (3 million × scale) and the generated corpus (1 GiB × scale). Default 1. */
  scale?: number | undefined;
  /** Timed repetitions of the step measurements, the fastest kept. Default 3. */
  repetitions?: number | undefined;
  /** Override the generated corpus's size in bytes. */
  corpusBytes?: number | undefined;
}

const MIB = 1024 * 1024;
const rssMiB = (): number => process.memoryUsage.rss() / MIB;

function syncReplay(env: SyncEnv<unknown, null>, steps: number): { steps: number; episodes: number } {
  let done = 0;
  let episodes = 1;
  env.resetSync();
  while (done < steps) {
    const result = env.stepSync(null);
    done++;
    if (result.terminated || result.truncated) {
      env.resetSync();
      episodes++;
    }
  }
  return { steps: done, episodes };
}

async function asyncReplay(
  env: SyncEnv<unknown, null>,
  steps: number,
): Promise<{ steps: number; episodes: number }> {
  let done = 0;
  let episodes = 1;
  await env.reset();
  while (done < steps) {
    const result = await env.step(null);
    done++;
    if (result.terminated || result.truncated) {
      await env.reset();
      episodes++;
    }
  }
  return { steps: done, episodes };
}

async function best(
  name: string,
  repetitions: number,
  run: () => { steps: number; episodes: number } | Promise<{ steps: number; episodes: number }>,
): Promise<ReplayStepsRow> {
  await run();
  let row: ReplayStepsRow = { name, steps: 0, episodes: 0, stepsPerSecond: 0 };
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const start = performance.now();
    const { steps, episodes } = await run();
    const perSecond = steps / ((performance.now() - start) / 1000);
    if (perSecond > row.stepsPerSecond) row = { name, steps, episodes, stepsPerSecond: perSecond };
  }
  return row;
}

/**
 * Writes a corpus of about `bytes` bytes from the shipped records, each copy with a new record id (so ids stay
 * unique), in 8 MiB writes.
 *
 * @example
 * ```ts
 * const { file, bytes, records } = generateLoopNetCorpus(join(directory, 'big.jsonl'), 1 << 30);
 * ```
 */
export function generateLoopNetCorpus(
  file: string,
  bytes: number,
): { file: string; bytes: number; records: number } {
  const lines = readFileSync(DEFAULT_LOOPNET_CORPUS.records, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
  const marker = '"record_id":"';
  const descriptor = openSync(file, 'w');
  let written = 0;
  let records = 0;
  let pending: string[] = [];
  let pendingBytes = 0;
  try {
    while (written + pendingBytes < bytes) {
      const line = lines[records % lines.length]!;
      const at = line.indexOf(marker) + marker.length;
      const hex = records.toString(16).padStart(32, '0');
      const id = `ln-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      const copy = `${line.slice(0, at)}${id}${line.slice(at + id.length)}\n`;
      pending.push(copy);
      pendingBytes += Buffer.byteLength(copy);
      records++;
      if (pendingBytes >= 8 * MIB) {
        written += writeSync(descriptor, pending.join(''));
        pending = [];
        pendingBytes = 0;
      }
    }
    if (pending.length > 0) written += writeSync(descriptor, pending.join(''));
  } finally {
    closeSync(descriptor);
  }
  return { file, bytes: written, records };
}

function measureRead(
  name: string,
  bytes: number,
  read: (sample: (at: number) => void) => { records: number; retainedBytes: number },
): CorpusReadRow {
  globalThis.gc?.();
  const before = rssMiB();
  let peak = before;
  const byTenth: number[] = [];
  let nextTenth = 1;
  const start = performance.now();
  const { records, retainedBytes } = read((at) => {
    const rss = rssMiB();
    if (rss > peak) peak = rss;
    while (at >= (nextTenth * bytes) / 10 && nextTenth <= 10) {
      byTenth.push(Math.round(rss));
      nextTenth++;
    }
  });
  const seconds = (performance.now() - start) / 1000;
  return {
    name,
    bytes,
    records,
    seconds,
    megabytesPerSecond: bytes / 1e6 / seconds,
    rssBeforeMiB: before,
    rssPeakMiB: peak,
    rssGrowthMiB: peak - before,
    rssByTenthMiB: byTenth,
    retainedMiB: retainedBytes / MIB,
  };
}

/**
 * Measures replay: steps per second replaying the shipped corpus (the environment alone, through `make()`'s wrapper
 * stack, and through the async face), then MB/s of reading and validating a generated corpus of 1 GiB × `scale`
 * (the streaming reader, and the replay environment's index built over it) with resident memory sampled along the
 * way. The corpus is written to a temporary directory and removed afterwards.
 *
 * @example
 * ```ts
 * const report = await measureReplayBenchmarks({ scale: 0.05 });
 * console.log(formatReplayBenchmarks(report).join('\n'));
 * ```
 */
export async function measureReplayBenchmarks(
  options: ReplayBenchmarkOptions = {},
): Promise<ReplayBenchmarkReport> {
  const scale = options.scale ?? 1;
  const repetitions = options.repetitions ?? 3;
  const stepCount = Math.max(10_000, Math.round(3_000_000 * scale));
  const registry = new Registry();
  for (const registration of replayEnvRegistrations) registry.register(registration);

  const kernel = new ReplayEnv();
  kernel.resetSync({ seed: 0 });
  const made = make<unknown, null>('replay/loopnet-v1', { registry });
  await made.reset({ seed: 0 });
  const steps: ReplayStepsRow[] = [
    await best('ReplayEnv.stepSync (545 records, cached replays)', repetitions, () =>
      syncReplay(kernel, stepCount),
    ),
  ];
  if (isSyncEnv(made)) {
    steps.push(await best('make() stack, stepSync', repetitions, () => syncReplay(made, stepCount)));
  }
  steps.push(
    await best('ReplayEnv async step()', repetitions, () => asyncReplay(kernel, Math.round(stepCount / 3))),
  );
  kernel.closeSync();
  await made.close();

  const directory = mkdtempSync(join(tmpdir(), 'loopgym-replay-bench-'));
  const reads: CorpusReadRow[] = [];
  let corpusBytes = 0;
  try {
    const generated = generateLoopNetCorpus(
      join(directory, 'records.jsonl'),
      options.corpusBytes ?? Math.round(1024 * MIB * scale),
    );
    corpusBytes = generated.bytes;
    reads.push(
      measureRead('readLoopNetRecordsSync (parse + schema)', generated.bytes, (sample) => {
        let count = 0;
        for (const entry of readLoopNetRecordsSync(generated.file)) {
          count++;
          if ((count & 1023) === 0) sample(entry.byteOffset);
        }
        sample(generated.bytes);
        return { records: count, retainedBytes: 0 };
      }),
    );
    reads.push(
      measureRead('ReplayEnv index (make over the corpus)', generated.bytes, (sample) => {
        const index = LoopNetIndex.build(generated.file, {
          selection: { outcome: ['success', 'failure', 'partial'] },
          onProblem: () => undefined,
        });
        sample(generated.bytes);
        return { records: index.size, retainedBytes: index.memoryBytes };
      }),
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  const fastest = Math.max(
    ...steps.filter((row) => !row.name.includes('async')).map((row) => row.stepsPerSecond),
  );
  return { steps, reads, corpusBytes, targetMet: fastest >= REPLAY_STEPS_TARGET };
}

function perSecond(value: number): string {
  return value >= 1e6 ? `${(value / 1e6).toFixed(2)} M/s` : `${(value / 1e3).toFixed(1)} k/s`;
}

/**
 * The report as lines of text: each step measurement, each corpus read with its memory, and the verdict.
 *
 * @example
 * ```ts
 * formatReplayBenchmarks(report);
 * // ['Replay of LoopNet records, one thread', 'ReplayEnv.stepSync …  3.10 M/s steps  …', …, 'target …: met']
 * ```
 */
export function formatReplayBenchmarks(report: ReplayBenchmarkReport): string[] {
  const lines = ['Replay of LoopNet records, one thread'];
  for (const row of report.steps) {
    lines.push(
      `${row.name.padEnd(52)}  steps ${perSecond(row.stepsPerSecond).padStart(10)}  |  ${row.steps} steps, ${row.episodes} episodes`,
    );
  }
  for (const row of report.reads) {
    lines.push(
      `${row.name.padEnd(52)}  ${row.megabytesPerSecond.toFixed(0).padStart(5)} MB/s  |  ${(row.bytes / 1e6).toFixed(0)} MB, ` +
        `${row.records} records in ${row.seconds.toFixed(1)} s  |  RSS ${row.rssBeforeMiB.toFixed(0)} → peak ` +
        `${row.rssPeakMiB.toFixed(0)} MiB (+${row.rssGrowthMiB.toFixed(0)}), by tenth: ${row.rssByTenthMiB.join(' ')}` +
        (row.retainedMiB > 0 ? `  |  index ${row.retainedMiB.toFixed(1)} MiB` : ''),
    );
  }
  lines.push(
    `target: at least ${perSecond(REPLAY_STEPS_TARGET)} replayed steps, synchronous: ${report.targetMet ? 'met' : 'MISSED'}`,
  );
  return lines;
}
