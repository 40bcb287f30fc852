import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseSpecText } from '../parse/parse-spec.js';
import type { LoopSpec } from '../loop-spec.js';
import type { PathSegment } from '../spec-problem.js';
import { compileSpec } from './compile-spec.js';
import type { LoopProgram } from './loop-program.js';
import { SpecCompileError } from './spec-compile-error.js';

const FILE = 'src/lss/__fixtures__/specs/loop-core/multi-agent-loop.yaml';
const parsed = parseSpecText(readFileSync(FILE, 'utf8'), { file: FILE });
const original = parsed.value as LoopSpec;

/** Every string leaf that refers to another part of the spec. */
function referencePaths(spec: LoopSpec): PathSegment[][] {
  const paths: PathSegment[][] = [];
  spec.workers.forEach((worker, w) => {
    worker.depends_on?.forEach((_, d) => paths.push(['workers', w, 'depends_on', d]));
    worker.inputs.forEach((_, i) => paths.push(['workers', w, 'inputs', i, 'from']));
    paths.push(['workers', w, 'id']);
  });
  spec.evaluators.forEach((evaluator, e) => {
    evaluator.runs_after.forEach((_, r) => paths.push(['evaluators', e, 'runs_after', r]));
    paths.push(['evaluators', e, 'id']);
  });
  spec.feedback_channels.forEach((_, f) => {
    paths.push(
      ['feedback_channels', f, 'source'],
      ['feedback_channels', f, 'destination'],
      ['feedback_channels', f, 'when'],
    );
  });
  spec.metrics.forEach((_, m) => paths.push(['metrics', m, 'source'], ['metrics', m, 'name']));
  spec.safety_constraints.forEach((constraint, s) =>
    constraint.applies_to?.forEach((_, a) => paths.push(['safety_constraints', s, 'applies_to', a])),
  );
  spec.termination_conditions.success?.forEach((_, s) =>
    paths.push(['termination_conditions', 'success', s, 'metric']),
  );
  paths.push(['optimization_strategy', 'config', 'refinement_target']);
  return paths;
}

/** Replacements that look like what the field holds: valid ones, near misses and wrong kinds. */
function candidatesFor(path: readonly PathSegment[]): string[] {
  const common = ['', '*', 'planner', 'plannr', 'evaluators.test_pass', 'telemetry.', 'score <'];
  switch (path.at(-1)) {
    case 'destination':
      return [
        ...common,
        'workers.planner',
        'workers.plannr',
        'optimization_strategy',
        'optimization_strategy.manual',
        'optimization_strategy.x',
        'optimization_strategy.manual.x',
      ];
    case 'source':
      return [...common, 'workers.merger', 'evaluators.diff_qualty', 'evaluators.', 'telemetry.cost'];
    case 'from':
      return [
        ...common,
        'inputs.requirements',
        'inputs.requirement',
        'memory.notes',
        'workers.implementer',
        'workers.',
      ];
    case 'when':
      return [
        'passed',
        'score < pass_threshold',
        'metrics.cost_usd > 1',
        'dimension_scores.merge_quality < 1',
        'scor < 1',
        'score ==',
      ];
    case 'refinement_target':
      return [...common, 'workers.merger', 'workers.mergr', 'merger'];
    default:
      return common;
  }
}

function setAt(root: unknown, path: readonly PathSegment[], value: string): void {
  let node = root as Record<PathSegment, unknown>;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<PathSegment, unknown>;
  node[path.at(-1)!] = value;
}

describe('compiling specs with broken references', () => {
  it('either compiles or throws a SpecCompileError that says where', () => {
    const paths = referencePaths(original);
    // Pick the kind of field first, so that rare kinds (a destination, a condition) are mutated as often as any.
    const groups = new Map<PathSegment, PathSegment[][]>();
    for (const path of paths) {
      const kind = typeof path.at(-1) === 'number' ? path.at(-2)! : path.at(-1)!;
      groups.set(kind, [...(groups.get(kind) ?? []), path]);
    }
    const change = fc
      .constantFrom(...groups.values())
      .chain((group) => fc.constantFrom(...group))
      .chain((path) =>
        fc.tuple(
          fc.constant(path),
          fc.oneof(
            { arbitrary: fc.constantFrom(...candidatesFor(path)), weight: 5 },
            { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
          ),
        ),
      );
    const mutation = fc.array(change, { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(mutation, (changes) => {
        const spec = structuredClone(original);
        for (const [path, value] of changes) setAt(spec, path, value);
        try {
          const program = compileSpec(spec, { file: FILE, sourceMap: parsed.sourceMap });
          expect(program.workers).toHaveLength(spec.workers.length);
          expectConsistent(program);
        } catch (error) {
          expect(error).toBeInstanceOf(SpecCompileError);
          const problems = (error as SpecCompileError).problems;
          expect(problems.length).toBeGreaterThan(0);
          for (const problem of problems) {
            expect(problem.line).toBeGreaterThan(0);
            expect(problem.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});

/** Every id a compiled program refers to exists in it. */
function expectConsistent(program: LoopProgram): void {
  const workers = new Set(program.workers.map((w) => w.id));
  const evaluators = new Set(program.evaluators.map((e) => e.id));
  const metrics = new Set(program.metrics.map((m) => m.name));
  const expectWorkers = (ids: readonly (string | undefined)[]) => {
    for (const id of ids) if (id !== undefined) expect(workers).toContain(id);
  };
  for (const worker of program.workers) {
    expectWorkers(worker.dependsOn);
    expectWorkers(worker.inputs.map((input) => (input.kind === 'worker' ? input.workerId : undefined)));
  }
  for (const evaluator of program.evaluators) expectWorkers(evaluator.runsAfter);
  for (const constraint of program.safety.constraints) expectWorkers(constraint.appliesTo);
  for (const route of program.feedback) {
    expect(route.source.kind === 'worker' ? workers : evaluators).toContain(route.source.id);
    if (route.destination.kind === 'worker') expect(workers).toContain(route.destination.id);
    else
      expect(['prompt_refinement', 'parameter_search', 'memory_update', 'structural', 'manual']).toContain(
        route.destination.type,
      );
  }
  for (const metric of program.metrics) {
    if (metric.source.kind === 'worker') expect(workers).toContain(metric.source.id);
    if (metric.source.kind === 'evaluator') expect(evaluators).toContain(metric.source.id);
  }
  expect(metrics).toContain(program.primaryMetric);
  for (const rule of [...program.termination.success, ...program.termination.stall])
    expect(metrics).toContain(rule.metric);
  expectWorkers([program.optimization.refinementTarget, ...program.optimization.secondaryTargets]);
}
