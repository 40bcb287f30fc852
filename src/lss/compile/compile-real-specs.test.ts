import { describe, expect, it } from 'vitest';
import { compileSpecFile } from './compile-spec-file.js';

// Paths relative to the repository root (where vitest runs), so `source.file` in the snapshots is the same everywhere.
const SPECS = 'src/lss/__fixtures__/specs';
const REAL_SPECS = [
  ...[
    'code-repair-v1',
    'composed-swarm-v1',
    'hitl-gate-v1',
    'multi-agent-debate-v1',
    'rag-retrieval-v1',
    'research-synthesis-v1',
    'safety-constrained-v1',
  ].map((id) => `${SPECS}/loopbench-envs/${id}/spec.yaml`),
  `${SPECS}/loop-core/minimal-loop.yaml`,
  `${SPECS}/loop-core/research-loop.yaml`,
  `${SPECS}/loop-core/multi-agent-loop.yaml`,
  `${SPECS}/submissions/spec-fast-loop.yaml`,
  `${SPECS}/submissions/spec-thorough-loop.yaml`,
];

/** `loopbench-envs/code-repair-v1/spec.yaml` → `__snapshots__/loopbench-envs--code-repair-v1.program.json`. */
function snapshotName(file: string): string {
  const name = file
    .slice(SPECS.length + 1)
    .replace(/\/spec\.yaml$/, '')
    .replace(/\.yaml$/, '');
  return `./__snapshots__/${name.replaceAll('/', '--')}.program.json`;
}

function isDeepFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

describe('compiling the real specs', () => {
  it.each(REAL_SPECS)('%s', async (file) => {
    const { program, problems } = await compileSpecFile(file);
    expect(problems).toEqual([]);
    expect(program).toBeDefined();
    const text = `${JSON.stringify(program, null, 2)}\n`;
    await expect(text).toMatchFileSnapshot(snapshotName(file));
    // Frozen all the way down, and the JSON carries everything (only `undefined` fields are left out).
    expect(isDeepFrozen(program)).toBe(true);
    expect(JSON.parse(text)).toEqual(program);
    // The same file always gives the same program.
    expect(`${JSON.stringify((await compileSpecFile(file)).program, null, 2)}\n`).toBe(text);
  });

  it('binds what the engine needs in the multi-agent review loop', async () => {
    const program = (await compileSpecFile(`${SPECS}/loop-core/multi-agent-loop.yaml`)).program!;
    expect(program.workers.map((w) => `${w.id}@${w.level}`)).toEqual([
      'planner@0',
      'architect@1',
      'security_reviewer@1',
      'merger@2',
      'implementer@3',
      'test_runner@4',
      'test_reviewer@5',
    ]);
    expect(program.evaluators.map((e) => e.id)).toEqual([
      'plan_schema',
      'reviewer_consensus',
      'security_veto',
      'test_pass',
      'diff_quality',
    ]);
    expect(program.evaluation).toEqual({ aggregation: 'min', vetoes: ['security_veto'] });
    expect(program.feedback.find((f) => f.id === 'diff_to_optimizer')!.destination).toEqual({
      kind: 'optimizer',
      type: 'prompt_refinement',
    });
    expect(program.termination).toMatchObject({
      maxIterations: 15,
      maxIterationsSource: 'termination_conditions.failure.max_iterations',
    });
    expect(program.primaryMetric).toBe('consensus_score');
    expect(program.safety.byScope.pre_memory_write).toEqual(['blackboard-isolation']);
    const implementer = program.workers.find((w) => w.id === 'implementer')!;
    expect(implementer.safety).toEqual({
      pre_worker: ['injection-guard', 'tool-gate'],
      post_worker: ['secret-scan', 'diff-scope-limit'],
      pre_output: ['publish-human-gate'],
      pre_memory_write: ['blackboard-isolation'],
    });
    expect(program.metrics.find((m) => m.name === 'iteration_count')!.source).toEqual({
      kind: 'telemetry',
      signal: 'iteration',
    });
    expect(program.cost.onApproach).toEqual({ thresholdPercent: 80, action: 'throttle' });
  });

  it('keeps the top-level keys LSS does not define', async () => {
    const program = (await compileSpecFile(`${SPECS}/loopbench-envs/composed-swarm-v1/spec.yaml`)).program!;
    expect(program.extensions).toEqual({
      metadata: {
        taxonomy_level: 4,
        task_family: 'LB-COMP-1',
        parent_composition: 'scenario-swarm-rehearsal',
        lss_extension: '1.1-composition',
      },
    });
  });

  it('reports the reference composition: unknown merge strategy and children that are not shipped', async () => {
    const file = `${SPECS}/compositions/scenario-swarm-rehearsal.yaml`;
    const { program, problems } = await compileSpecFile(file);
    expect(program).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({
        file,
        path: ['composition', 'merge', 'strategy'],
        line: 115,
        message: expect.stringContaining('`consensus_rubric`'),
      }),
    );
    const missing = problems.filter((p) => p.rule === 'file').map((p) => p.file);
    expect(missing).toEqual([
      `${SPECS}/startup-validator.yaml`,
      `${SPECS}/research-agent.yaml`,
      `${SPECS}/business-strategy-agent.yaml`,
    ]);
  });
});
