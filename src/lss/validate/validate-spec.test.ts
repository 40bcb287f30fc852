import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../parse/parse-spec.js';
import { formatProblem, type SpecProblem } from '../spec-problem.js';
import { validateParsedSpec, validateSpec, validateSpecText } from './validate-spec.js';

const minimalFile = new URL('../__fixtures__/specs/loop-core/minimal-loop.yaml', import.meta.url);
const minimalText = readFileSync(minimalFile, 'utf8');

/** A fresh copy of a valid spec (Loop-Core's minimal loop) to break. */
function minimal(): Record<string, unknown> {
  return structuredClone(parseSpecText(minimalText).value) as Record<string, unknown>;
}

function errors(problems: readonly SpecProblem[]): SpecProblem[] {
  return problems.filter((problem) => problem.severity === 'error');
}

function only(problems: readonly SpecProblem[], rule: string): SpecProblem {
  const matching = problems.filter((problem) => problem.rule === rule);
  expect(matching, problems.map(formatProblem).join('\n')).toHaveLength(1);
  return matching[0]!;
}

describe('validateSpec', () => {
  it('finds nothing wrong with a valid spec', () => {
    const result = validateSpec(minimal());
    expect(result).toEqual({ valid: true, lssVersion: '1.0', problems: [] });
  });

  it('reports a missing required top-level field with the key to add', () => {
    const spec = minimal();
    delete spec.metrics;
    const problem = only(validateSpec(spec).problems, 'schema');
    expect(problem).toMatchObject({ severity: 'error', path: [] });
    expect(problem.message).toBe('The document is missing the required field `metrics`.');
    expect(problem.fix).toBe('Add `metrics:`.');
  });

  it('reports an unknown key of a worker with the closest allowed key', () => {
    const spec = minimal();
    (spec.workers as Record<string, unknown>[])[0]!.timeout_secs = 30;
    const problem = only(validateSpec(spec).problems, 'schema');
    expect(problem.path).toEqual(['workers', 0, 'timeout_secs']);
    expect(problem.message).toBe('`workers[0]` has an unknown field `timeout_secs`.');
    expect(problem.fix).toBe('Did you mean `timeout_seconds`?');
  });

  it('reports a value outside an enum with the closest allowed value', () => {
    const spec = minimal();
    (spec.memory as Record<string, unknown>).type = 'sesion';
    const problem = only(validateSpec(spec).problems, 'schema');
    expect(problem.path).toEqual(['memory', 'type']);
    expect(problem.message).toContain('`"sesion"` (a string), which is not an allowed value');
    expect(problem.fix).toBe('Did you mean `session`?');
  });

  it('checks an evaluator against the definition of its own type, not "matches none of three"', () => {
    const spec = minimal();
    const rubric = (spec.evaluators as Record<string, unknown>[])[1]!;
    delete rubric.model;
    rubric.implementation = 'evaluators.x';
    const problems = errors(validateSpec(spec).problems).filter((problem) => problem.rule === 'schema');
    expect(problems.map((problem) => problem.message).sort()).toEqual([
      '`evaluators[1]` has an unknown field `implementation`.',
      '`evaluators[1]` is missing the required field `model`.',
    ]);
  });

  it('reports an unknown evaluator type with the closest type', () => {
    const spec = minimal();
    (spec.evaluators as Record<string, unknown>[])[0]!.type = 'determinstic';
    const problems = validateSpec(spec).problems.filter((problem) => problem.rule === 'schema');
    const typeProblem = problems.find((problem) => problem.path.join('.') === 'evaluators.0.type');
    expect(typeProblem?.fix).toBe('Did you mean `deterministic`?');
  });

  it('says how to write a version that YAML read as a number', () => {
    const result = validateSpecText(minimalText.replace('version: 1.0.0', 'version: "1.0"'), {
      file: 'x.yaml',
    });
    const problem = only(result.problems, 'schema');
    expect(problem).toMatchObject({ path: ['version'], line: 2, column: 10 });
    expect(problem.fix).toContain('Write `1.0.0`');
  });

  it('suggests a slug for an id that breaks the naming pattern', () => {
    const spec = minimal();
    spec.loop_name = 'Echo Loop';
    const problem = only(validateSpec(spec).problems, 'schema');
    expect(problem.path).toEqual(['loop_name']);
    expect(problem.fix).toBe('Write `echo_loop`.');
  });

  it('explains termination conditions that declare nothing', () => {
    const spec = minimal();
    spec.termination_conditions = {};
    const problem = validateSpec(spec).problems.find(
      (p) => p.rule === 'schema' && p.path.join('.') === 'termination_conditions',
    );
    expect(problem?.message).toContain('at least one non-empty list among `success`, `failure` and `stall`');
  });

  it('allows x_ keys and extensions, and warns about other unknown top-level keys', () => {
    const spec = { ...minimal(), x_team: 'search', extensions: { anything: [1, 2] }, worker: [] };
    const { valid, problems } = validateSpec(spec);
    expect(valid).toBe(true);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'unknown-field',
        path: ['worker'],
        fix: 'Did you mean `workers`?',
      }),
    ]);
  });

  it('makes warnings errors with strict', () => {
    const spec = { ...minimal(), metadata: {} };
    expect(validateSpec(spec).valid).toBe(true);
    const strict = validateSpec(spec, { strict: true });
    expect(strict.valid).toBe(false);
    expect(strict.problems[0]?.severity).toBe('error');
  });

  it('checks a composition block against LSS 1.1', () => {
    const spec = {
      ...minimal(),
      composition: {
        type: 'parallel',
        merge: { strategy: 'consensus' },
        children: [
          { id: 'a', ref: 'a.yaml' },
          { id: 'b', ref: 'b.yaml' },
        ],
      },
    };
    const result = validateSpec(spec);
    expect(result.lssVersion).toBe('1.1');
    const problem = only(result.problems, 'schema');
    expect(problem.path).toEqual(['composition', 'merge', 'strategy']);
  });

  it('reports all problems at once, schema and semantic', () => {
    const spec = minimal();
    (spec.workers as Record<string, unknown>[])[0]!.depends_on = ['summarizer'];
    (spec.feedback_channels as Record<string, unknown>[])[0]!.destination = 'workers.sumarizer';
    (spec.memory as Record<string, unknown>).type = 'forever';
    const rules = new Set(validateSpec(spec).problems.map((problem) => problem.rule));
    expect(rules).toEqual(new Set(['schema', 'dag', 'reference']));
  });

  it.each([null, 3, 'text', [], [1, 2], { workers: 3 }, { workers: [null, 'x', { id: 7 }] }])(
    'never throws on a document of the wrong shape (%j)',
    (document) => {
      const result = validateSpec(document);
      expect(result.valid).toBe(false);
      expect(result.problems.length).toBeGreaterThan(0);
    },
  );
});

