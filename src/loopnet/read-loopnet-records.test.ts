import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import schema from '../../data/loopnet/schema/loopnet-record-v1.json' with { type: 'json' };
import { DEFAULT_LOOPNET_CORPUS } from './default-corpus.js';
import { CorpusNotFoundError, RecordLineError, type RecordLineProblem } from './loopnet-errors.js';
import {
  FAILURE_MODE_SLUGS,
  LOOPNET_OUTCOMES,
  LOOPNET_SOURCES,
  LOOPNET_SPLITS,
  LOOPNET_TERMINATION_REASONS,
  PATTERN_SLUGS,
} from './loopnet-record.js';
import { loadLoopNetSplits } from './loopnet-splits.js';
import { readLoopNetRecords, readLoopNetRecordsSync, type LoopNetEntry } from './read-loopnet-records.js';
import { shippedLines, writeTemporaryCorpus } from './__fixtures__/test-corpus.js';

async function collect(iterable: AsyncIterable<LoopNetEntry>): Promise<LoopNetEntry[]> {
  const entries: LoopNetEntry[] = [];
  for await (const entry of iterable) entries.push(entry);
  return entries;
}

const lines = shippedLines();
const valid = lines[0]!;
const second = lines[1]!;
const badSchema = valid.replace('"goal_score":0.1749', '"goal_score":1.5');
const badText = [valid, '{"record_id": oops', '', badSchema, second].join('\n') + '\n';

describe('the shipped corpus', () => {
  it('is LoopNet v0.2 unmodified (SHA-256 of the upstream files at commit a4ea88b)', () => {
    const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(sha(DEFAULT_LOOPNET_CORPUS.records)).toBe(
      '7446b56e2b5b9bf85b494b5bfc2cf94439086250535c4e8d1894f5c1d0e3d68b',
    );
    expect(sha(DEFAULT_LOOPNET_CORPUS.splits)).toBe(
      '9e50f1d5ff444e21625297700bb7021a11a04d45cb9a238d1fbfca349b82d894',
    );
    expect(sha(DEFAULT_LOOPNET_CORPUS.schema)).toBe(
      '4be882aa3a0a1043d77e6cb1ae5a5ad7015fc79d4647f8dc7384692494f46805',
    );
  });

  it('declares JSON Schema 2020-12, and its enums are the typed view’s', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$defs.PatternSlug.enum).toEqual(PATTERN_SLUGS);
    expect(schema.$defs.FailureModeSlug.enum).toEqual(FAILURE_MODE_SLUGS);
    expect(schema.$defs.TerminationReason.enum).toEqual(LOOPNET_TERMINATION_REASONS);
    expect(schema.properties.outcome.enum).toEqual(LOOPNET_OUTCOMES);
    expect(schema.properties.split.enum).toEqual(LOOPNET_SPLITS);
    expect(schema.properties.source.enum).toEqual(LOOPNET_SOURCES);
  });

  it('reads all 545 records, every one valid, the same synchronously and asynchronously, in any chunk size', async () => {
    const problems: RecordLineProblem[] = [];
    const entries = await collect(
      readLoopNetRecords(DEFAULT_LOOPNET_CORPUS.records, { onProblem: (p) => problems.push(p) }),
    );
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(545);
    expect(entries.map((entry) => entry.line)).toEqual(lines.map((_, index) => index + 1));
    const sync = [...readLoopNetRecordsSync(DEFAULT_LOOPNET_CORPUS.records, { chunkBytes: 777 })];
    expect(sync.map((entry) => [entry.record.record_id, entry.byteOffset, entry.byteLength])).toEqual(
      entries.map((entry) => [entry.record.record_id, entry.byteOffset, entry.byteLength]),
    );
    const bytes = readFileSync(DEFAULT_LOOPNET_CORPUS.records);
    const last = entries.at(-1)!;
    expect(bytes.subarray(last.byteOffset, last.byteOffset + last.byteLength).toString()).toBe(lines.at(-1));
  });

  it('splits.json agrees with every record’s own split field (445 train, 50 val, 50 test)', async () => {
    const splits = loadLoopNetSplits(DEFAULT_LOOPNET_CORPUS.splits);
    const entries = await collect(readLoopNetRecords(DEFAULT_LOOPNET_CORPUS.records));
    for (const { record } of entries) expect(splits.get(record.record_id)).toBe(record.split);
    const counts = Object.fromEntries(
      LOOPNET_SPLITS.map((split) => [split, entries.filter((e) => e.record.split === split).length]),
    );
    expect(counts).toEqual({ train: 445, val: 50, test: 50 });
  });
});

