// The wiring of a composition: its adapters checked against its children, and each child's input values.
import { InvalidArgumentError } from '../../core/errors.js';
import type { CompositionPlan, LoopProgram } from '../../lss/compile/loop-program.js';
import type { LoopTask } from '../tasks/loop-task.js';
import { applyTransform, parseAdapterEndpoint, type AdapterEndpoint } from './adapter-endpoint.js';

/** A composition's adapter, its ends read. */
export interface Wire {
  from: AdapterEndpoint;
  to: Extract<AdapterEndpoint, { kind: 'child-input' }>;
  transform: string | undefined;
  text: string;
}

type Child = CompositionPlan['children'][number];

/**
 * Reads and checks every adapter of a composition: each end parses, names a declared child, a worker that child
 * has and an input it declares; the transform is one LoopGym runs. Problems are errors that name the adapter.
 *
 * @example
 * ```ts
 * const wires = wireComposition(program);
 * wires[0]?.to.field; // 'summary'
 * ```
 */
export function wireComposition(program: LoopProgram): Wire[] {
  const plan = program.composition!;
  const byId = new Map(plan.children.map((child) => [child.id, child]));
  return plan.adapters.map((adapter) => {
    const text = `${adapter.from} → ${adapter.to}`;
    const fail = (why: string): never => {
      throw new InvalidArgumentError(`The adapter ${text} of \`${program.name}\` cannot run: ${why}.`);
    };
    const from = parseAdapterEndpoint(adapter.from);
    const to = parseAdapterEndpoint(adapter.to);
    if (to.kind !== 'child-input') return fail('its `to` must be `children.<id>.inputs.<field>`');
    const target = byId.get(to.childId) ?? fail(`no child \`${to.childId}\``);
    if (!target.program.inputs.some((field) => field.name === to.field)) {
      fail(
        `\`${to.childId}\` has no input \`${to.field}\` (its inputs: ${target.program.inputs.map((f) => f.name).join(', ')})`,
      );
    }
    if (from.kind === 'child-input') return fail('its `from` must be an output or a task input');
    if (from.kind === 'task-input' && !program.inputs.some((field) => field.name === from.field)) {
      fail(`the composition has no input \`${from.field}\``);
    }
    if (from.kind === 'child-output') {
      const source = byId.get(from.childId) ?? fail(`no child \`${from.childId}\``);
      const workers = source.program.workers.map((worker) => worker.id);
      if (from.workerId !== undefined && !workers.includes(from.workerId)) {
        fail(`\`${from.childId}\` has no worker \`${from.workerId}\` (its workers: ${workers.join(', ')})`);
      }
    }
    applyTransform('', adapter.transform);
    return { from, to, transform: adapter.transform, text };
  });
}

/**
 * The input values of a child: the composition task's values of the inputs the child declares under the same
 * name, then each adapter into the child whose source has a value (a child's output, by worker or its answer: the
 * last worker's output). A required input left without a value is an error that says which adapter to add.
 *
 * @example
 * ```ts
 * const inputs = childInputs(child, task, wires, (id) => latest.get(id));
 * ```
 */
export function childInputs(
  child: Child,
  task: LoopTask,
  wires: readonly Wire[],
  outputsOf: (childId: string) => Readonly<Record<string, string>> | undefined,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of child.program.inputs) {
    if (Object.hasOwn(task.inputs, field.name)) values[field.name] = task.inputs[field.name];
  }
  for (const wire of wires) {
    if (wire.to.childId !== child.id) continue;
    let value: unknown;
    if (wire.from.kind === 'task-input') value = task.inputs[wire.from.field];
    else if (wire.from.kind === 'child-output') {
      const outputs = outputsOf(wire.from.childId);
      // Without a worker: the child's answer, its last worker's output (outputs are in worker order).
      const worker = wire.from.workerId ?? Object.keys(outputs ?? {}).at(-1) ?? '';
      value = outputs?.[worker];
    }
    if (value !== undefined) values[wire.to.field] = applyTransform(value, wire.transform);
  }
  const missing = child.program.inputs.filter(
    (field) => field.required && !field.hasDefault && values[field.name] === undefined,
  );
  if (missing.length > 0) {
    throw new InvalidArgumentError(
      `The child \`${child.id}\` needs ${missing.map((field) => `\`${field.name}\``).join(', ')}, which neither the task's inputs (by the same name) nor an adapter gives; add an adapter \`to: children.${child.id}.inputs.${missing[0]!.name}\`.`,
    );
  }
  return values;
}
