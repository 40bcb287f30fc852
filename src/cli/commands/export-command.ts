import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from '../../core/errors.js';
import { loopNetExportLines } from '../../loopnet/export/store-loopnet-records.js';
import { exportRun } from '../../store/export-run.js';
import type { RunStore } from '../../store/run-store.js';
import { traceExportLines } from '../../tracing/trace-export-lines.js';
import type { CliIo } from '../cli-io.js';
import { findRun } from './find-run.js';
import { requireStore, type StoreCommandOptions } from './open-existing-store.js';

/**
 * A format `loopgym export` can write. `write` yields the text of each episode in order (lines ending with a
 * newline), so the command can stream it and count progress.
 *
 * @example
 * ```ts
 * const ids: ExportFormatEntry = {
 *   name: 'ids', description: 'the episode indexes',
 *   write: function* (store, runId) { for (const episode of store.episodes(runId)) yield `${episode.index}\n`; },
 * };
 * ```
 */
export interface ExportFormatEntry {
  /** What `--format` says. */
  name: string;
  /** One line for `--help`. */
  description: string;
  write(store: RunStore, runId: string): Iterable<string>;
}

/**
 * The formats of `loopgym export`. Add a format by appending an entry (LoopNet export will).
 *
 * @example
 * ```ts
 * EXPORT_COMMAND_FORMATS.map((format) => format.name); // ['jsonl', 'results']
 * ```
 */
export const EXPORT_COMMAND_FORMATS: readonly ExportFormatEntry[] = [
  {
    name: 'jsonl',
    description: 'one JSON line per episode with its steps (observation, action, reward, flags, info)',
    write: (store, runId) => exportRun(store, runId, 'jsonl'),
  },
  {
    name: 'results',
    description:
      'one JSON line per rollout: prompt and completion messages, reward, metrics, timing, token usage',
    write: (store, runId) => exportRun(store, runId, 'results'),
  },
  {
    name: 'loopnet',
    description:
      'one ln/record-v1 LoopNet record per loop episode (numbers only; see docs/loopnet-export.md)',
    write: (store, runId) => loopNetExportLines(store, runId),
  },
  {
    name: 'ltf',
    description: 'one LTF 0.1 trace document per episode (see docs/traces-and-viewer.md)',
    write: (store, runId) => traceExportLines(store, runId, 'ltf'),
  },
  {
    name: 'loop-trace',
    description: 'one Loop Trace 1.0 document per episode: iterations, outputs, scores, costs',
    write: (store, runId) => traceExportLines(store, runId, 'loop-trace'),
  },
  {
    name: 'otlp',
    description: 'one OTLP/JSON trace export request per episode (its OpenTelemetry spans)',
    write: (store, runId) => traceExportLines(store, runId, 'otlp'),
  },
];

/** Runs with at least this many episodes report progress on stderr. */
export const EXPORT_PROGRESS_MIN_EPISODES = 1000;

/**
 * Options of {@link addExportCommand}.
 *
 * @example
 * ```ts
 * addExportCommand(program, io, { progressMinEpisodes: 10 });
 * ```
 */
export interface ExportCommandOptions extends StoreCommandOptions {
  /** The formats offered (default {@link EXPORT_COMMAND_FORMATS}). */
  formats?: readonly ExportFormatEntry[] | undefined;
  /** Runs with at least this many episodes report progress (default {@link EXPORT_PROGRESS_MIN_EPISODES}). */
  progressMinEpisodes?: number | undefined;
}

interface ExportFlags {
  format: string;
  output?: string;
  store?: string;
}

/** Collects text and hands it on in large pieces. */
const CHUNK_CHARACTERS = 1 << 20;

/**
 * Writes `pieces` to `file` through a temporary file beside it that is renamed over `file` only when everything is
 * written and flushed, so a crash or an error never leaves a partial file under the final name.
 *
 * @example
 * ```ts
 * writeFileAtomically('out.jsonl', ['{"a":1}\n']);
 * ```
 */
