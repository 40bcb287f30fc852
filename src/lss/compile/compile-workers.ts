// Workers: topological order, concurrency levels, resolved input bindings.
import type { SafetyScope, WorkerSpec } from '../loop-spec.js';
import { closestMatches } from '../../registry/closest-matches.js';
import { copyValue, splitReference, toModelBinding, type CompileContext } from './compile-context.js';
import type { InputBinding, WorkerProgram } from './loop-program.js';

/** Workers in execution order, with their position in the spec and their level. */
export interface WorkerOrdering {
  /** In topological order (ties keep declaration order). */
  readonly workers: readonly { spec: WorkerSpec; index: number; level: number }[];
  /** Worker id → position in the topological order. */
  readonly orderOf: ReadonlyMap<string, number>;
}

/** What other parts of the program say about each worker. */
export interface WorkerLinks {
  feedbackChannels: ReadonlyMap<string, readonly string[]>;
  evaluators: ReadonlyMap<string, readonly string[]>;
  safety: ReadonlyMap<string, Partial<Record<SafetyScope, string[]>>>;
}

/** Defaults of the optional worker bounds. */
export const DEFAULT_WORKER_TIMEOUT_SECONDS = 120;
export const DEFAULT_WORKER_RETRIES = 0;

/**
 * Orders the workers by `depends_on`: a worker comes after everything it depends on, and among workers that are ready
 * at the same time the one declared first comes first. A worker's level is 0 without dependencies, else one more
 * than the highest level it depends on. Unknown dependencies and cycles are reported.
 *
 * @example
 * ```ts
 * orderWorkers(context).workers.map((w) => [w.spec.id, w.level]); // [['planner', 0], ['writer', 1]]
 * ```
 */
export function orderWorkers(context: CompileContext): WorkerOrdering {
  const declared = context.spec.workers;
  const indexOf = new Map<string, number>();
  declared.forEach((worker, index) => {
    if (indexOf.has(worker.id)) {
      context.report(
        ['workers', index, 'id'],
        `Worker id \`${worker.id}\` is used twice.`,
        'Give each worker its own id.',
        'unique-id',
      );
    } else {
      indexOf.set(worker.id, index);
    }
  });
  const dependencies = declared.map((worker, index) =>
    (worker.depends_on ?? []).filter((id, position) => {
      if (indexOf.has(id)) return true;
      const suggestion = closestMatches(id, indexOf.keys(), 1)[0];
      context.report(
        ['workers', index, 'depends_on', position],
        `Worker \`${worker.id}\` depends on \`${id}\`, which is not a worker.`,
        suggestion === undefined ? 'Remove it or declare that worker.' : `Did you mean \`${suggestion}\`?`,
      );
      return false;
    }),
  );
  const ordered: { spec: WorkerSpec; index: number; level: number }[] = [];
  const levels = new Map<string, number>();
  const placed = new Set<number>();
  while (placed.size < declared.length) {
    const next = declared.findIndex(
      (_, index) => !placed.has(index) && dependencies[index]!.every((id) => levels.has(id)),
    );
    if (next === -1) {
      reportCycle(context, declared, dependencies, placed, indexOf);
      break;
    }
    const worker = declared[next]!;
    const level = Math.max(-1, ...dependencies[next]!.map((id) => levels.get(id)!)) + 1;
    placed.add(next);
    if (!levels.has(worker.id)) levels.set(worker.id, level);
    ordered.push({ spec: worker, index: next, level });
  }
  return { workers: ordered, orderOf: new Map(ordered.map((entry, order) => [entry.spec.id, order])) };
}