describe('bad lines', () => {
  it('are reported with their line numbers and skipped', async () => {
    const file = writeTemporaryCorpus(badText);
    const problems: RecordLineProblem[] = [];
    const entries = await collect(readLoopNetRecords(file, { onProblem: (p) => problems.push(p) }));
    expect(entries.map((entry) => entry.line)).toEqual([1, 5]);
    expect(problems.map((p) => [p.line, p.kind])).toEqual([
      [2, 'json'],
      [4, 'schema'],
    ]);
    expect(problems[1]!.issues).toEqual(['/trajectory/0/goal_score: must be <= 1']);
    expect(problems[1]!.recordId).toBe('ln-df9928af-438d-47da-b7e8-dea98aedcb50');
    const syncProblems: RecordLineProblem[] = [];
    const sync = [...readLoopNetRecordsSync(file, { onProblem: (p) => syncProblems.push(p) })];
    expect(sync.map((entry) => entry.line)).toEqual([1, 5]);
    expect(syncProblems).toEqual(problems);
  });

  it('fail the reading under strict, naming the file and line', async () => {
    const file = writeTemporaryCorpus(badText);
    await expect(collect(readLoopNetRecords(file, { strict: true }))).rejects.toThrow(RecordLineError);
    expect(() => [...readLoopNetRecordsSync(file, { strict: true })]).toThrow(`${file}:2: not JSON`);
  });

  it('explain a schema failure: a failure without its labels, an unknown pattern, an extra field', () => {
    const record = JSON.parse(valid) as Record<string, unknown>;
    const broken = { ...record, outcome: 'failure', patterns: ['reflection'], extra: 1 };
    const file = writeTemporaryCorpus(JSON.stringify(broken) + '\n');
    const problems: RecordLineProblem[] = [];
    expect([...readLoopNetRecordsSync(file, { onProblem: (p) => problems.push(p) })]).toEqual([]);
    expect(problems[0]!.issues).toEqual(
      expect.arrayContaining([
        "(record): must have required property 'failure_mode'",
        '(record): must NOT have additional properties (`extra`)',
        expect.stringMatching(
          /^\/patterns\/0: must be equal to one of the allowed values: "reflection-loop"/,
        ),
      ]),
    );
  });

  it('check created_at as an RFC 3339 date-time', () => {
    const file = writeTemporaryCorpus(valid.replace('2026-01-01T00:00:00Z', '2026-02-30T00:00:00Z') + '\n');
    const problems: RecordLineProblem[] = [];
    expect([...readLoopNetRecordsSync(file, { onProblem: (p) => problems.push(p) })]).toEqual([]);
    expect(problems[0]!.issues).toEqual(['/created_at: must match format "date-time"']);
  });
});

describe('a missing corpus', () => {
  it('is a CorpusNotFoundError saying what to do, not an empty corpus', async () => {
    const missing = '/nonexistent/loopnet/records.jsonl';
    await expect(collect(readLoopNetRecords(missing))).rejects.toThrow(CorpusNotFoundError);
    expect(() => [...readLoopNetRecordsSync(missing)]).toThrow(/no such file.*leave `records` out/);
    expect(() => [...readLoopNetRecordsSync(dirname(DEFAULT_LOOPNET_CORPUS.records))]).toThrow(/directory/);
    await expect(collect(readLoopNetRecords(dirname(DEFAULT_LOOPNET_CORPUS.records)))).rejects.toThrow(
      CorpusNotFoundError,
    );
  });
});
