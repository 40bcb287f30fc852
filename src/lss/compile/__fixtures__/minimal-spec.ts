// A small valid spec for unit tests of the compiler, built fresh on every call so tests can change it.
import type { LoopSpec, WorkerSpec } from '../../loop-spec.js';
import type { SpecProblem } from '../../spec-problem.js';
import { compileSpec } from '../compile-spec.js';
import type { LoopProgram } from '../loop-program.js';
import { SpecCompileError } from '../spec-compile-error.js';

/** A one-worker, one-evaluator loop that passes the LSS schema and every semantic rule. */
export function minimalSpec(): LoopSpec {
  return {
    loop_name: 'tiny-loop',
    version: '1.0.0',
    objective: 'Summarize the message in one faithful paragraph.',
    inputs: { schema: { message: { type: 'string', description: 'Text to summarize', required: true } } },
    memory: { type: 'ephemeral' },
    workers: [worker('writer')],
    evaluators: [
      {
        id: 'judge',
        type: 'llm_rubric',
        runs_after: ['writer'],
        rubric: {
          dimensions: [{ name: 'fidelity', weight: 1, scale: [0, 1], criteria: 'Keeps the facts' }],
          pass_threshold: 0.8,
        },
        model: { provider: 'openai', name: 'judge-model', temperature: 0 },
      },
    ],
    feedback_channels: [
      { id: 'judge_to_writer', source: 'evaluators.judge', destination: 'workers.writer', format: 'structured' },
    ],
    optimization_strategy: { type: 'prompt_refinement', max_steps: 4 },
    termination_conditions: { success: [{ metric: 'quality', operator: 'gte', value: 0.8 }] },
    metrics: [
      { name: 'quality', primary: true, definition: 'Rubric score', source: 'evaluators.judge', unit: 'ratio' },
    ],
    safety_constraints: [],
    cost_limits: { per_iteration_usd: 0.1, cumulative_usd: 1, on_exceed: { action: 'halt' } },
  };
}

/** A worker reading `inputs.message`, with the given id and extra fields. */
export function worker(id: string, extra: Partial<WorkerSpec> = {}): WorkerSpec {
  return {
    id,
    role: `The ${id}`,
    model: { provider: 'openai', name: 'worker-model' },
    inputs: [{ from: 'inputs.message' }],
    outputs: { name: `${id}-output`, format: 'text' },
    ...extra,
  };
}

/** Compiles the minimal spec after `change`. */
export function compileChanged(change: (spec: LoopSpec) => void): LoopProgram {
  const spec = minimalSpec();
  change(spec);
  return compileSpec(spec);
}

/** The problems compiling `spec` throws (fails when it compiles). */
export function problemsOf(spec: LoopSpec): readonly SpecProblem[] {
  try {
    compileSpec(spec);
  } catch (error) {
    if (error instanceof SpecCompileError) return error.problems;
    throw error;
  }
  throw new Error('Expected a SpecCompileError.');
}

/** The problems compiling the minimal spec after `change` throws. */
export function problemsAfter(change: (spec: LoopSpec) => void): readonly SpecProblem[] {
  const spec = minimalSpec();
  change(spec);
  return problemsOf(spec);
}

/** Three workers: `drafter`, `editor` (after `drafter`) and `checker`. */
export function threeWorkers(spec: LoopSpec): void {
  spec.workers = [worker('drafter'), worker('editor', { depends_on: ['drafter'] }), worker('checker')];
}
