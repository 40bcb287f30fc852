// Test helpers: worker outputs, tasks and contexts for deterministic evaluators.
import type { EvaluatorVerdict } from '../../evaluator-verdict.js';
import { emptyTaskMaterial, type LoopTask, type TaskMaterial } from '../../../tasks/loop-task.js';
import type { CodeBlock, WorkerOutput } from '../../../worker-output.js';
import type { DeterministicEvaluator } from '../deterministic-evaluator.js';

const FENCE = /^```([^\n`]*)\n([\s\S]*?)^```[ \t]*$/gmu;
const FILE_COMMENT = /^\s*(?:#|\/\/)\s*file:\s*(\S+)\s*$/u;

/** The fenced blocks of `raw`, read the way the engine reads them. */
export function parseCodeBlocks(raw: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const match of raw.matchAll(FENCE)) {
    const info = match[1]!.trim();
    const language = info.split(/\s+/u)[0] || undefined;
    const named = /(?:^|\s)(?:path|file)=(\S+)/u.exec(info)?.[1];
    const content = match[2]!;
    const firstLine = content.split('\n', 1)[0] ?? '';
    const commented = FILE_COMMENT.exec(firstLine)?.[1];
    blocks.push({ language, path: named ?? commented, content });
  }
  return blocks;
}

/** A worker output of `format` (markdown by default) with `raw` as its text. */
export function makeOutput(raw: string, overrides: Partial<WorkerOutput> = {}): WorkerOutput {
  const codeBlocks = parseCodeBlocks(raw);
  const format = overrides.format ?? 'markdown';
  const text =
    format === 'code' && codeBlocks.length > 0 ? codeBlocks.map((block) => block.content).join('\n') : raw;
  let value: unknown = undefined;
  if (format === 'json') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      value = undefined;
    }
  }
  return { workerId: 'worker', name: 'Output', format, raw, text, value, codeBlocks, ...overrides };
}

/** A task with the given material (empty otherwise). */
export function makeTask(material: Partial<TaskMaterial> = {}, overrides: Partial<LoopTask> = {}): LoopTask {
  return {
    id: 'task-1',
    inputs: {},
    material: { ...emptyTaskMaterial(), ...material },
    root: undefined,
    ...overrides,
  };
}

/** Runs `evaluator` on outputs given as text (or as outputs) with raw parameters. */
export async function runEvaluator(
  evaluator: DeterministicEvaluator,
  options: {
    outputs: readonly (string | WorkerOutput)[];
    task?: LoopTask;
    parameters?: Record<string, unknown>;
    signal?: AbortSignal;
  },
): Promise<EvaluatorVerdict> {
  return evaluator.evaluate({
    evaluatorId: 'under_test',
    outputs: options.outputs.map((output) => (typeof output === 'string' ? makeOutput(output) : output)),
    task: options.task ?? makeTask(),
    parameters: options.parameters ?? {},
    signal: options.signal ?? new AbortController().signal,
  });
}
