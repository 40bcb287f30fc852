// The LSS 1.1 `composition` block: children resolved (through the caller) and compiled, adapters, merge.
import { dirname, isAbsolute, join, normalize } from 'node:path';
import type { SpecProblem } from '../spec-problem.js';
import { otherKeys, type CompileContext } from './compile-context.js';
import type { CompositionPlan, LoopProgram } from './loop-program.js';

/** A child of a composition, as the resolver receives it. */
export interface ChildReference {
  id: string;
  /** As written in the spec. */
  ref: string;
  /** `ref` resolved against the directory of the composition file (as written when the file is unknown). */
  resolvedPath: string;
  role: CompositionPlan['children'][number]['role'];
}

/** What a resolver gives back: the child's compiled program, or why it has none. */
export type ChildResolution = { program: LoopProgram } | { problems: readonly SpecProblem[] };

/** Finds and compiles the child spec a composition refers to. */
export type ResolveChild = (child: ChildReference) => ChildResolution;

type MergeStrategy = NonNullable<CompositionPlan['merge']>['strategy'];
const MERGE_STRATEGIES: readonly MergeStrategy[] = [
  'synthesize',
  'vote',
  'first_pass',
  'all_pass',
  'min_branches_pass',
];

/**
 * Where a child `ref` points: relative refs are resolved against the directory of the composition file.
 *
 * @example
 * ```ts
 * resolveChildPath('../research.yaml', 'loops/compositions/swarm.yaml'); // 'loops/research.yaml'
 * ```
 */
export function resolveChildPath(ref: string, file: string | undefined): string {
  if (file === undefined || isAbsolute(ref)) return normalize(ref);
  return join(dirname(file), ref);
}

/**
 * The composition plan, with each child compiled by `resolveChild`; `undefined` for an LSS 1.0 spec. A child role
 * left out is `branch` in a parallel composition and `stage` otherwise; a merge without `strategy` is
 * `min_branches_pass` when it sets `min_branches_pass`, else `synthesize`.
 *
 * @example
 * ```ts
 * compileComposition(context, (child) => ({ program: compiled.get(child.resolvedPath)! }))?.children.length;
 * ```
 */
export function compileComposition(
  context: CompileContext,
  resolveChild: ResolveChild | undefined,
): CompositionPlan | undefined {
  const composition = context.spec.composition;
  if (composition === undefined) return undefined;
  const children: CompositionPlan['children'][number][] = [];
  composition.children.forEach((child, index) => {
    const role = child.role ?? (composition.type === 'parallel' ? 'branch' : 'stage');
    const reference: ChildReference = {
      id: child.id,
      ref: child.ref,
      resolvedPath: resolveChildPath(child.ref, context.file),
      role,
    };
    const path = ['composition', 'children', index, 'ref'];
    if (resolveChild === undefined) {
      context.report(
        path,
        `Child \`${child.id}\` cannot be compiled without a way to read \`${child.ref}\`.`,
        'Compile the file with `compileSpecFile`, or pass `resolveChild` to `compileSpec`.',
        'composition',
      );
      return;
    }
    const resolution = resolveChild(reference);
    if ('problems' in resolution) {
      context.report(
        path,
        `Child \`${child.id}\` (\`${reference.resolvedPath}\`) cannot be compiled; its problems follow.`,
        undefined,
        'composition',
      );
      context.problems.push(...resolution.problems);
      return;
    }
    children.push({
      ...reference,
      program: resolution.program,
      attributes: otherKeys(child, ['id', 'ref', 'role']),
    });
  });
  return {
    type: composition.type,
    children,
    adapters: (composition.adapters ?? []).map((adapter) => ({
      from: adapter.from,
      to: adapter.to,
      transform: adapter.transform,
      attributes: otherKeys(adapter, ['from', 'to', 'transform']),
    })),
    merge: composition.merge === undefined ? undefined : toMerge(context, composition.merge),
    attributes: otherKeys(composition, ['type', 'children', 'adapters', 'merge']),
  };
}

function toMerge(
  context: CompileContext,
  merge: NonNullable<NonNullable<typeof context.spec.composition>['merge']>,
): CompositionPlan['merge'] {
  const declared: unknown = merge.strategy;
  let strategy: MergeStrategy;
  if (declared === undefined) {
    strategy = merge.min_branches_pass === undefined ? 'synthesize' : 'min_branches_pass';
  } else if (MERGE_STRATEGIES.includes(declared as MergeStrategy)) {
    strategy = declared as MergeStrategy;
  } else {
    context.report(
      ['composition', 'merge', 'strategy'],
      `\`${typeof declared === 'string' ? declared : JSON.stringify(declared)}\` is not a merge strategy.`,
      `Use one of ${MERGE_STRATEGIES.map((s) => `\`${s}\``).join(', ')}.`,
      'schema',
    );
    strategy = 'synthesize';
  }
  return {
    strategy,
    minBranchesPass: merge.min_branches_pass,
    preserveDissent: merge.preserve_dissent ?? false,
    attributes: otherKeys(merge, ['strategy', 'min_branches_pass', 'preserve_dissent']),
  };
}
