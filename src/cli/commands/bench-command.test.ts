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
      'LB-CR-1,LB-COMP-1',
      '--seeds',
      '0,1',
      '-o',
      output,
    );
    // 3 instances × 2 seeds clean, and again under each of P1 to P5.
    expect(out).toMatch(/LB-CR-1\s+loopbench\/code-repair-v1\s+6\s+30\s+\d\.\d\d\s+\d\.\d\d \(perturbed\)/);
    expect(out).not.toContain('perturbations not applied');
    // A single-loop spec cannot stand in for a composition's tasks.
    expect(out).toContain('LB-COMP-1: not scored (loopbench/composed-swarm-v1 is a composition');
    const submission = JSON.parse(readFileSync(output, 'utf8')) as { results: unknown[]; partial: boolean };
    expect(submission.results).toHaveLength(1);
    expect(submission.partial).toBe(true);
    const notes = JSON.parse(readFileSync(notesFileOf(output), 'utf8')) as {
      not_scored: { taskId: string }[];
      perturbations_applied: { taskId: string; perturbations: string[] }[];
      perturbations_not_applied: { taskId: string; perturbations: string[] }[];
      robustness: { taskId: string; method: string }[];
      perturbed_runs: { perturbation: string; runs: unknown[] }[];
    };
    expect(notes.not_scored.map((task) => task.taskId)).toEqual(['LB-COMP-1']);
    expect(notes.perturbations_applied[0]?.perturbations).toHaveLength(5);
    expect(notes.perturbations_not_applied).toEqual([]);
    expect(notes.robustness).toMatchObject([{ taskId: 'LB-CR-1', method: 'perturbed' }]);
    expect(notes.perturbed_runs.map((entry) => entry.runs.length)).toEqual([6, 6, 6, 6, 6]);
    const { out: table } = await bench('--leaderboard', output);
    expect(table).toMatch(/\*\d+\s+\d+\.\d\s+anonymous/);
  });

  it('runs clean episodes only with --no-perturbations', async () => {
    const spec = join(loopBenchDataDirectory(), 'submissions', 'examples', 'spec-fast-loop.yaml');
    const { out } = await bench('--spec', spec, '--tasks', 'LB-CR-1', '--seeds', '0', '--no-perturbations');
    expect(out).toMatch(/LB-CR-1\s+loopbench\/code-repair-v1\s+3\s+0\s+\d\.\d\d\s+\d\.\d\d \(seeds\)/);
    expect(out).toContain('LB-CR-1: perturbations not run (perturbations off)');
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
