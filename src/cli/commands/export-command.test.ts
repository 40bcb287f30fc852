import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { episodeLineSchema, rolloutResultSchema } from '../../store/export-records.js';
import { exportRun } from '../../store/export-run.js';
import { openRunStore } from '../../store/run-store.js';
import { fillStore, runCommand, temporaryDirectory } from './__fixtures__/store-command-fixture.js';
import {
  addExportCommand,
  EXPORT_COMMAND_FORMATS,
  writeFileAtomically,
  type ExportCommandOptions,
  type ExportFormatEntry,
} from './export-command.js';

const WORDLE_RUN = 'aa11bb22-0000-4000-8000-000000000001';

const exportCommand = (argv: string[], options: ExportCommandOptions = {}) =>
  runCommand(
    (program, io) => addExportCommand(program, io, { environment: {}, ...options }),
    ['export', ...argv],
  );

function expected(store: string, runId: string, format: 'jsonl' | 'results'): string {
  const runs = openRunStore(store);
  try {
    return [...exportRun(runs, runId, format)].join('');
  } finally {
    runs.close();
  }
}

describe('loopgym export', () => {
  it('streams jsonl to stdout, one valid record per episode, found by a prefix', async () => {
    const store = fillStore(temporaryDirectory());
    const { code, out, err } = await exportCommand(['aa11', '--format', 'jsonl', '--store', store]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe(expected(store, WORDLE_RUN, 'jsonl'));
    const records = out
      .trimEnd()
      .split('\n')
      .map((line) => episodeLineSchema.parse(JSON.parse(line)));
    expect(records.map((record) => record.steps.length)).toEqual([3, 0]);
  });

  it('writes results to a file, leaving no temporary file behind', async () => {
    const directory = temporaryDirectory();
    const store = fillStore(directory);
    const file = join(directory, 'results.jsonl');
    const { code, out, err } = await exportCommand([
      WORDLE_RUN,
      '-f',
      'results',
      '-o',
      file,
      '--store',
      store,
    ]);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toBe(`Wrote 2 episodes of run ${WORDLE_RUN} (results) to ${file}.\n`);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(expected(store, WORDLE_RUN, 'results'));
    const first = rolloutResultSchema.parse(JSON.parse(text.split('\n')[0]!));
    expect(first).toMatchObject({ reward: 1, usage: { modelCalls: 3, inputTokens: 300 } });
    expect(readdirSync(directory).filter((name) => !name.startsWith('runs.db'))).toEqual(['results.jsonl']);
  });

  it('leaves no half file when the export fails midway, and keeps an existing file as it was', async () => {
    const directory = temporaryDirectory();
    const store = fillStore(directory);
    const file = join(directory, 'out.jsonl');
    writeFileSync(file, 'previous export\n');
    const failing: ExportFormatEntry = {
      name: 'broken',
      description: 'fails after the first episode',
      write: function* () {
        yield '{"episode":0}\n';
        throw new Error('disk on fire');
      },
    };
    await expect(
      exportCommand(['aa11', '--format', 'broken', '-o', file, '--store', store], {
        formats: [...EXPORT_COMMAND_FORMATS, failing],
      }),
    ).rejects.toThrow('disk on fire');
    expect(readFileSync(file, 'utf8')).toBe('previous export\n');
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('reports progress on stderr for big runs', async () => {
    const store = fillStore(temporaryDirectory());
    const { out, err } = await exportCommand(['aa99', '--format', 'jsonl', '--store', store], {
      progressMinEpisodes: 3,
    });
    expect(out.trimEnd().split('\n')).toHaveLength(3);
    expect(err).toBe(
      'export aa99cc33: 1/3 episodes\nexport aa99cc33: 2/3 episodes\nexport aa99cc33: 3/3 episodes\n',
    );
    expect((await exportCommand(['aa99', '--format', 'jsonl', '--store', store])).err).toBe('');
  });

  it('refuses an unknown format, naming the known ones', async () => {
    const store = fillStore(temporaryDirectory());
    const { code, out, err } = await exportCommand(['aa11', '--format', 'csv', '--store', store]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(
      `Unknown export format \`csv\`; the formats are ${EXPORT_COMMAND_FORMATS.map((format) => format.name).join(', ')} (e.g. --format jsonl).`,
    );
    expect((await exportCommand(['aa11', '--store', store])).code).toBe(2);
  });

  it('offers added formats in its help and by name', async () => {
    const store = fillStore(temporaryDirectory());
    const indexes: ExportFormatEntry = {
      name: 'indexes',
      description: 'the episode indexes',
      write: function* (runs, runId) {
        for (const episode of runs.episodes(runId)) yield `${episode.index}\n`;
      },
    };
    const formats = [...EXPORT_COMMAND_FORMATS, indexes];
    expect((await exportCommand(['--help'], { formats })).out).toContain('indexes: the episode indexes');
    expect((await exportCommand(['aa99', '--format', 'indexes', '--store', store], { formats })).out).toBe(
      '0\n1\n2\n',
    );
  });

  it('refuses an ambiguous run and a missing store', async () => {
    const directory = temporaryDirectory();
    const store = fillStore(directory);
    expect((await exportCommand(['aa', '--format', 'jsonl', '--store', store])).err).toContain(
      'is ambiguous',
    );
    const missing = await exportCommand(['aa', '--format', 'jsonl', '--store', join(directory, 'none.db')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('There is no run store at');
  });

  it('has examples in its help', async () => {
    const { out } = await exportCommand(['--help']);
    expect(out).toContain('$ loopgym export 3f2a9c --format results -o results.jsonl');
    expect(out).toContain('jsonl: one JSON line per episode');
  });
});

describe('writeFileAtomically', () => {
  it('writes big content whole, in pieces', () => {
    const file = join(temporaryDirectory(), 'big.txt');
    const pieces = Array.from({ length: 3000 }, (_, index) => `${'x'.repeat(999)}${index % 10}\n`);
    writeFileAtomically(file, pieces);
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
  });
});
