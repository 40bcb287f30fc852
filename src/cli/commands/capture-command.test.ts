import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import '../../backends/default-loop-environments.js';
import type { LoopNetRecord } from '../../loopnet/loopnet-record.js';
import { validateLoopNetRecord } from '../../loopnet/record-schema.js';
import { runCommand } from './__fixtures__/store-command-fixture.js';
import { addCaptureCommand, parseSeeds } from './capture-command.js';

const directory = mkdtempSync(join(tmpdir(), 'loopgym-capture-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('parseSeeds', () => {
  it('reads lists, ranges with both ends, and both', () => {
    expect(parseSeeds('0,1,2')).toEqual([0, 1, 2]);
    expect(parseSeeds('0..3')).toEqual([0, 1, 2, 3]);
    expect(parseSeeds('0..2, 7,1')).toEqual([0, 1, 2, 7]);
    expect(() => parseSeeds('3..1')).toThrow(/must go up/);
    expect(() => parseSeeds('a')).toThrow(/--seeds/);
  });
});

describe('loopgym capture', () => {
  it('runs every task over the seeds and writes one valid record per episode, atomically', async () => {
    const file = join(directory, 'records.jsonl');
    const { code, out, err } = await runCommand(addCaptureCommand, [
      'capture',
      'loopbench/research-synthesis-v1',
      '--tasks',
      'rs-001,rs-002',
      '--seeds',
      '0..1',
      '-o',
      file,
      '--contributor',
      'octocat',
    ]);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(err).toContain('capture 4/4: research-synthesis-loop rs-002 seed 1 →');
    expect(err).toContain(`Wrote 4 LoopNet records to ${file}.`);
    const records = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as LoopNetRecord);
    expect(records).toHaveLength(4);
    for (const record of records) {
      expect(validateLoopNetRecord(record).valid).toBe(true);
      expect(record.contributor).toEqual({ handle: 'octocat' });
      expect(record.source).toBe('synthetic');
    }
    expect(records.map((record) => record.metadata.tags?.filter((tag) => /^(task|seed):/.test(tag)))).toEqual(
      [
        ['task:rs-001', 'seed:0'],
        ['task:rs-001', 'seed:1'],
        ['task:rs-002', 'seed:0'],
        ['task:rs-002', 'seed:1'],
      ],
    );
    // Only the output file remains: the temporary file was renamed over it.
    expect(readdirSync(directory).filter((name) => name.includes('records'))).toEqual(['records.jsonl']);
  });

  it('writes to stdout without -o, and says what is wrong with a bad task, seed or target', async () => {
    const printed = await runCommand(addCaptureCommand, [
      'capture',
      'loopbench/multi-agent-debate-v1',
      '--tasks',
      'ma-001',
    ]);
    expect(printed.code).toBe(0);
    expect(printed.out.trim().split('\n')).toHaveLength(1);
    expect(validateLoopNetRecord(JSON.parse(printed.out)).valid).toBe(true);

    const badTask = await runCommand(addCaptureCommand, [
      'capture',
      'loopbench/code-repair-v1',
      '--tasks',
      'cr-999',
      '-o',
      join(directory, 'no.jsonl'),
    ]);
    expect(badTask.code).toBe(1);
    expect(badTask.err).toContain('No task `cr-999`');
    expect(existsSync(join(directory, 'no.jsonl'))).toBe(false);
    expect(
      (await runCommand(addCaptureCommand, ['capture', 'loopbench/code-repair-v1', '--seeds', '2..1'])).err,
    ).toContain('must go up');
    expect((await runCommand(addCaptureCommand, ['capture', 'CartPole-v1'])).err).toContain(
      'is not a loop environment',
    );
    expect(
      (await runCommand(addCaptureCommand, ['capture', 'loopbench/code-repair-v1', '--split', 'dev'])).err,
    ).toContain('--split must be one of train, val, test');
  });
});
