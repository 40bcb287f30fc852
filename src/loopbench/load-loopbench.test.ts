import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLoopBench, loopBenchDataDirectory } from './load-loopbench.js';
import { LoopBenchDataError } from './loopbench-data-error.js';

const temporary: string[] = [];
afterEach(() => {
  for (const directory of temporary.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function copyOfData(): string {
  const directory = mkdtempSync(join(tmpdir(), 'loopbench-'));
  temporary.push(directory);
  cpSync(join(loopBenchDataDirectory(), 'tasks'), join(directory, 'tasks'), { recursive: true });
  return directory;
}

describe('loadLoopBench', () => {
  it('loads all 19 tasks and all 4 suites', () => {
    const bench = loadLoopBench();
    expect(bench.version).toBe('0.2.0');
    expect(bench.id).toBe('loopbench-1.0');
    expect(bench.tasks).toHaveLength(19);
    expect(bench.suites.map((suite) => suite.id)).toEqual([
      'suite-repair',
      'suite-agent',
      'suite-knowledge',
      'suite-rigor',
    ]);
    expect(bench.suites.flatMap((suite) => suite.task_ids).sort()).toEqual(
      bench.tasks.map((task) => task.id).sort(),
    );
    const codeRepair = bench.tasks.find((task) => task.id === 'LB-CR-1')!;
    expect(codeRepair.loopgym_env).toBe('loopbench/code-repair-v1');
    expect(codeRepair.goal).toMatchObject({ g_target: 0.8, primary_metric: 'primary_quality' });
    expect(codeRepair.budget).toEqual({ iteration_budget: 6, wall_clock_minutes: 20, cost_cap_usd: 0.6 });
    expect(codeRepair.evaluation.primary_instances).toEqual(['cr-001', 'cr-002', 'cr-003']);
    expect(codeRepair.perturbations.map((perturbation) => perturbation.id)).toEqual([
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
    ]);
    const auto = bench.tasks.find((task) => task.id === 'LB-AUTO-1')!;
    expect(auto.budget.iteration_budget).toBe(8);
  });

  it('points at the line of a malformed value', () => {
    const directory = copyOfData();
    const file = join(directory, 'tasks', 'LB-CR-1', 'task.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('g_target: 0.80', 'g_target: high'));
    try {
      loadLoopBench(directory);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LoopBenchDataError);
      const problem = (error as LoopBenchDataError).problems[0]!;
      expect(problem.file).toBe(file);
      expect(problem.line).toBe(14);
      expect(problem.path).toEqual(['goal', 'g_target']);
      expect((error as Error).message).toContain('task.yaml:14');
    }
  });

  it('reports YAML syntax errors and suites naming unknown tasks', () => {
    const directory = copyOfData();
    const suites = join(directory, 'tasks', 'suites', 'index.yaml');
    writeFileSync(suites, readFileSync(suites, 'utf8').replace('- LB-OPT-1', '- LB-XYZ-9'));
    expect(() => loadLoopBench(directory)).toThrow(/names task `LB-XYZ-9`/);
    const task = join(directory, 'tasks', 'LB-MA-1', 'task.yaml');
    writeFileSync(task, 'id: [unclosed\n');
    expect(() => loadLoopBench(directory)).toThrow(LoopBenchDataError);
  });
});
