// Property: whatever is done to a valid spec, the validator answers (VALID or problems) and never crashes; and a spec
// it calls valid compiles.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileSpec } from '../compile/compile-spec.js';
import type { LoopSpec } from '../loop-spec.js';
import { parseSpecText } from '../parse/parse-spec.js';
import { formatProblem, type PathSegment } from '../spec-problem.js';
import { validateParsedSpec, validateSpec, type SpecValidation } from './validate-spec.js';

const FILES = [
  'loop-core/minimal-loop.yaml',
  'loop-core/multi-agent-loop.yaml',
  'loop-core/research-loop.yaml',
  'loopbench-envs/hitl-gate-v1/spec.yaml',
  'loopbench-envs/safety-constrained-v1/spec.yaml',
  'submissions/spec-thorough-loop.yaml',
];
const SPECS = FILES.map(
  (file) =>
    parseSpecText(readFileSync(new URL(`../__fixtures__/specs/${file}`, import.meta.url), 'utf8')).value,
);

/** Every path to a node of the document (the root excluded). */
function allPaths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const paths: PathSegment[][] = [];
  if (Array.isArray(value)) {
    value.forEach((item, index) => paths.push([...prefix, index], ...allPaths(item, [...prefix, index])));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      paths.push([...prefix, key], ...allPaths(item, [...prefix, key]));
    }
  }
  return paths;
}

/** Strings that matter to the rules: declared names, near misses, references of every kind, conditions. */
function namesIn(document: unknown): string[] {
  const names = new Set<string>([
    '*',
    '',
    'workers.',
    'inputs.nope',
    'memory.x',
    'telemetry.cost',
    'score <',
  ]);
  for (const path of allPaths(document)) {
    const key = path.at(-1);
    if (key === 'id' || key === 'name' || key === 'from' || key === 'source' || key === 'destination') {
      const value = path.reduce<unknown>(
        (node, segment) => (node as Record<PathSegment, unknown>)[segment],
        document,
      );
      if (typeof value === 'string') names.add(value).add(`${value}x`).add(`workers.${value}`);
    }
  }
  return [...names];
}

type Mutation =
  | { kind: 'delete'; pathIndex: number }
  | { kind: 'replace'; pathIndex: number; value: unknown }
  | { kind: 'rename'; pathIndex: number; name: string }
  | { kind: 'duplicate'; pathIndex: number };

const mutationArbitrary = (names: string[]): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), pathIndex: fc.nat() }),
    fc.record({
      kind: fc.constant('replace' as const),
      pathIndex: fc.nat(),
      value: fc.oneof(
        fc.constantFrom(...names),
        fc.jsonValue({ maxDepth: 2 }),
        fc.integer({ min: -3, max: 1000 }),
      ),
    }),
    fc.record({
      kind: fc.constant('rename' as const),
      pathIndex: fc.nat(),
      name: fc.constantFrom(...names, 'x_ok'),
    }),
    fc.record({ kind: fc.constant('duplicate' as const), pathIndex: fc.nat() }),
  );

function mutate(document: unknown, mutations: readonly Mutation[]): unknown {
  const copy = structuredClone(document);
  for (const mutation of mutations) {
    const paths = allPaths(copy);
    if (paths.length === 0) break;
    const path = paths[mutation.pathIndex % paths.length]!;
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((node, segment) => (node as Record<PathSegment, unknown>)[segment], copy) as Record<
      PathSegment,
      unknown
    >;
    const key = path.at(-1)!;
    if (mutation.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else Reflect.deleteProperty(parent, key);
    } else if (mutation.kind === 'replace') {
      parent[key] = structuredClone(mutation.value);
    } else if (mutation.kind === 'rename' && !Array.isArray(parent)) {
      const value = parent[key];
      Reflect.deleteProperty(parent, key);
      parent[mutation.name] = value;
    } else if (mutation.kind === 'duplicate' && Array.isArray(parent)) {
      parent.push(structuredClone(parent[Number(key)]));
    }
  }
  return copy;
}

function expectAnAnswer(result: SpecValidation): void {
  for (const problem of result.problems) {
    expect(['error', 'warning']).toContain(problem.severity);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.rule.length).toBeGreaterThan(0);
    expect(() => formatProblem(problem)).not.toThrow();
  }
  expect(result.valid).toBe(!result.problems.some((problem) => problem.severity === 'error'));
  expect(result.problems.some((problem) => problem.message.includes('please report it'))).toBe(false);
}

describe('validateSpec under random mutations of valid specs', () => {
  it('answers VALID or a list of problems, never crashes, and what it calls valid compiles', () => {
    const cases = fc.integer({ min: 0, max: SPECS.length - 1 }).chain((index) =>
      fc.record({
        index: fc.constant(index),
        mutations: fc.array(mutationArbitrary(namesIn(SPECS[index])), { minLength: 1, maxLength: 4 }),
      }),
    );
    let validCount = 0;
    fc.assert(
      fc.property(cases, ({ index, mutations }) => {
        const document = mutate(SPECS[index], mutations);
        const result = validateSpec(document);
        expectAnAnswer(result);
        if (result.valid) {
          validCount++;
          expect(() => compileSpec(document as LoopSpec)).not.toThrow();
        }
      }),
      { numRuns: 2500, seed: 20261123 },
    );
    // Both outcomes are exercised: enough mutations keep the spec valid for the compile check to mean something.
    expect(validCount).toBeGreaterThan(100);
    expect(validCount).toBeLessThan(2400);
  });

  it('places every problem of a mutated file at a line of that file', () => {
    const cases = fc.record({
      index: fc.integer({ min: 0, max: SPECS.length - 1 }),
      mutations: fc.array(mutationArbitrary(['x', 'workers.x', '*']), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(cases, ({ index, mutations }) => {
        const text = stringify(mutate(SPECS[index], mutations));
        const lines = text.split('\n').length;
        const result = validateParsedSpec(parseSpecText(text, { file: 'mutated.yaml' }));
        expectAnAnswer(result);
        for (const problem of result.problems) {
          expect(problem.file).toBe('mutated.yaml');
          expect(problem.line).toBeGreaterThanOrEqual(1);
          expect(problem.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
