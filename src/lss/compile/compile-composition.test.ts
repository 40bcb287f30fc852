import { describe, expect, it } from 'vitest';
import { minimalSpec } from './__fixtures__/minimal-spec.js';
import { resolveChildPath, type ChildReference } from './compile-composition.js';
import { compileSpecFile } from './compile-spec-file.js';
import { compileSpec } from './compile-spec.js';
import { SpecCompileError } from './spec-compile-error.js';
import type { LoopSpec } from '../loop-spec.js';

// Relative to the repository root, where vitest runs.
const FIXTURES = 'src/lss/compile/__fixtures__';
const CHILDREN = `${FIXTURES}/children`;
const COMPOSITIONS = `${FIXTURES}/compositions`;

function composed(composition: NonNullable<LoopSpec['composition']>): LoopSpec {
  const spec = minimalSpec();
  spec.composition = composition;
  return spec;
}

describe('compositions from files', () => {
  it('compiles a sequential composition with its children', async () => {
    const { program, problems } = await compileSpecFile(`${COMPOSITIONS}/sequential.yaml`);
    expect(problems).toEqual([]);
    expect(program!.lssVersion).toBe('1.1');
    const composition = program!.composition!;
    expect(composition.type).toBe('sequential');
    expect(composition.children.map((c) => [c.id, c.role, c.ref, c.resolvedPath, c.program.name])).toEqual([
      ['summarize', 'stage', '../children/summarize.yaml', `${CHILDREN}/summarize.yaml`, 'summarize-child'],
      ['review', 'stage', '../children/review.yaml', `${CHILDREN}/review.yaml`, 'review-child'],
    ]);
    expect(composition.children[1]!.program.source.file).toBe(`${CHILDREN}/review.yaml`);
    expect(composition.children[1]!.program.feedback[0]!.when?.text).toBe(
      'score < pass_threshold or dimension_scores.precision < 0.5',
    );
    expect(composition.adapters).toEqual([
      {
        from: 'children.summarize.outputs.summarizer',
        to: 'children.review.inputs.summary',
        transform: 'identity',
        attributes: { x_note: 'the summary is passed unchanged' },
      },
    ]);
    expect(composition.merge).toBeUndefined();
    expect(Object.isFrozen(composition.children[0]!.program.workers[0])).toBe(true);
  });

  it('defaults parallel roles to branch and the merge strategy from min_branches_pass', async () => {
    const { program, problems } = await compileSpecFile(`${COMPOSITIONS}/parallel.yaml`);
    expect(problems).toEqual([]);
    const composition = program!.composition!;
    expect(composition.children.map((c) => [c.id, c.role, c.resolvedPath, c.attributes])).toEqual([
      ['summary_branch', 'branch', `${CHILDREN}/summarize.yaml`, { lens: 'Say what the text says' }],
      ['review_branch', 'branch', `${CHILDREN}/review.yaml`, { lens: 'Say what the text gets wrong' }],
    ]);
    expect(composition.merge).toEqual({
      strategy: 'min_branches_pass',
      minBranchesPass: 1,
      preserveDissent: true,
      attributes: { synthesizer: 'workers.merger' },
    });
    expect(composition.attributes).toEqual({ x_budget_split: 'even' });
  });

  it('compiles children that are compositions themselves', async () => {
    const { program, problems } = await compileSpecFile(`${COMPOSITIONS}/nested.yaml`);
    expect(problems).toEqual([]);
    const [outer, inner] = program!.composition!.children;
    expect([outer!.role, inner!.role]).toEqual(['outer', 'inner']);
    expect(inner!.program.composition!.children.map((c) => c.program.name)).toEqual([
      'summarize-child',
      'review-child',
    ]);
    await expect(`${JSON.stringify(program, null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/compositions--nested.program.json',
    );
  });

  it('reports a composition that contains itself', async () => {
    const file = `${COMPOSITIONS}/self-loop.yaml`;
    const { program, problems } = await compileSpecFile(file);
    expect(program).toBeUndefined();
    expect(problems).toContainEqual(
      expect.objectContaining({
        rule: 'composition',
        file,
        path: ['composition', 'children', 1, 'ref'],
        line: 37,
        message: expect.stringContaining(`${file} → ${COMPOSITIONS}/self-loop.yaml`),
      }),
    );
  });

  it('reports a child file that does not exist, at the line that names it', async () => {
    const file = `${COMPOSITIONS}/missing-child.yaml`;
    const { program, problems } = await compileSpecFile(file);
    expect(program).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'composition',
        file,
        path: ['composition', 'children', 1, 'ref'],
        line: 37,
        column: 26,
      }),
      expect.objectContaining({ rule: 'file', file: `${CHILDREN}/absent.yaml` }),
    ]);
  });
});

describe('compositions through resolveChild', () => {
  const child = compileSpec(minimalSpec(), { file: 'child.yaml' });

  it('passes each child with its path resolved against the composition file', () => {
    const seen: ChildReference[] = [];
    const program = compileSpec(
      composed({
        type: 'nested',
        children: [
          { id: 'outer', ref: 'loops/outer.yaml', role: 'outer' },
          { id: 'inner', ref: '../shared/inner.yaml', role: 'inner' },
        ],
        adapters: [{ from: 'children.inner.outputs.writer', to: 'children.outer.inputs.message' }],
      }),
      {
        file: 'specs/main/loop.yaml',
        resolveChild: (reference) => {
          seen.push(reference);
          return { program: child };
        },
      },
    );
    expect(seen).toEqual([
      { id: 'outer', ref: 'loops/outer.yaml', resolvedPath: 'specs/main/loops/outer.yaml', role: 'outer' },
      { id: 'inner', ref: '../shared/inner.yaml', resolvedPath: 'specs/shared/inner.yaml', role: 'inner' },
    ]);
    expect(program.composition!.children[0]!.program).toBe(child);
    expect(program.composition!.adapters[0]!.transform).toBeUndefined();
  });

  it('reports children it cannot resolve, and compositions without a resolver', () => {
    const spec = composed({
      type: 'sequential',
      children: [
        { id: 'a', ref: 'a.yaml' },
        { id: 'b', ref: 'b.yaml' },
      ],
      merge: { strategy: 'vote' },
    });
    expect(() => compileSpec(spec)).toThrow(/without a way to read `a\.yaml`/);
    const problem = {
      severity: 'error' as const,
      rule: 'schema',
      message: 'Broken.',
      path: [],
      file: 'b.yaml',
    };
    try {
      compileSpec(spec, {
        resolveChild: (reference) => (reference.id === 'a' ? { program: child } : { problems: [problem] }),
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SpecCompileError);
      expect((error as SpecCompileError).problems).toEqual([
        expect.objectContaining({ rule: 'composition', path: ['composition', 'children', 1, 'ref'] }),
        problem,
      ]);
    }
  });

  it('keeps a declared merge strategy and defaults to synthesize', () => {
    const compile = (merge: NonNullable<NonNullable<LoopSpec['composition']>['merge']>) =>
      compileSpec(
        composed({
          type: 'parallel',
          children: [
            { id: 'a', ref: 'a.yaml' },
            { id: 'b', ref: 'b.yaml' },
          ],
          merge,
        }),
        { resolveChild: () => ({ program: child }) },
      ).composition!.merge;
    expect(compile({ strategy: 'vote' })).toEqual({
      strategy: 'vote',
      minBranchesPass: undefined,
      preserveDissent: false,
      attributes: {},
    });
    expect(compile({})!.strategy).toBe('synthesize');
    expect(() => compile({ strategy: 'consensus_rubric' as 'vote' })).toThrow(
      /`consensus_rubric` is not a merge strategy/,
    );
  });

  it('resolves child paths', () => {
    expect(resolveChildPath('../b.yaml', 'x/y/a.yaml')).toBe('x/b.yaml');
    expect(resolveChildPath('./b.yaml', undefined)).toBe('b.yaml');
    expect(resolveChildPath('/abs/b.yaml', 'x/a.yaml')).toBe('/abs/b.yaml');
  });
});
