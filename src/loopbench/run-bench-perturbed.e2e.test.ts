import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loopbenchDataDirectory } from '../loop/tasks/data-directory.js';
import { checkSubmission } from './check-submission.js';
import { loadLoopBench, loopBenchDataDirectory } from './load-loopbench.js';
import { runBench, type BenchReport } from './run-bench.js';

const bench = loadLoopBench();
const debateSpec = join(loopbenchDataDirectory('multi-agent-debate-v1'), 'spec.yaml');
const options = { bench, taskIds: ['LB-MA-1'], seeds: [0, 1], now: new Date('2026-01-01T00:00:00Z') };

let perturbed: BenchReport;
let clean: BenchReport;
beforeAll(async () => {
  perturbed = await runBench({ ...options, spec: debateSpec });
  clean = await runBench({ ...options, spec: debateSpec, perturbations: false });
}, 120_000);

describe('runBench with the task perturbations (LB-MA-1, the debate spec, sim, seeds 0 and 1)', () => {
  it('runs each implemented perturbation on every instance × seed and lists the others as not applied', () => {
    expect(perturbed.perturbationsApplied).toEqual([
      {
        taskId: 'LB-MA-1',
        perturbations: [
          'P1 context_truncation',
          'P2 corrupted_tool_result',
          'P3 api_latency',
          'P4 model_downgrade',
          'P5 budget_minus_one',
        ],
      },
    ]);
    expect(perturbed.perturbedRuns.map((entry) => entry.runs.length)).toEqual([6, 6, 6, 6, 6]);
    expect(perturbed.perturbationsNotApplied).toEqual([]);
    expect(perturbed.notes.some((note) => note.includes('not applied'))).toBe(false);
    expect(
      perturbed.notes.some(
        (note) => note.includes('robustness from them against the clean runs') && note.includes('LES §2.4'),
      ),
    ).toBe(true);
    // budget_minus_one: the task's iteration budget (6) is one lower.
    const lowered = perturbed.perturbedRuns.find((entry) => entry.perturbation === 'P5 budget_minus_one')!;
    expect(Math.max(...lowered.runs.map((run) => run.iterations))).toBeLessThanOrEqual(5);
  });

  it('scores robustness from perturbations that measurably hurt, not from the seed spread', () => {
    const robustness = perturbed.robustness[0]!;
    expect(robustness.method).toBe('perturbed');
    if (robustness.method !== 'perturbed') return;
    expect(robustness.formula).toBe('les-2.4');
    const effect = (name: string) => robustness.effects.find((entry) => entry.perturbation.endsWith(name))!;
    // The weaker model and the lower budget cost goal and successes; latency changes no answer.
    expect(effect('model_downgrade').degradation).toBeGreaterThan(0.01);
    expect(effect('model_downgrade').perturbedSuccess).toBeLessThan(effect('model_downgrade').cleanSuccess);
    expect(effect('budget_minus_one').degradation).toBeGreaterThan(0.01);
    expect(effect('api_latency').degradation).toBe(0);
    // The debate's workers call no tools: corrupted tool results change nothing.
    expect(effect('corrupted_tool_result').degradation).toBe(0);
    const aggregate = perturbed.submission.results[0]!.aggregate;
    const instances = Object.values(robustness.byInstance);
    expect(aggregate.categories.robustness).toBeCloseTo(
      instances.reduce((sum, value) => sum + value, 0) / instances.length,
      3,
    );
    expect(aggregate.categories.robustness).toBeLessThan(0.95);
    // The clean runs (the submission's) are the same; only robustness, hence LES, differs.
    expect(perturbed.submission.results[0]!.runs).toEqual(clean.submission.results[0]!.runs);
    const proxy = clean.submission.results[0]!.aggregate;
    expect(clean.robustness).toEqual([{ taskId: 'LB-MA-1', method: 'seed-spread' }]);
    expect(proxy.categories.robustness).not.toBe(aggregate.categories.robustness);
    expect(proxy.categories.effectiveness).toBe(aggregate.categories.effectiveness);
    expect(clean.perturbedRuns).toEqual([]);
    expect(
      clean.notes.some((note) => note.startsWith('LB-MA-1: perturbations not run (perturbations off)')),
    ).toBe(true);
    expect(checkSubmission(perturbed.submission, { specFile: debateSpec, bench }).valid).toBe(true);
  });
});

describe('runBench on a composed task (LB-COMP-1, loopbench/composed-swarm-v1)', () => {
  it('scores a composition spec, and says why a single-loop spec cannot stand in', async () => {
    const swarm = join(loopbenchDataDirectory('composed-swarm-v1'), 'swarm.yaml');
    const composed = await runBench({ ...options, taskIds: ['LB-COMP-1'], seeds: [0], spec: swarm });
    expect(composed.submission.results.map((result) => result.task_id)).toEqual(['LB-COMP-1']);
    expect(composed.submission.results[0]!.runs).toHaveLength(3);
    expect(composed.robustness[0]!.method).toBe('perturbed');
    expect(composed.perturbationsApplied[0]?.perturbations).toContain('P2 branch_timeout');
    expect(composed.perturbationsNotApplied).toEqual([]);
    // A branch that hangs costs the swarm a lens: the merge or the synthesis falls short.
    const robustness = composed.robustness[0]!;
    if (robustness.method === 'perturbed') {
      const timeout = robustness.effects.find((effect) => effect.perturbation === 'P2 branch_timeout')!;
      expect(timeout.degradation).toBeGreaterThan(0.1);
    }
    const single = join(loopBenchDataDirectory(), 'submissions', 'examples', 'spec-fast-loop.yaml');
    await expect(runBench({ ...options, taskIds: ['LB-COMP-1'], seeds: [0], spec: single })).rejects.toThrow(
      /loopbench\/composed-swarm-v1 is a composition .*a spec without `composition` cannot stand in for it/,
    );
  }, 60_000);
});
