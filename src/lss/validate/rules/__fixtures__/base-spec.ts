// A small valid spec for the tests of the semantic rules, built fresh on every call so each test can break it.
import type { CompositionSpec, LoopSpec, WorkerSpec } from '../../../loop-spec.js';
import type { RuleProblem } from '../spec-rule.js';

/**
 * Two workers (`researcher`, then `writer` reading its output and `memory.notes`), a rubric judge and a
 * deterministic check, feedback to the writer and to the optimizer, every kind of termination condition, two
 * metrics, a safety constraint and a cost envelope. It passes the LSS 1.0 schema and yields no problem from any
 * semantic rule.
 *
 * @example
 * ```ts
 * const spec = baseSpec();
 * spec.workers[1]!.depends_on = ['researcher', 'writer'];
 * ```
 */
export function baseSpec(): LoopSpec {
  return {
    loop_name: 'base-loop',
    version: '1.0.0',
    objective: 'Answer the query with a short, sourced brief.',
    inputs: {
      schema: {
        query: { type: 'string', description: 'The question', required: true, max_length: 200 },
        depth: { type: 'enum', description: 'How deep to dig', values: ['quick', 'deep'], default: 'quick' },
      },
      examples: [{ query: 'Why is the sky blue?', depth: 'deep' }],
    },
    memory: {
      type: 'session',
      write_policy: { allowed_writers: ['writer', 'optimizer'] },
      read_policy: { writer: ['notes'] },
    },
    workers: [
      worker('researcher', { inputs: [{ from: 'inputs.query' }, { from: 'inputs.depth' }], cost_budget_usd: 0.2 }),
      worker('writer', {
        depends_on: ['researcher'],
        inputs: [{ from: 'workers.researcher' }, { from: 'memory.notes' }],
        cost_budget_usd: 0.3,
      }),
    ],
    evaluators: [
      {
        id: 'judge',
        type: 'llm_rubric',
        runs_after: ['writer'],
        rubric: {
          dimensions: [
            { name: 'accuracy', weight: 0.6, scale: [0, 1], criteria: 'Claims are sourced' },
            { name: 'clarity', weight: 0.4, scale: [0, 1], criteria: 'Easy to read' },
          ],
          pass_threshold: 0.8,
        },
        model: { provider: 'openai', name: 'judge-model', temperature: 0 },
      },
      { id: 'lint', type: 'deterministic', runs_after: ['*'], implementation: 'evaluators.lint' },
    ],
    feedback_channels: [
      {
        id: 'judge_to_writer',
        source: 'evaluators.judge',
        destination: 'workers.writer',
        format: 'structured',
        when: 'score < pass_threshold or dimension_scores.accuracy < 0.9',
      },
      {
        id: 'judge_to_optimizer',
        source: 'evaluators.judge',
        destination: 'optimization_strategy',
        format: 'structured',
      },
    ],
    optimization_strategy: {
      type: 'prompt_refinement',
      max_steps: 5,
      config: { refinement_target: 'workers.writer', secondary_targets: ['workers.researcher'] },
    },
    termination_conditions: {
      success: [{ metric: 'quality', operator: 'gte', value: 0.8 }],
      failure: [{ type: 'max_iterations', value: 5, action: 'halt' }],
      stall: [{ metric: 'quality', window_iterations: 3, min_improvement: 0.01, action: 'halt' }],
    },
    metrics: [
      { name: 'quality', primary: true, definition: 'Rubric score', source: 'evaluators.judge', unit: 'ratio' },
      { name: 'spend', definition: 'Money spent', source: 'telemetry.cost', unit: 'usd' },
    ],
    safety_constraints: [
      { id: 'no-pii', type: 'pii_detect', scope: 'post_worker', applies_to: ['writer'], action: 'halt' },
    ],
    cost_limits: { per_iteration_usd: 0.5, cumulative_usd: 2, on_exceed: { action: 'halt' } },
  };
}

/**
 * A worker with the given id and extra fields (reading `inputs.query` unless `extra.inputs` says otherwise).
 *
 * @example
 * ```ts
 * worker('editor', { depends_on: ['writer'] });
 * ```
 */
export function worker(id: string, extra: Partial<WorkerSpec> = {}): WorkerSpec {
  return {
    id,
    role: `The ${id}`,
    model: { provider: 'openai', name: 'worker-model' },
    inputs: [{ from: 'inputs.query' }],
    outputs: { name: `${id}-output`, format: 'text' },
    ...extra,
  };
}

/**
 * The base spec after `change` (which edits it in place).
 *
 * @example
 * ```ts
 * const spec = changed((s) => (s.metrics[0]!.primary = false));
 * ```
 */
export function changed(change: (spec: LoopSpec) => void): LoopSpec {
  const spec = baseSpec();
  change(spec);
  return spec;
}

/**
 * The base spec with a valid composition block of the given type: two children and what the type needs
 * (one adapter for sequential and nested, `merge` for parallel).
 *
 * @example
 * ```ts
 * const spec = withComposition('nested');
 * spec.composition!.children[0]!.role = 'inner';
 * ```
 */
export function withComposition(type: CompositionSpec['type']): LoopSpec {
  const spec = baseSpec();
  const adapter = { from: 'children.first.outputs.writer', to: 'children.second.inputs.query' };
  spec.composition =
    type === 'sequential'
      ? {
          type,
          children: [
            { id: 'first', ref: 'first.yaml' },
            { id: 'second', ref: 'second.yaml', role: 'stage' },
          ],
          adapters: [adapter],
        }
      : type === 'parallel'
        ? {
            type,
            children: [
              { id: 'first', ref: 'first.yaml', role: 'branch' },
              { id: 'second', ref: 'second.yaml' },
            ],
            merge: { strategy: 'synthesize', min_branches_pass: 2 },
          }
        : {
            type,
            children: [
              { id: 'first', ref: 'first.yaml', role: 'inner' },
              { id: 'second', ref: 'second.yaml', role: 'outer' },
            ],
            adapters: [adapter],
          };
  return spec;
}

/**
 * The problems in a form that is easy to compare: `severity [rule] path`.
 *
 * @example
 * ```ts
 * summary(checkReachability(spec)); // ['error [reachability] workers.1.inputs.0.from']
 * ```
 */
export function summary(problems: readonly RuleProblem[]): string[] {
  return problems.map((problem) => `${problem.severity} [${problem.rule}] ${problem.path.join('.')}`);
}