describe('validateParsedSpec', () => {
  it('places problems at their line and column, the key for unknown fields', () => {
    const text = minimalText.replace('    retries: 1\n', '    retries: 1\n    retrys: 2\n');
    const result = validateParsedSpec(parseSpecText(text, { file: 'loop.yaml' }));
    const problem = only(result.problems, 'schema');
    const line = text.split('\n').findIndex((l) => l.includes('retrys')) + 1;
    expect(problem).toMatchObject({ file: 'loop.yaml', line, column: 5 });
    expect(formatProblem(problem)).toBe(
      `loop.yaml:${line}:5: error [schema] workers[0].retrys: \`workers[0]\` has an unknown field \`retrys\`. Did you mean \`retries\`?`,
    );
  });

  it('lists problems in document order', () => {
    const text = minimalText
      .replace('type: ephemeral', 'type: forever')
      .replace('destination: workers.summarizer', 'destination: workers.nobody');
    const lines = validateParsedSpec(parseSpecText(text, { file: 'x.yaml' })).problems.map(
      (p) => p.line ?? 0,
    );
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines.length).toBe(2);
  });

  it('stops at syntax errors', () => {
    const result = validateSpecText('loop_name: a\nloop_name: b\n', { file: 'dup.yaml' });
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'yaml', line: 2 })]);
  });
});
