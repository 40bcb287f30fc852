// A LoopBench run's final answer graded by its task's oracle: the deterministic checks the task names.
import type { LoopProgram } from '../lss/compile/loop-program.js';
import { finalWorkers } from '../loop/engine/worker-levels.js';
import { createDefaultEvaluatorRegistry } from '../loop/evaluators/deterministic/create-default-evaluator-registry.js';
import { MissingTaskMaterialError } from '../loop/evaluators/deterministic/deterministic-evaluator-errors.js';
import type { DeterministicEvaluatorRegistry } from '../loop/evaluators/deterministic/deterministic-evaluator-registry.js';
import { taskEvaluatorParameters } from '../loop/evaluators/deterministic/task-evaluator-parameters.js';
import type { LoopEvent } from '../loop/events/loop-event.js';
import { parseWorkerOutput } from '../loop/parse-worker-output.js';
import type { LoopTask } from '../loop/tasks/loop-task.js';
import type { WorkerOutput } from '../loop/worker-output.js';
import type { LoopBenchTaskData } from './loopbench-task-schema.js';

/** One oracle check's verdict on a run's final answer. */
export interface OracleCheck {
  /** The check, as the task names it (`evaluators.test_pass_rate`). */
  name: string;
  score: number;
  passed: boolean;
  summary: string;
}

/** What a task's oracle says of a run's final answer. */
export interface OracleGrade {
  checks: OracleCheck[];
  /** The lowest check score: the answer is as good as its weakest check. */
  score: number;
  /** Whether every check passed. */
  passed: boolean;
}

/** Grades runs' final answers with their tasks' oracles; verdicts are kept by answer, so a repeat costs nothing. */
export class OracleGrader {
  private readonly registry: DeterministicEvaluatorRegistry;
  private readonly verdicts = new Map<string, OracleCheck>();
  /** The checks that judged at least one answer. */
  readonly applied = new Set<string>();
  /** The checks that could not judge an instance (it lacks the material they need), with why. */
  readonly unjudgeable = new Map<string, string>();

  constructor(registry: DeterministicEvaluatorRegistry = createDefaultEvaluatorRegistry()) {
    this.registry = registry;
  }

  /**
   * The deterministic checks of the task's oracle that can judge `instance` (a check that needs material the
   * instance lacks, such as a repository, cannot, and is left out).
   *
   * @example
   * ```ts
   * grader.checksFor(task); // ['evaluators.test_pass_rate'] for LB-CR-1
   * ```
   */
  checksFor(task: Pick<LoopBenchTaskData, 'oracle'>): string[] {
    return (task.oracle?.checks ?? []).filter((check) => this.registry.has(check));
  }

  /**
   * The checks of the task's oracle LoopGym cannot apply: neither a deterministic evaluator it knows nor an evaluator
   * of the environment's own spec (whose rubric checks the submitted spec's judges stand for).
   *
   * @example
   * ```ts
   * grader.unknownChecks(reactTask, ['test_runner', 'quality_rubric']); // ['evaluators.tool_pass_rate']
   * ```
   */
  unknownChecks(
    task: Pick<LoopBenchTaskData, 'oracle'>,
    environmentEvaluatorIds: readonly string[],
  ): string[] {
    return (task.oracle?.checks ?? []).filter(
      (check) =>
        !this.registry.has(check) && !environmentEvaluatorIds.includes(check.replace(/^evaluators\./, '')),
    );
  }

  /**
   * Grades the final answer of an episode (each final worker's last output) with the task's deterministic oracle
   * checks. `undefined` when the task's oracle has none that can judge the instance.
   *
   * @example
   * ```ts
   * const grade = await grader.grade(task, program, events, instance);
   * grade?.score; // 0.4 when 2 of 5 tests pass
   * ```
   */
  async grade(
    task: Pick<LoopBenchTaskData, 'oracle'>,
    program: LoopProgram,
    events: readonly LoopEvent[],
    instance: LoopTask,
  ): Promise<OracleGrade | undefined> {
    const outputs = finalOutputs(program, events);
    const checks: OracleCheck[] = [];
    for (const name of this.checksFor(task)) {
      const check = await this.check(name, outputs, instance);
      if (check !== undefined) checks.push(check);
    }
    if (checks.length === 0) return undefined;
    return {
      checks,
      score: Math.min(...checks.map((check) => check.score)),
      passed: checks.every((check) => check.passed),
    };
  }

  private async check(
    name: string,
    outputs: readonly WorkerOutput[],
    instance: LoopTask,
  ): Promise<OracleCheck | undefined> {
    const key = JSON.stringify([
      name,
      instance.id,
      instance.root,
      outputs.map((o) => [o.workerId, o.format, o.raw]),
    ]);
    const known = this.verdicts.get(key);
    if (known !== undefined) return known;
    const implementation = this.registry.get(name);
    const evaluatorId = `oracle:${name}`;
    const parameters = this.registry.resolveParameters(
      implementation,
      taskEvaluatorParameters(instance, { evaluatorId, implementation: implementation.name }),
      { evaluatorId },
    );
    try {
      const verdict = await implementation.evaluate({
        evaluatorId,
        outputs,
        task: instance,
        parameters,
        signal: new AbortController().signal,
      });
      const check = { name, score: verdict.score, passed: verdict.passed, summary: verdict.summary };
      this.verdicts.set(key, check);
      this.applied.add(name);
      return check;
    } catch (error) {
      // The check cannot judge this environment's tasks (no repository, no reference facts): it is left out.
      if (error instanceof MissingTaskMaterialError) {
        this.unjudgeable.set(name, error.message);
        return undefined;
      }
      throw error;
    }
  }
}

/** Each final worker's last output in the episode, parsed as its spec declares it (unparsable ones left out). */
function finalOutputs(program: LoopProgram, events: readonly LoopEvent[]): WorkerOutput[] {
  const outputs: WorkerOutput[] = [];
  // The loop's own events: a composition's children's are tagged `<episode id>/<child>`.
  const own = events.find((event) => event.type === 'episode-start')?.episodeId;
  for (const worker of finalWorkers(program)) {
    let raw: string | undefined;
    for (const event of events) {
      if (
        event.type === 'worker-output' &&
        event.workerId === worker.id &&
        (own === undefined || event.episodeId === own)
      )
        raw = event.raw;
    }
    if (raw === undefined) continue;
    const parsed = parseWorkerOutput(raw, {
      workerId: worker.id,
      name: worker.output.name,
      format: worker.output.format,
    });
    if (parsed.ok) outputs.push(parsed.output);
  }
  return outputs;
}