function reportCycle(
  context: CompileContext,
  declared: readonly WorkerSpec[],
  dependencies: readonly (readonly string[])[],
  placed: ReadonlySet<number>,
  indexOf: ReadonlyMap<string, number>,
): void {
  // Walk dependencies among the unplaced workers until one repeats: the walk from there on is a cycle.
  let current = declared.findIndex((_, index) => !placed.has(index));
  const seen: number[] = [];
  while (!seen.includes(current)) {
    seen.push(current);
    const blocker = dependencies[current]!.map((id) => indexOf.get(id)!).find((index) => !placed.has(index));
    current = blocker!;
  }
  const cycle = seen.slice(seen.indexOf(current)).map((index) => declared[index]!.id);
  context.report(
    ['workers', current, 'depends_on'],
    `Workers depend on each other in a cycle: ${[...cycle, cycle[0]!].map((id) => `\`${id}\``).join(' → ')}.`,
    'Remove one of these dependencies so that `depends_on` forms a DAG.',
    'dag',
  );
}

/**
 * Resolves one `inputs[].from` reference into a binding.
 *
 * @example
 * ```ts
 * toInputBinding('inputs.repo.url'); // { kind: 'input', ref: 'inputs.repo.url', name: 'repo', path: ['repo', 'url'] }
 * ```
 */
export function toInputBinding(reference: string): InputBinding | undefined {
  const { root, segments } = splitReference(reference);
  const first = segments[0];
  if (first === undefined || first === '') return undefined;
  switch (root) {
    case 'inputs':
      return { kind: 'input', ref: reference, name: first, path: segments };
    case 'memory':
      return { kind: 'memory', ref: reference, key: first, path: segments };
    case 'workers':
      return segments.length === 1 ? { kind: 'worker', ref: reference, workerId: first } : undefined;
    default:
      return undefined;
  }
}

/**
 * The worker programs, in topological order, with their links to evaluators, feedback, memory and safety.
 *
 * @example
 * ```ts
 * compileWorkers(context, orderWorkers(context), links)[0]!.timeoutSeconds; // 120 unless declared
 * ```
 */
export function compileWorkers(
  context: CompileContext,
  ordering: WorkerOrdering,
  links: WorkerLinks,
): WorkerProgram[] {
  const { memory, inputs } = context.spec;
  const writers = memory.write_policy?.allowed_writers ?? [];
  return ordering.workers.map(({ spec: worker, index, level }, order) => ({
    id: worker.id,
    role: worker.role,
    model: toModelBinding(worker.model),
    order,
    level,
    dependsOn: [...(worker.depends_on ?? [])],
    inputs: worker.inputs.flatMap((input, position) => {
      const binding = toInputBinding(input.from);
      const where = ['workers', index, 'inputs', position, 'from'];
      if (binding === undefined) {
        context.report(
          where,
          `\`${input.from}\` is not a reference.`,
          'Write `inputs.X`, `memory.X` or `workers.X`.',
        );
        return [];
      }
      if (binding.kind === 'worker' && !ordering.orderOf.has(binding.workerId)) {
        const suggestion = closestMatches(binding.workerId, ordering.orderOf.keys(), 1)[0];
        context.report(
          where,
          `Worker \`${worker.id}\` reads \`${input.from}\`, which is not a worker.`,
          suggestion === undefined ? undefined : `Did you mean \`workers.${suggestion}\`?`,
        );
      }
      if (binding.kind === 'input' && !Object.hasOwn(inputs.schema, binding.name)) {
        const suggestion = closestMatches(binding.name, Object.keys(inputs.schema), 1)[0];
        context.report(
          where,
          `Worker \`${worker.id}\` reads \`${input.from}\`, which is not in \`inputs.schema\`.`,
          suggestion === undefined
            ? 'Declare it in `inputs.schema`.'
            : `Did you mean \`inputs.${suggestion}\`?`,
        );
      }
      return [binding];
    }),
    output: {
      name: worker.outputs.name,
      format: worker.outputs.format,
      schemaRef: worker.outputs.schema_ref,
    },
    tools: [...(worker.tools ?? [])],
    timeoutSeconds: worker.timeout_seconds ?? DEFAULT_WORKER_TIMEOUT_SECONDS,
    retries: worker.retries ?? DEFAULT_WORKER_RETRIES,
    costBudgetUsd: worker.cost_budget_usd,
    feedbackChannels: [...(links.feedbackChannels.get(worker.id) ?? [])],
    evaluators: [...(links.evaluators.get(worker.id) ?? [])],
    memoryReads:
      memory.read_policy === undefined ? undefined : copyValue(memory.read_policy[worker.id] ?? []),
    memoryWrite: writers.includes(worker.id),
    safety: copyValue(links.safety.get(worker.id) ?? {}),
  }));
}
