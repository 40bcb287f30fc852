import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathSegment } from '../../spec-problem.js';
import { lssSchemaValidators } from '../schema/lss-schemas.js';
import { baseSpec, withComposition } from './__fixtures__/base-spec.js';
import { REAL_SPEC_FILES, realSpec } from './__fixtures__/real-specs.js';
import type { RuleProblem } from './spec-rule.js';
import { SPEC_RULES } from './spec-rules.js';

const RULE_NAMES = [
  'unique-id',
  'dag',
  'worker-references',
  'reachability',
  'memory-access',
  'worker-lists',
  'feedback-references',
  'metric-references',
  'optimization-targets',
  'primary-metric',
  'termination-bound',
  'budget',
  'rubric',
  'input-schema',
  'condition',
  'composition',
];

/** The rule names a problem of each registered rule may carry (the reference rules all report `reference`). */
const REPORTED_AS: Record<string, readonly string[]> = {
  'worker-references': ['reference'],
  'worker-lists': ['reference'],
  'feedback-references': ['reference'],
  'metric-references': ['reference'],
  'optimization-targets': ['reference'],
  'memory-access': ['memory-access', 'reference'],
};

function resolve(document: unknown, path: readonly PathSegment[]): { found: boolean; value: unknown } {
  let current = document;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) {
      return { found: false, value: undefined };
    }
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return { found: true, value: current };
}

/** What every problem of every rule must be like, whatever the document. */
function expectWellFormed(name: string, document: unknown, problems: readonly RuleProblem[]): void {
  for (const problem of problems) {
    expect(['error', 'warning']).toContain(problem.severity);
    expect(REPORTED_AS[name] ?? [name]).toContain(problem.rule);
    expect(problem.message).toMatch(/^\S.*[.?)]$/s);
    // Every problem says how to fix it, except some of the condition parser's (a type mismatch says it in the message).
    if (problem.rule !== 'condition') expect(problem.fix).toMatch(/^\S.*[.?]$/s);
    else expect(problem.fix === undefined || /^\S.*[.?]$/s.test(problem.fix)).toBe(true);
    // The problem sits at, or right under, a node that exists (so that the validator can find its line).
    expect(resolve(document, problem.path.slice(0, -1)).found).toBe(true);
  }
}

function setAt(document: unknown, path: readonly PathSegment[], value: unknown): void {
  const parent = resolve(document, path.slice(0, -1)).value as Record<PathSegment, unknown>;
  const last = path.at(-1)!;
  if (value === undefined && !Array.isArray(parent)) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
}

function pathsOf(value: unknown, base: PathSegment[] = []): PathSegment[][] {
  if (typeof value !== 'object' || value === null) return [];
  const entries: [PathSegment, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => [[...base, key], ...pathsOf(item, [...base, key])]);
}

