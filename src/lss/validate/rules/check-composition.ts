// Rule `composition` (LSS 1.1): the shape each composition type needs, and adapters between declared children.
import { asList, asNumber, asRecord, asString, declaredIds, field, quoteList } from './document-access.js';
import type { RuleProblem } from './spec-rule.js';
import { unknownReference } from './unknown-reference.js';

type CompositionType = 'sequential' | 'parallel' | 'nested';

const ROLES_OF: Record<CompositionType, readonly string[]> = {
  sequential: ['stage'],
  parallel: ['branch'],
  nested: ['outer', 'inner'],
};

/**
 * The LSS 1.1 rules of each composition type: sequential needs at least one adapter per hand-off (n − 1; a
 * warning, an error with `strict`); parallel needs `merge` and at least two `branch` children (a child without
 * `role` is a branch there, a stage elsewhere) and no more `min_branches_pass` than branches; nested needs exactly
 * one `outer`, at least one `inner` and at least one adapter. Adapters' `from`/`to` (`children.<id>.…`) name
 * declared children, and a role foreign to the type is a warning. Child `ref`s are checked by `validateSpecFile`.
 *
 * @example
 * ```ts
 * checkComposition({ composition: { type: 'parallel', children: [{ id: 'a', ref: 'a.yaml' }] } });
 * // [{ message: 'A parallel composition needs a `merge` block …' }, { message: '… at least two branches …' }]
 * ```
 */
export function checkComposition(document: unknown): RuleProblem[] {
  const composition = asRecord(field(document, 'composition'));
  if (composition === undefined) return [];
  const type = asString(composition.type);
  if (type !== 'sequential' && type !== 'parallel' && type !== 'nested') return [];
  const children = asList(composition.children);
  const adapters = asList(composition.adapters);
  const roles = children.map(
    (child) => asString(field(child, 'role')) ?? (type === 'parallel' ? 'branch' : 'stage'),
  );
  const count = (role: string): number => roles.filter((r) => r === role).length;
  const problems: RuleProblem[] = [];
  const add = (
    severity: 'error' | 'warning',
    path: (string | number)[],
    message: string,
    fix: string,
  ): void => {
    problems.push({ severity, rule: 'composition', message, path, fix, anchor: 'key' });
  };
  const adaptersPath = Object.hasOwn(composition, 'adapters') ? ['composition', 'adapters'] : ['composition'];
  if (type === 'sequential' && children.length > 1 && adapters.length < children.length - 1) {
    add(
      'warning',
      adaptersPath,
      `A sequential composition of ${children.length} children needs at least ${children.length - 1} adapters (one per hand-off); it has ${adapters.length}.`,
      'Add an adapter for each hand-off, e.g. `- { from: children.<a>.outputs.<worker>, to: children.<b>.inputs.<field> }`.',
    );
  }
  if (type === 'parallel') {
    if (!Object.hasOwn(composition, 'merge')) {
      add(
        'error',
        ['composition'],
        'A parallel composition needs a `merge` block saying how the branches are combined.',
        'Add `merge: { strategy: synthesize }` (strategies: `synthesize`, `vote`, `first_pass`, `all_pass`).',
      );
    }
    const branches = count('branch');
    if (branches < 2) {
      add(
        'error',
        ['composition', 'children'],
        `A parallel composition needs at least two branches; it has ${branches}.`,
        'Add children with `role: branch` (the default role in a parallel composition).',
      );
    }
    const minimum = asNumber(field(composition, 'merge', 'min_branches_pass'));
    if (minimum !== undefined && branches >= 2 && minimum > branches) {
      add(
        'error',
        ['composition', 'merge', 'min_branches_pass'],
        `\`merge.min_branches_pass\` is ${minimum}, but there are only ${branches} branches.`,
        `Make it at most ${branches}.`,
      );
    }
  }
  if (type === 'nested') {
    const outer = count('outer');
    if (outer !== 1) {
      add(
        'error',
        ['composition', 'children'],
        `A nested composition needs exactly one child with \`role: outer\`; it has ${outer}.`,
        outer === 0
          ? 'Mark the loop that drives the others with `role: outer`.'
          : 'Keep `role: outer` on one child and make the others `inner`.',
      );
    }
    if (count('inner') === 0) {
      add(
        'error',
        ['composition', 'children'],
        'A nested composition needs at least one child with `role: inner`.',
        'Mark the loop that runs inside the outer one with `role: inner`.',
      );
    }
    if (adapters.length === 0) {
      add(
        'error',
        adaptersPath,
        'A nested composition needs at least one adapter between its outer and inner loops.',
        'Add e.g. `adapters: [{ from: children.<inner>.outputs.<worker>, to: children.<outer>.inputs.<field> }]`.',
      );
    }
  }
  roles.forEach((role, index) => {
    const allowed = ROLES_OF[type];
    if (allowed.includes(role) || asString(field(children[index], 'role')) === undefined) return;
    if (!['stage', 'branch', 'outer', 'inner'].includes(role)) return; // The schema reports unknown roles.
    problems.push({
      severity: 'warning',
      rule: 'composition',
      message: `Role \`${role}\` has no meaning in a ${type} composition.`,
      path: ['composition', 'children', index, 'role'],
      fix: `Use ${quoteList([...allowed], 'or')}.`,
    });
  });
  problems.push(...checkAdapters(adapters, declaredIds(composition, 'children')));
  return problems;
}

function checkAdapters(adapters: readonly unknown[], children: readonly string[]): RuleProblem[] {
  const childIds = new Set(children);
  const problems: RuleProblem[] = [];
  adapters.forEach((adapter, index) => {
    for (const end of ['from', 'to'] as const) {
      const reference = asString(field(adapter, end));
      if (reference === undefined) continue;
      const segments = reference.split('.');
      const prefixed = segments[0] === 'children';
      const id = prefixed ? (segments[1] ?? '') : (segments[0] ?? '');
      if (childIds.has(id)) continue;
      problems.push(
        unknownReference({
          path: ['composition', 'adapters', index, end],
          message: `Adapter \`${end}: ${reference}\` names the child \`${id}\`, which the composition does not declare.`,
          name: id,
          candidates: children,
          prefix: prefixed ? 'children.' : '',
          kind: 'child',
          rule: 'composition',
        }),
      );
    }
  });
  return problems;
}
