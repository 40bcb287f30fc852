import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSubmission } from './check-submission.js';
import { loadLoopBench } from './load-loopbench.js';
import { runBench, type BenchReport } from './run-bench.js';

const bench = loadLoopBench();
const generalist = fileURLToPath(
  new URL('../../data/loopbench-generalist/spec-generalist-loop.yaml', import.meta.url),
);

let report: BenchReport;
beforeAll(async () => {
  report = await runBench({ bench, spec: generalist, seeds: [0], now: new Date('2026-01-01T00:00:00Z') });
}, 300_000);

describe('runBench on the generalist example spec: every task, a complete submission (sim, seed 0)', () => {
  it('scores all 19 tasks, all four suites and the grand composite, and the submission conforms', () => {
    expect(report.notScored).toEqual([]);
    expect(report.submission.results.map((result) => result.task_id).sort()).toEqual(
      bench.tasks.map((task) => task.id).sort(),
    );
    expect(report.submission.partial).toBe(false);
    const suites = report.submission.suite_scores!;
    expect(Object.keys(suites).sort()).toEqual(bench.suites.map((suite) => suite.id).sort());
    // The grand composite is the mean of the four suite scores.
    const mean = Object.values(suites).reduce((sum, suite) => sum + suite.les_observed, 0) / 4;
    expect(report.submission.grand_composite?.les_observed).toBeCloseTo(mean, 3);
    expect(report.submission.composite).toEqual(report.submission.grand_composite);
    expect(checkSubmission(report.submission, { specFile: generalist, bench })).toEqual({
      valid: true,
      schemaProblems: [],
      conformanceProblems: [],
    });
    // Every task ran its five perturbations.
    expect(report.perturbationsNotApplied).toEqual([]);
    expect(report.perturbationsApplied.every((entry) => entry.perturbations.length === 5)).toBe(true);
  });

  it("says where the spec does not run a task's oracle checks (it grades itself there)", () => {
    expect(
      report.notes.some((note) =>
        note.startsWith("LB-CR-1: the task's oracle checks `evaluators.test_pass_rate`"),
      ),
    ).toBe(true);
    // LB-RS-1's oracle counts citations too; LB-MA-1's is a rubric, which the spec has.
    expect(
      report.notes.some((note) =>
        note.startsWith("LB-RS-1: the task's oracle checks `evaluators.citation_count_min`"),
      ),
    ).toBe(true);
    expect(report.notes.some((note) => note.startsWith("LB-MA-1: the task's oracle checks"))).toBe(false);
    expect(report.notes).toContain(
      'LB-COMP-1: loopbench/composed-swarm-v1 is a composition; the spec, a single loop that takes its inputs, runs in its place.',
    );
  });
});
