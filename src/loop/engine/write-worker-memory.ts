// A worker's output written to memory: under its output's name and, for a JSON object, the keys others read.
import type { WorkerProgram } from '../../lss/compile/loop-program.js';
import type { WorkerOutput } from '../worker-output.js';
import { unchecked, type WorkerRunContext } from './run-worker.js';
import { UNCHECKED_PASS } from './safety-guard.js';

/**
 * Writes a worker's output to memory, each write checked by the `pre_memory_write` constraints and recorded as a
 * `memory-write` event. A writer's output goes to memory under the snake_case of its output name (`PlanDraft` → `plan_draft`); a JSON
 * object output also writes each of its top-level keys that some worker reads from memory.
 *
 * @example
 * ```ts
 * if (worker.memoryWrite) await writeMemory(worker, context, output);
 * ```
 */
export async function writeMemory(
  worker: WorkerProgram,
  context: WorkerRunContext,
  output: WorkerOutput,
): Promise<void> {
  const { state, record } = context;
  const writes: { key: string; value: unknown }[] = [
    { key: snakeCase(worker.output.name), value: output.format === 'json' ? output.value : output.text },
  ];
  const readKeys = new Set(
    state.program.workers.flatMap((w) =>
      w.inputs.flatMap((input) => (input.kind === 'memory' ? [input.key] : [])),
    ),
  );
  if (typeof output.value === 'object' && output.value !== null && !Array.isArray(output.value)) {
    for (const [key, value] of Object.entries(output.value)) {
      if (readKeys.has(key) && key !== writes[0]!.key) writes.push({ key, value });
    }
  }
  for (const { key, value } of writes) {
    const check = unchecked(context, 'pre_memory_write', worker.id)
      ? UNCHECKED_PASS
      : await context.guard.inspect(
          'pre_memory_write',
          {
            workerId: worker.id,
            text: typeof value === 'string' ? value : JSON.stringify(value),
            memoryWrite: { key, value },
            allowedTools: worker.tools,
          },
          record,
        );
    const outcome =
      check.verdict === 'block'
        ? 'blocked'
        : state.memory.write(key, value, worker.id, state.iteration, state.time);
    state.emit({ type: 'memory-write', iteration: state.iteration, key, writer: worker.id, outcome });
  }
}

/**
 * `PlanDraft` → `plan_draft`, `research notes` → `research_notes`.
 *
 * @example
 * ```ts
 * snakeCase('ConsolidatedFeedback'); // 'consolidated_feedback'
 * ```
 */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
    .toLowerCase();
}