describe('SPEC_RULES', () => {
  it('registers each rule once, in the documented order', () => {
    expect(SPEC_RULES.map((rule) => rule.name)).toEqual(RULE_NAMES);
    expect(Object.isFrozen(SPEC_RULES)).toBe(true);
  });

  it('starts from a base spec that the LSS schemas accept and no rule faults', () => {
    const { lss10, lss11 } = lssSchemaValidators();
    for (const spec of [
      baseSpec(),
      ...(['sequential', 'parallel', 'nested'] as const).map(withComposition),
    ]) {
      expect(lss10(spec), JSON.stringify(lss10.errors)).toBe(true);
      expect(lss11(spec), JSON.stringify(lss11.errors)).toBe(true);
      for (const { name, check } of SPEC_RULES) expect(check(spec), name).toEqual([]);
    }
  });

  describe.each(REAL_SPEC_FILES)('on the real spec %s', (file) => {
    const document = realSpec(file);
    // The one warning on the real specs is true: the researcher ($0.50) and the writer ($0.30) may spend $0.80,
    // above the $0.75 the whole run may spend.
    const expected = file.includes('research-synthesis-v1')
      ? [
          "budget: warning cost_limits.cumulative_usd: The workers' `cost_budget_usd` add up to $0.8, more than `cost_limits.cumulative_usd` ($0.75).",
        ]
      : [];
    it('no rule finds an error, and the warnings are the expected ones', () => {
      const found = SPEC_RULES.flatMap(({ name, check }) =>
        check(document).map((p) => `${name}: ${p.severity} ${p.path.join('.')}: ${p.message}`),
      );
      expect(found).toEqual(expected);
    });
  });

  it('checks a document with twenty thousand of everything in a few seconds (no rule is quadratic)', () => {
    const count = 20_000;
    const ids = Array.from({ length: count }, (_, index) => index);
    const document = {
      inputs: { schema: { query: { type: 'string', description: 'q' } } },
      memory: {
        read_policy: Object.fromEntries(ids.map((index) => [`w${index}`, ['notes']])),
        write_policy: { allowed_writers: ids.map((index) => `w${index}`) },
      },
      workers: ids.map((index) => ({
        id: `w${index}`,
        depends_on: index === 0 ? [] : [`w${index - 1}`],
        inputs:
          index === 0
            ? [{ from: 'inputs.query' }]
            : [{ from: `workers.w${index - 1}` }, { from: 'memory.notes' }],
        cost_budget_usd: 0.001,
      })),
      evaluators: ids.map((index) => ({ id: `e${index}`, runs_after: [`w${index}`] })),
      feedback_channels: ids.map((index) => ({
        id: `f${index}`,
        source: `evaluators.e${index}`,
        destination: `workers.w${index}`,
        when: 'score < 0.5',
      })),
      metrics: ids.map((index) => ({
        name: `m${index}`,
        source: `evaluators.e${index}`,
        primary: index === 0,
      })),
      termination_conditions: { success: ids.map((index) => ({ metric: `m${index}` })) },
      safety_constraints: ids.map((index) => ({ id: `s${index}`, applies_to: [`w${index}`] })),
      optimization_strategy: {
        max_steps: 3,
        config: { secondary_targets: ids.map((index) => `workers.w${index}`) },
      },
      cost_limits: { cumulative_usd: 100, on_exceed: { action: 'halt' } },
    };
    const start = performance.now();
    const problems = SPEC_RULES.flatMap(({ check }) => check(document));
    expect(problems.map((problem) => problem.rule)).toEqual(['termination-bound']);
    // About half a second; a rule that looks names up in lists, or walks every worker's ancestors, takes 7 s to 45 s.
    expect(performance.now() - start).toBeLessThan(5000);
  });

  describe('on documents of the wrong shape', () => {
    const oddDocuments: unknown[] = [
      undefined,
      null,
      42,
      'workers',
      [],
      [baseSpec()],
      {},
      { workers: 'writer' },
      { workers: [null, 1, 'writer', [], { id: 3 }, { id: 'a', depends_on: 'b', inputs: 'workers.b' }] },
      {
        workers: [{ id: 'a', depends_on: [null, 7, 'a'], inputs: [null, { from: 5 }, { from: 'workers.' }] }],
      },
      { metrics: [null, { primary: true }, { primary: true }], evaluators: [{ rubric: 'x' }] },
      { memory: { read_policy: [], write_policy: { allowed_writers: 'all' } } },
      { memory: { read_policy: { a: 'notes' } }, workers: [{ id: 'a', inputs: [{ from: 'memory' }] }] },
      {
        inputs: {
          schema: { a: null, b: 'string', c: { type: 'enum', values: 'x', default: 1 } },
          examples: 'x',
        },
      },
      { inputs: { schema: [], examples: [null, 1, { a: 1 }] } },
      { feedback_channels: [{ source: 'evaluators', destination: 'optimization_strategy.', when: 3 }] },
      { feedback_channels: [{ when: ')(' }, { when: 'a'.repeat(10_000) }, { when: '('.repeat(500) }] },
      { termination_conditions: [], cost_limits: 'cheap', optimization_strategy: { max_steps: 'many' } },
      { composition: { type: 'parallel', children: 'a', adapters: 'b', merge: null } },
      {
        composition: { type: 'nested', children: [null, { role: 7 }], adapters: [null, { from: 1, to: '' }] },
      },
      { evaluators: [{ id: 'e', rubric: { dimensions: [null, { weight: 'heavy', scale: 'wide' }] } }] },
    ];

    it.each(SPEC_RULES.map((rule) => [rule.name, rule] as const))('%s never throws', (name, { check }) => {
      for (const document of oddDocuments) {
        const problems = check(document);
        expectWellFormed(name, document, problems);
      }
    });

    it('no rule throws on any value, and every problem is well formed', () => {
      fc.assert(
        fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (document) => {
          for (const { name, check } of SPEC_RULES) expectWellFormed(name, document, check(document));
        }),
        { numRuns: 300 },
      );
    });

    it('no rule throws or changes the document when one part of a valid spec is replaced by anything', () => {
      const interesting = fc.constantFrom<unknown>(
        undefined,
        null,
        '',
        '*',
        'writer',
        'workers.writer',
        'workers.nope',
        'evaluators.judge',
        'memory.notes',
        'inputs.query',
        'telemetry.nope',
        'optimization_strategy.manual',
        0,
        -1,
        1e9,
        Number.NaN,
        [],
        {},
        ['writer', 'writer'],
        [{ id: 'writer' }],
      );
      const starts = [baseSpec(), ...(['sequential', 'parallel', 'nested'] as const).map(withComposition)];
      const cases = fc
        .constantFrom(...starts.keys())
        .chain((start) =>
          fc.tuple(
            fc.constant(start),
            fc.constantFrom(...pathsOf(starts[start])),
            fc.oneof(interesting, fc.anything()),
          ),
        );
      fc.assert(
        fc.property(cases, ([start, path, value]) => {
          const document = structuredClone(starts[start]);
          setAt(document, path, value);
          const before = structuredClone(document);
          for (const { name, check } of SPEC_RULES) {
            const problems = check(document);
            expectWellFormed(name, document, problems);
            expect(check(document)).toEqual(problems);
          }
          expect(document).toEqual(before);
        }),
        { numRuns: 400 },
      );
    });
  });
});
