// The prompt a worker gets: its role, the objective, its resolved inputs and the feedback routed to it.
import type { InputBinding, WorkerProgram } from '../../lss/compile/loop-program.js';
import type { ModelMessage } from '../../models/language-model.js';
import type { EpisodeState, PendingFeedback } from './episode-state.js';

/** One resolved input of a worker. */
export interface ResolvedInput {
  ref: string;
  /** The value, or `undefined` when its source has nothing yet (a memory key not written, a worker that failed). */
  value: unknown;
  /** Why there is no value, when there is none. */
  missing: string | undefined;
  /** The value as text, when it came as text (another worker's output): shown as it is, not serialized again. */
  text?: string | undefined;
}

/** A worker's prompt, and the same material as data for simulated models. */
export interface WorkerPrompt {
  messages: ModelMessage[];
  inputs: ResolvedInput[];
  feedback: PendingFeedback[];
  instructions: string;
}

const FORMAT_INSTRUCTIONS: Record<WorkerProgram['output']['format'], string> = {
  text: 'Answer in plain text.',
  markdown: 'Answer in Markdown.',
  json: 'Answer with one JSON value and nothing else.',
  code: 'Answer with the code in fenced blocks; name the file each block replaces, e.g. ```python path=src/module.py.',
  binary: 'Answer with the content only.',
};

/**
 * Resolves a worker's inputs: task input values (a path inside one: `inputs.repo.url`), memory keys under the
 * read policy, and other workers' outputs from this iteration (or the latest earlier one). The workers it
 * `depends_on` hand it their outputs too (as `workers.<id>`, after its declared inputs, unless these name them):
 * a writer that depends on a researcher reads the research.
 *
 * @example
 * ```ts
 * resolveInputs(worker, state, currentOutputs); // [{ ref: 'inputs.query', value: '…', missing: undefined }, …]
 * ```
 */
export function resolveInputs(
  worker: WorkerProgram,
  state: EpisodeState,
  current: ReadonlyMap<string, { text: string; value: unknown; format: string }>,
): ResolvedInput[] {
  const declared = worker.inputs.map((binding) => resolveInput(binding, worker.id, state, current));
  if (worker.dependsOn.length === 0) return declared;
  const bound = new Set(
    worker.inputs.flatMap((binding) => (binding.kind === 'worker' ? [binding.workerId] : [])),
  );
  const handed = worker.dependsOn
    .filter((id) => !bound.has(id))
    .map((workerId) =>
      resolveInput({ kind: 'worker', ref: `workers.${workerId}`, workerId }, worker.id, state, current),
    );
  return handed.length === 0 ? declared : [...declared, ...handed];
}

function resolveInput(
  binding: InputBinding,
  workerId: string,
  state: EpisodeState,
  current: ReadonlyMap<string, { text: string; value: unknown; format: string }>,
): ResolvedInput {
  switch (binding.kind) {
    case 'input': {
      const value = pathValue(state.inputs[binding.name], binding.path);
      return { ref: binding.ref, value, missing: value === undefined ? 'no value was given' : undefined };
    }
    case 'memory': {
      const read = state.memory.read(binding.key, workerId);
      if (read.status === 'denied') return { ref: binding.ref, value: undefined, missing: read.reason };
      if (read.status === 'missing')
        return { ref: binding.ref, value: undefined, missing: 'nothing written yet' };
      const value = pathValue(read.entry.value, binding.path);
      return { ref: binding.ref, value, missing: value === undefined ? 'no such field' : undefined };
    }
    case 'worker': {
      const output = current.get(binding.workerId) ?? state.latestOutputs.get(binding.workerId);
      if (output === undefined)
        return { ref: binding.ref, value: undefined, missing: 'the worker produced no output' };
      return {
        ref: binding.ref,
        value: output.format === 'json' ? output.value : output.text,
        missing: undefined,
        text: output.text,
      };
    }
  }
}

/** The value at `path` inside `value`, the path's first part (the source's own name) left out. */
function pathValue(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (let index = 1; index < path.length; index++) {
    const key = path[index]!;
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Builds a worker's messages: a system message with its instructions (its role, as refined by the optimizer), the
 * loop's objective, its output format and its tools; a user message with each input, the feedback routed to it and
 * where the loop stands.
 *
 * @example
 * ```ts
 * const prompt = buildWorkerPrompt(worker, state, currentOutputs, toolNames);
 * prompt.messages[0]?.content; // 'You are the `writer` worker of the loop …'
 * ```
 */
export function buildWorkerPrompt(
  worker: WorkerProgram,
  state: EpisodeState,
  current: ReadonlyMap<string, { text: string; value: unknown; format: string }>,
  toolNames: readonly string[],
): WorkerPrompt {
  const instructions = state.instructions.get(worker.id) ?? worker.role;
  const inputs = resolveInputs(worker, state, current);
  const feedback = state.pendingFeedback.get(worker.id) ?? [];
  const system = [
    `You are the \`${worker.id}\` worker of the loop \`${state.program.name}\`.`,
    `Your role: ${instructions}`,
    `The loop's objective: ${state.program.objective.trim()}`,
    `Produce your output \`${worker.output.name}\`. ${FORMAT_INSTRUCTIONS[worker.output.format]}`,
    toolNames.length === 0 ? 'You have no tools.' : `You may call these tools: ${toolNames.join(', ')}.`,
  ].join('\n');
  const parts = inputs.map(
    (input) =>
      `## ${input.ref}\n${input.missing === undefined ? (input.text ?? show(input.value)) : `(none: ${input.missing})`}`,
  );
  if (feedback.length > 0) {
    parts.push(
      `## Feedback on your previous output\n${feedback.map((item) => `From ${item.sourceId}:\n${item.content}`).join('\n\n')}`,
    );
  }
  parts.push(`Iteration ${state.iteration} of at most ${state.program.termination.maxIterations}.`);
  return {
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: parts.join('\n\n') },
    ],
    inputs,
    feedback: [...feedback],
    instructions,
  };
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}
