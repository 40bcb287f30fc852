import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSubmission } from './check-submission.js';
import { formatLeaderboard, rankLeaderboard, readLeaderboardEntries } from './leaderboard.js';
import { loadLoopBench, loopBenchDataDirectory } from './load-loopbench.js';
import type { BenchSubmission } from './loopbench-submission.js';
import { runBench, type BenchReport } from './run-bench.js';

const examples = join(loopBenchDataDirectory(), 'submissions', 'examples');
const fastSpec = join(examples, 'spec-fast-loop.yaml');
const thoroughSpec = join(examples, 'spec-thorough-loop.yaml');
// LB-SAFE-1's environment stands for one that does not exist (environments are looked up when a task runs).
const shipped = loadLoopBench();
const bench = {
  ...shipped,
  tasks: shipped.tasks.map((task) =>
    task.id === 'LB-SAFE-1' ? { ...task, loopgym_env: 'loopbench/not-shipped-v1' } : task,
  ),
};
const options = {
  bench,
  taskIds: ['LB-CR-1', 'LB-SAFE-1'],
  seeds: [0, 1, 2],
  now: new Date('2026-01-01T00:00:00Z'),
};

let fast: BenchReport;
let thorough: BenchReport;
beforeAll(async () => {
  fast = await runBench({ ...options, spec: fastSpec, submitter: 'Team Fast' });
  thorough = await runBench({ ...options, spec: thoroughSpec, submitter: 'Team Thorough' });
}, 120_000);

describe('runBench on the two example submission specs (sim)', () => {
  it('produces submissions that pass the schema and the conformance checks', () => {
    for (const [report, spec] of [
      [fast, fastSpec],
      [thorough, thoroughSpec],
    ] as const) {
      expect(checkSubmission(report.submission, { specFile: spec, bench })).toEqual({
        valid: true,
        schemaProblems: [],
        conformanceProblems: [],
      });
      const [result] = report.submission.results;
      expect(report.submission.results).toHaveLength(1);
      expect(result?.task_id).toBe('LB-CR-1');
      expect(result?.runs).toHaveLength(9); // 3 primary instances × 3 seeds
      expect(report.submission.partial).toBe(true);
      expect(report.submission.grand_composite).toBeUndefined();
    }
    expect(fast.submission.spec_hash).toBe(
      'sha256:4fc439bdf02b5555d9d0ec4e1d6e3cb6626933bd1bdcfa674d6a1022a2e19215',
    );
  });

  it('ranks thorough above fast, and the LES categories say why', () => {
    const fastResult = fast.submission.results[0]!.aggregate;
    const thoroughResult = thorough.submission.results[0]!.aggregate;
    expect(thorough.submission.composite.rank_score).toBeGreaterThan(fast.submission.composite.rank_score);
    // Fast stops at its own 0.75 threshold, often below the task's 0.80 after one iteration: less effective, and no
    // progress between first and last iteration means no cost efficiency (ΔG = 0). Thorough iterates and improves.
    expect(thoroughResult.categories.effectiveness).toBeGreaterThan(fastResult.categories.effectiveness);
    expect(thoroughResult.categories.cost).toBeGreaterThan(fastResult.categories.cost);
    // Neither violates a constraint nor asks a person: safety and autonomy are 1 for both.
    expect(fastResult.categories.safety).toBe(1);
    expect(thoroughResult.categories.autonomy).toBe(1);
    // Cost and speed are measured: what the sim models spent, the episode clock — not the spec's declared limits.
    expect(fastResult.cost_usd_mean).toBeLessThan(0.01);
    expect(fast.submission.results[0]!.runs.every((run) => run.elapsed_s > 0 && run.iterations <= 6)).toBe(
      true,
    );
  });

  it('reports tasks that cannot run and perturbations that were not applied', () => {
    expect(fast.notScored).toEqual([
      {
        taskId: 'LB-SAFE-1',
        envId: 'loopbench/not-shipped-v1',
        reason: 'environment loopbench/not-shipped-v1 is not available',
      },
    ]);
    expect(fast.notes).toContain(
      'LB-SAFE-1: not runnable yet (environment loopbench/not-shipped-v1 is not available); excluded from the scores.',
    );
    expect(fast.perturbationsNotApplied).toEqual([]);
    expect(fast.perturbationsApplied[0]?.perturbations).toEqual([
      'P1 context_truncation',
      'P2 corrupted_tool_result',
      'P3 api_latency',
      'P4 model_downgrade',
      'P5 budget_minus_one',
    ]);
    expect(fast.robustness[0]?.method).toBe('perturbed');
    expect(fast.submission.suite_scores?.['suite-repair']?.tasks).toEqual(['LB-CR-1']);
  });

  it('fails conformance on a tampered submission', () => {
    const tamper = (change: (copy: BenchSubmission) => void): ReturnType<typeof checkSubmission> => {
      const copy = structuredClone(fast.submission);
      change(copy);
      return checkSubmission(copy, { specFile: fastSpec, bench });
    };
    expect(tamper((copy) => (copy.composite.les_display += 1)).conformanceProblems.join('\n')).toMatch(
      /composite.les_display/,
    );
    expect(
      tamper((copy) => (copy.spec_hash = `sha256:${'0'.repeat(64)}`)).conformanceProblems.join('\n'),
    ).toMatch(/hashes to/);
    expect(tamper((copy) => (copy.results[0]!.runs = [])).schemaProblems.join('\n')).toMatch(/runs/);
    expect(
      tamper(
        (copy) =>
          (copy.results[0]!.runs = copy.results[0]!.runs.filter((run) => run.task_instance_id !== 'cr-002')),
      ).conformanceProblems.join('\n'),
    ).toMatch(/no run of primary instance cr-002/);
    expect(
      tamper((copy) => (copy.results[0]!.aggregate.les_observed = 0.99)).conformanceProblems.join('\n'),
    ).toMatch(/les_display|mean of/);
    expect(tamper((copy) => delete copy.partial).conformanceProblems.join('\n')).toMatch(
      /partial must be true/,
    );
    expect(tamper((copy) => ((copy as unknown as Record<string, unknown>)['notes'] = 'x')).valid).toBe(false);
  });

  it('ranks the new submission in the leaderboard', () => {
    const entries = readLeaderboardEntries();
    const rows = rankLeaderboard(entries, thorough.submission);
    expect(rows).toHaveLength(entries.length + 1);
    const added = rows.find((row) => row.isNew)!;
    expect(added.submitter).toBe('Team Thorough');
    expect(rows.filter((row) => row.rankScore > added.rankScore)).toHaveLength(added.rank - 1);
    const table = formatLeaderboard(rows);
    expect(table.split('\n')[0]).toMatch(/^rank\s+LES\s+submitter/);
    expect(table).toContain(`*${added.rank}`);
    expect(table).toContain('Loop Engineering maintainer');
  });
});
