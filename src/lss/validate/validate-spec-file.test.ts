import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../spec-problem.js';
import { validateSpecFile } from './validate-spec-file.js';

const specs = new URL('../__fixtures__/specs/', import.meta.url).pathname;
const minimalText = readFileSync(join(specs, 'loop-core/minimal-loop.yaml'), 'utf8');

const realSpecs = [
  ...readdirSync(join(specs, 'loopbench-envs')).map((name) => `loopbench-envs/${name}/spec.yaml`),
  'loop-core/minimal-loop.yaml',
  'loop-core/multi-agent-loop.yaml',
  'loop-core/research-loop.yaml',
  'submissions/spec-fast-loop.yaml',
  'submissions/spec-thorough-loop.yaml',
];

describe('validateSpecFile on the real specs', () => {
  it('has all seven bundled LoopBench environments', () => {
    expect(realSpecs.filter((file) => file.startsWith('loopbench-envs/'))).toHaveLength(7);
  });

  it.each(realSpecs)('%s is valid', async (file) => {
    const result = await validateSpecFile(join(specs, file));
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    expect(errors.map(formatProblem)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.lssVersion).toBe('1.0');
  });

  it('reports the reference composition invalid: its merge strategy, at its line, and its missing children', async () => {
    const file = join(specs, 'compositions/scenario-swarm-rehearsal.yaml');
    const text = readFileSync(file, 'utf8');
    const result = await validateSpecFile(file);
    expect(result.valid).toBe(false);
    expect(result.lssVersion).toBe('1.1');
    const strategyLine =
      text.split('\n').findIndex((line) => line.includes('strategy: consensus_rubric')) + 1;
    const strategy = result.problems.find(
      (problem) => problem.path.join('.') === 'composition.merge.strategy',
    );
    expect(strategy).toMatchObject({ severity: 'error', rule: 'schema', file, line: strategyLine });
    expect(strategy?.message).toContain('consensus_rubric');
    expect(strategy?.fix).toContain('synthesize');
    const refs = result.problems.filter((problem) => problem.path.at(-1) === 'ref');
    expect(refs.map((problem) => problem.path[2])).toEqual([0, 1, 2]);
    expect(refs[0]?.message).toContain('../startup-validator.yaml');
  });
});

describe('validateSpecFile on compositions', () => {
  const composition = (children: string, extra = ''): string =>
    `${minimalText}\ncomposition:\n  type: sequential\n  children:\n${children}\n  adapters:\n    - { from: children.a.outputs.summarizer, to: children.b.inputs.message }\n${extra}`;

  function workspace(files: Record<string, string>): string {
    const directory = mkdtempSync(join(tmpdir(), 'loopgym-validate-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
    return directory;
  }

  it('validates children that resolve, relative to the composition file', async () => {
    const directory = workspace({
      'main.yaml': composition('    - { id: a, ref: child.yaml }\n    - { id: b, ref: child.yaml }'),
      'child.yaml': minimalText,
    });
    const result = await validateSpecFile(join(directory, 'main.yaml'));
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.children).toEqual([join(directory, 'child.yaml')]);
  });

  it("reports a child's own problems with the child's file and line", async () => {
    const directory = workspace({
      'main.yaml': composition('    - { id: a, ref: child.yaml }\n    - { id: b, ref: child.yaml }'),
      'child.yaml': minimalText.replace('type: ephemeral', 'type: forever'),
    });
    const result = await validateSpecFile(join(directory, 'main.yaml'));
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: join(directory, 'child.yaml'),
        path: ['memory', 'type'],
        line: 20,
        column: 9,
      }),
    ]);
  });

  it('suggests the closest file for a ref that does not resolve', async () => {
    const directory = workspace({
      'main.yaml': composition('    - { id: a, ref: chlid.yaml }\n    - { id: b, ref: child.yaml }'),
      'child.yaml': minimalText,
    });
    const result = await validateSpecFile(join(directory, 'main.yaml'));
    const problem = result.problems.find((p) => p.rule === 'composition');
    expect(problem).toMatchObject({ path: ['composition', 'children', 0, 'ref'], severity: 'error' });
    expect(problem?.fix).toContain('Did you mean `child.yaml`?');
    const refLine =
      composition('    - { id: a, ref: chlid.yaml }')
        .split('\n')
        .findIndex((l) => l.includes('chlid')) + 1;
    expect(problem?.line).toBe(refLine);
  });

  it('reports a composition that contains itself', async () => {
    const directory = workspace({
      'main.yaml': composition('    - { id: a, ref: main.yaml }\n    - { id: b, ref: child.yaml }'),
      'child.yaml': minimalText,
    });
    const result = await validateSpecFile(join(directory, 'main.yaml'));
    expect(result.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('refers back to a composition that contains it'),
    ]);
  });

  it('reports a file that does not exist', async () => {
    const result = await validateSpecFile('/nonexistent/loop.yaml');
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ rule: 'file' })]);
  });
});
