import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import '../../backends/default-loop-environments.js';
import { loopBenchDataDirectory } from '../../loopbench/load-loopbench.js';
import type { CliIo } from '../cli-io.js';
import { addBenchCommand, notesFileOf } from './bench-command.js';

const directory = mkdtempSync(join(tmpdir(), 'bench-command-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function bench(...argv: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
    interactive: false,
  };
  const program = new Command().exitOverride();
  addBenchCommand(program, io);
  await program.parseAsync(['node', 'loopgym', 'bench', ...argv]);
  return { out, err };
}

describe('loopgym bench', () => {
  it('writes a submission and its notes, then ranks it on the leaderboard', async () => {
    const spec = join(loopBenchDataDirectory(), 'submissions', 'examples', 'spec-fast-loop.yaml');
    const output = join(directory, 'submission.json');
    const { out } = await bench(
      '--spec',
      spec,
      '--tasks',
      'LB-CR-1,LB-HITL-1',
      '--seeds',
      '0,1',
      '-o',
      output,
    );
    expect(out).toMatch(/LB-CR-1\s+loopbench\/code-repair-v1\s+6/);
    expect(out).toContain(
      'LB-HITL-1: not runnable yet (environment loopbench/hitl-gate-v1 is not available)',
    );
    const submission = JSON.parse(readFileSync(output, 'utf8')) as { results: unknown[]; partial: boolean };
    expect(submission.results).toHaveLength(1);
    expect(submission.partial).toBe(true);
    const notes = JSON.parse(readFileSync(notesFileOf(output), 'utf8')) as {
      not_scored: { taskId: string }[];
    };
    expect(notes.not_scored.map((task) => task.taskId)).toEqual(['LB-HITL-1']);
    const { out: table } = await bench('--leaderboard', output);
    expect(table).toMatch(/\*\d+\s+\d+\.\d\s+anonymous/);
  });

  it('refuses an unknown suite with the closest one', async () => {
    const spec = join(loopBenchDataDirectory(), 'submissions', 'examples', 'spec-fast-loop.yaml');
    await expect(bench('--spec', spec, '--suite', 'suite-repiar')).rejects.toThrow(
      /Did you mean `suite-repair`/,
    );
  });

  it('names the notes file beside the submission', () => {
    expect(notesFileOf('out/submission.json')).toBe('out/submission.notes.json');
    expect(notesFileOf('out/result')).toBe('out/result.notes.json');
  });
});
