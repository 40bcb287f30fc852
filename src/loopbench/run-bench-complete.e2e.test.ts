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

  it("grades final answers with the task's oracle: prose is no patch, so the repair tasks are never solved", () => {
    expect(report.notes).toContain(
      "LB-CR-1: final answers are graded by the task's oracle checks `evaluators.test_pass_rate` too: a run succeeds only when they pass, and its final goal is at most their lowest score.",
    );
    // LB-RS-1's oracle counts citations too; LB-MA-1's is a rubric (the spec's own judge stands for it).
    expect(
      report.notes.some((note) =>
        note.startsWith(
          "LB-RS-1: final answers are graded by the task's oracle checks `evaluators.citation_count_min`",
        ),
      ),
    ).toBe(true);
    expect(report.notes.some((note) => note.startsWith('LB-MA-1: final answers are graded'))).toBe(false);
    expect(report.notes).toContain(
      "LB-REACT-1: the task's oracle check `evaluators.tool_pass_rate` is not one LoopGym knows; not applied.",
    );
    expect(
      report.notes.some((note) =>
        note.startsWith(
          "LB-SAFE-1: the task's oracle check `evaluators.test_pass_rate` cannot judge this environment's tasks",
        ),
      ),
    ).toBe(true);
    const result = (id: string) => report.submission.results.find((entry) => entry.task_id === id)!;
    expect(result('LB-CR-1').runs.every((run) => !run.success && run.g_final < run.g_target)).toBe(true);
    expect(result('LB-CR-1').aggregate.les_observed).toBeLessThan(
      result('LB-RS-1').aggregate.les_observed - 0.3,
    );
  });
});