export function writeFileAtomically(file: string, pieces: Iterable<string>): void {
  const target = resolve(file);
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const descriptor = openSync(temporary, 'wx');
  let closed = false;
  try {
    let chunk = '';
    for (const piece of pieces) {
      chunk += piece;
      if (chunk.length >= CHUNK_CHARACTERS) {
        writeSync(descriptor, chunk);
        chunk = '';
      }
    }
    if (chunk !== '') writeSync(descriptor, chunk);
    fsyncSync(descriptor);
    closeSync(descriptor);
    closed = true;
    renameSync(temporary, target);
  } catch (error) {
    if (!closed) closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
}

function* chunked(pieces: Iterable<string>): Generator<string, void, undefined> {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= CHUNK_CHARACTERS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** Passes the episodes' text through, counting them and reporting every tenth of `total` when asked. */
function* counted(
  pieces: Iterable<string>,
  counter: { done: number },
  progress: { total: number; report: (done: number) => void } | undefined,
): Generator<string, void, undefined> {
  const every = progress === undefined ? 0 : Math.max(1, Math.ceil(progress.total / 10));
  for (const piece of pieces) {
    yield piece;
    counter.done += 1;
    if (progress !== undefined && (counter.done % every === 0 || counter.done === progress.total))
      progress.report(counter.done);
  }
}

/**
 * `loopgym export <run> --format jsonl|results [-o file] [--store path]`: streams a run's episodes to stdout or to a
 * file (written whole or not at all), with progress on stderr for big runs.
 *
 * @example
 * ```sh
 * loopgym export 3f2a9c --format results -o results.jsonl
 * ```
 */
export function addExportCommand(program: Command, io: CliIo, options: ExportCommandOptions = {}): void {
  const formats = options.formats ?? EXPORT_COMMAND_FORMATS;
  const names = formats.map((format) => format.name);
  program
    .command('export')
    .description('Export a run of the run store as JSON lines')
    .argument('<run>', 'the run id, or any unique prefix of it (as `loopgym runs` prints)')
    .requiredOption(
      '-f, --format <format>',
      `what to write:\n${formats.map((format) => `  ${format.name}: ${format.description}`).join('\n')}`,
    )
    .option('-o, --output <file>', 'write to this file instead of stdout (replaced only once complete)')
    .option('--store <path>', 'the store file (default $LOOPGYM_STORE, else .loopgym/loopgym.db)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ loopgym export 3f2a9c --format jsonl > episodes.jsonl\n' +
        '  $ loopgym export 3f2a9c --format results -o results.jsonl\n' +
        '  $ loopgym export 3f2a --format results --store results/runs.db | head -n 1',
    )
    .action((idOrPrefix: string, flags: ExportFlags) => {
      const format = formats.find((candidate) => candidate.name === flags.format);
      if (format === undefined)
        throw new InvalidArgumentError(
          `Unknown export format \`${flags.format}\`; the formats are ${names.join(', ')} (e.g. --format ${names[0] ?? 'jsonl'}).`,
        );
      const store = requireStore(flags.store, options.environment ?? process.env);
      try {
        const run = findRun(store, idOrPrefix);
        const total = run.episodeCount;
        const prefix = run.id.slice(0, 8);
        const counter = { done: 0 };
        const pieces = counted(
          format.write(store, run.id),
          counter,
          total >= (options.progressMinEpisodes ?? EXPORT_PROGRESS_MIN_EPISODES)
            ? { total, report: (done) => io.err(`export ${prefix}: ${done}/${total} episodes`) }
            : undefined,
        );
        if (flags.output === undefined) {
          for (const chunk of chunked(pieces)) io.out(chunk);
          return;
        }
        writeFileAtomically(flags.output, pieces);
        io.err(`Wrote ${counter.done} episodes of run ${run.id} (${format.name}) to ${flags.output}.`);
      } finally {
        store.close();
      }
    });
}
