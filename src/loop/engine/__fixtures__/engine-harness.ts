// A small spec and a harness to run it with scripted models, graders and detectors, for the engine's tests.
import { parse } from 'yaml';
import { compileSpec } from '../../../lss/compile/compile-spec.js';
import type { LoopProgram } from '../../../lss/compile/loop-program.js';
import type { LoopSpec } from '../../../lss/loop-spec.js';
import { DEFAULT_PRICE_TABLE } from '../../../models/price-table.js';
import { ScriptedLanguageModel, type ScriptedAnswer, type ScriptedCall } from '../../../testing/scripted-language-model.js';
import type { DeterministicEvaluator } from '../../evaluators/deterministic/deterministic-evaluator.js';
import { GraderCache } from '../../evaluators/grader-cache.js';
import type { LoopEvent } from '../../events/loop-event.js';
import { scriptedHumanGate, type HumanGate } from '../../human-gate.js';
import type { SafetyDetector } from '../../safety/safety-detector.js';
import { emptyTaskMaterial, type LoopTask } from '../../tasks/loop-task.js';
import { ToolRegistry, type LoopTool } from '../../tool-registry.js';
import { LoopRun, type IterationOutcome } from '../loop-run.js';

export const BASE_SPEC = `
loop_name: test-loop
version: 1.0.0
objective: Write a good draft about inputs.topic.
inputs:
  schema:
    topic: { type: string, description: Topic, required: true }
    tone: { type: enum, description: Tone, values: [plain, formal], default: plain }
memory: { type: session }
workers:
  - id: drafter
    role: Draft the text.
    model: { provider: openai, name: gpt-4.1-mini }
    inputs: [{ from: inputs.topic }]
    outputs: { name: Draft, format: text }
evaluators:
  - id: grader
    type: deterministic
    runs_after: [drafter]
    implementation: evaluators.grade
feedback_channels:
  - id: grader_to_drafter
    source: evaluators.grader
    destination: workers.drafter
    format: structured
    fields: [score, remediation_hints]
optimization_strategy:
  type: prompt_refinement
  max_steps: 5
  config: { refinement_target: workers.drafter }
termination_conditions:
  success: [{ metric: quality, operator: gte, value: 0.8 }]
  failure: [{ type: max_iterations, value: 5, action: halt }]
metrics:
  - { name: quality, primary: true, definition: The grade, source: evaluators.grader, unit: ratio }
safety_constraints: []
cost_limits: { per_iteration_usd: 10, cumulative_usd: 100, on_exceed: { action: halt } }
`;

/**
 * The base spec with changes applied to its parsed document, compiled.
 *
 * @example
 * ```ts
 * const program = testProgram((spec) => { spec.termination_conditions.success![0]!.consecutive = 2; });
 * ```
 */
export function testProgram(change: (spec: LoopSpec) => void = () => {}): LoopProgram {
  const spec = parse(BASE_SPEC) as LoopSpec;
  change(spec);
  return compileSpec(spec);
}

/** `evaluators.grade`: the number after `quality` in the output (`quality 0.6`), passing at 0.8. */
export const gradeEvaluator: DeterministicEvaluator = {
  name: 'evaluators.grade',
  description: 'Reads the quality the output claims.',
  evaluate: ({ outputs }) => {
    const text = outputs.map((output) => output.raw).join('\n');
    const score = Number(/quality\s+([\d.]+)/.exec(text)?.[1] ?? 0);
    return {
      score,
      passed: score >= 0.8,
      failureCodes: score >= 0.8 ? [] : ['low_quality'],
      remediationHints: score >= 0.8 ? [] : [`raise quality above ${score}`],
      summary: `quality ${score}`,
      dimensionScores: {},
      details: {},
    };
  },
};

/** A detector for tests: flags every occurrence of `SECRET` (spans labelled `secret`). */
export function flagWordDetector(type: SafetyDetector['type'], word = 'SECRET'): SafetyDetector {
  return {
    type,
    scopes: ['pre_worker', 'post_worker', 'pre_output', 'pre_evaluator', 'pre_memory_write'],
    inspect: ({ text, toolCall }) => {
      const haystack = text ?? JSON.stringify(toolCall ?? '');
      const spans = [...haystack.matchAll(new RegExp(word, 'g'))].map((match) => ({
        start: match.index,
        end: match.index + word.length,
        label: 'secret',
      }));
      return spans.length === 0 ? [] : [{ type, message: `found ${word}`, spans }];
    },
  };
}

export interface HarnessOptions {
  answers: ((call: ScriptedCall) => ScriptedAnswer) | readonly ScriptedAnswer[];
  task?: Partial<LoopTask>;
  evaluators?: readonly DeterministicEvaluator[];
  detectors?: readonly SafetyDetector[];
  humanGate?: HumanGate;
  tools?: readonly LoopTool[];
  seed?: number;
  overrides?: (iteration: number) => ReadonlyMap<string, string> | undefined;
}

export interface HarnessResult {
  events: LoopEvent[];
  outcomes: IterationOutcome[];
  model: ScriptedLanguageModel;
  run: LoopRun;
}

/**
 * Runs a program to the end with a scripted model for every binding, and returns every event and outcome.
 *
 * @example
 * ```ts
 * const { outcomes } = await runTestLoop(testProgram(), { answers: ['quality 0.5', 'quality 0.9'] });
 * ```
 */
export async function runTestLoop(program: LoopProgram, options: HarnessOptions): Promise<HarnessResult> {
  const model = new ScriptedLanguageModel(options.answers, { provider: 'openai', modelName: 'gpt-4.1-mini' });
  const evaluators = new Map([gradeEvaluator, ...(options.evaluators ?? [])].map((e) => [e.name, e]));
  const detectors = new Map((options.detectors ?? []).map((d) => [d.type, d]));
  const events: LoopEvent[] = [];
  const run = LoopRun.start({
    program,
    task: { id: 't1', inputs: { topic: 'tides' }, material: emptyTaskMaterial(), root: undefined, ...options.task },
    seed: options.seed ?? 0,
    backend: { name: 'scripted', model: () => model },
    services: {
      evaluators: {
        get: (name) => {
          const evaluator = evaluators.get(name);
          if (evaluator === undefined) throw new Error(`no evaluator ${name}`);
          return evaluator;
        },
      },
      safetyDetectors: { get: (type) => detectors.get(type) },
      tools: new ToolRegistry(options.tools ?? []),
      humanGate: options.humanGate ?? scriptedHumanGate([]),
      priceTable: DEFAULT_PRICE_TABLE,
      graderCache: new GraderCache(),
    },
    onEvent: (event) => events.push(event),
  });
  const outcomes: IterationOutcome[] = [];
  while (!run.done) outcomes.push(await run.iterate(options.overrides?.(outcomes.length + 1)));
  return { events, outcomes, model, run };
}

/** The events of one type, typed. */
export function eventsOf<T extends LoopEvent['type']>(events: readonly LoopEvent[], type: T): Extract<LoopEvent, { type: T }>[] {
  return events.filter((event): event is Extract<LoopEvent, { type: T }> => event.type === type);
}
