// One episode of a loop: iterations of workers → evaluators → metrics → termination → feedback and optimization.
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import { formatProblem } from '../../lss/spec-problem.js';
import { InvalidArgumentError, LoopGymError } from '../../core/errors.js';
import type { PriceTable } from '../../models/price-table.js';
import { CostLedger } from '../cost-ledger.js';
import { GraderCache } from '../evaluators/grader-cache.js';
import type { EvaluatorVerdict } from '../evaluators/evaluator-verdict.js';
import {
  LOOP_EVENT_VERSION,
  type LoopEvent,
  type LoopEventBody,
  type TerminationReason,
} from '../events/loop-event.js';
import type { HumanGate } from '../human-gate.js';
import type { LoopBackend } from '../loop-backend.js';
import { LoopMemory, type MemoryBackend } from '../loop-memory.js';
import type { LoopTask } from '../tasks/loop-task.js';
import type { ToolRegistry } from '../tool-registry.js';
import type { WorkerOutput } from '../worker-output.js';
import { checkTaskInputs } from './check-task-inputs.js';
import { checkTermination } from './check-termination.js';
import { computeMetrics } from './compute-metrics.js';
import { newIterationRecord, type EpisodeState, type IterationRecord } from './episode-state.js';
import { optimize } from './optimize.js';
import { routeFeedback } from './route-feedback.js';
import { runEvaluators, type EvaluatorLookup } from './run-evaluators.js';
import { runWorker, type WorkerRunContext, type WorkerRunResult } from './run-worker.js';
import { finalWorkers, workerLevels } from './worker-levels.js';
import { SafetyGuard, type SafetyDetectorLookup } from './safety-guard.js';

/** The services an episode uses besides its backend. */
export interface LoopServices {
  evaluators: EvaluatorLookup;
  safetyDetectors: SafetyDetectorLookup;
  tools: ToolRegistry;
  humanGate: HumanGate;
  priceTable: PriceTable;
  /** Shared between episodes so that repeated grading is free. */
  graderCache: GraderCache;
  memoryBackend?: MemoryBackend | undefined;
}

/** What starts an episode. */
export interface LoopRunOptions {
  program: LoopProgram;
  task: LoopTask;
  seed: number;
  backend: LoopBackend;
  services: LoopServices;
  /** Default: `<loop name>/<task id>/<seed>`. */
  episodeId?: string | undefined;
  /** Receives every event as it happens. */
  onEvent?: ((event: LoopEvent) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/** The outcome of one iteration. */
export interface IterationOutcome {
  iteration: number;
  /** The change of the primary metric (from 0 before the first iteration). */
  reward: number;
  primary: number | null;
  terminated: boolean;
  truncated: boolean;
  reason: TerminationReason | undefined;
  outputs: ReadonlyMap<string, WorkerOutput>;
  verdicts: ReadonlyMap<string, EvaluatorVerdict>;
  metrics: Readonly<Record<string, number | null>>;
  costUsd: number;
  tokens: number;
  /** This iteration's events, in order. */
  events: readonly LoopEvent[];
}

/** A run's input values do not fit the loop's `inputs.schema`. */
export class InvalidTaskInputsError extends InvalidArgumentError {}

/**
 * One episode of a compiled loop on one task. `start` checks the task's input values against `inputs.schema`
 * (defaults applied) before any worker runs; each `iterate` runs one iteration: workers by level (workers of a level
 * concurrently), evaluators in order, metrics, the termination rules, then feedback and the optimizer. Outputs given
 * for a worker replace its model (that is how an agent acts). Every event goes to `onEvent` in a deterministic order
 * (events of concurrent workers are kept together, in worker order).
 *
 * @example
 * ```ts
 * const run = await LoopRun.start({ program, task, seed: 0, backend, services });
 * let outcome;
 * do outcome = await run.iterate(); while (!outcome.terminated && !outcome.truncated);
 * ```
 */
export class LoopRun {
  private readonly state: EpisodeState;
  private readonly options: LoopRunOptions;
  private readonly controller = new AbortController();
  private sequence = 0;
  private buffer: LoopEvent[] = [];
  private previousPrimary = 0;
  private ended = false;
  /** The events `start` emitted (`episode-start`). */
  startEvents: readonly LoopEvent[] = [];

  private constructor(options: LoopRunOptions, inputs: Record<string, unknown>) {
    this.options = options;
    const { program, task, seed } = options;
    const episodeId = options.episodeId ?? `${program.name}/${task.id}/${seed}`;
    options.signal?.addEventListener('abort', () => this.controller.abort(options.signal?.reason), {
      once: true,
    });
    this.state = {
      program,
      task,
      inputs,
      episodeId,
      seed,
      iteration: 0,
      time: 0,
      instructions: new Map(program.workers.map((worker) => [worker.id, worker.role])),
      instructionHistory: new Map(),
      parameters: new Map(),
      latestOutputs: new Map(),
      pendingFeedback: new Map(),
      optimizerInbox: [],
      optimizerSteps: 0,
      history: [],
      memory: new LoopMemory(program.memory, {
        namespace: program.name,
        backend: options.services.memoryBackend,
      }),
      ledger: new CostLedger(program.cost, options.services.priceTable),
      callLog: { worker: {}, tool: {} },
      successStreaks: [],
      failureStreaks: [],
      throttled: false,
      done: undefined,
      emit: (event) => this.emit(event),
      signal: this.controller.signal,
    };
  }

  /** Checks the task's inputs and starts the episode (emits `episode-start`). */
  static start(options: LoopRunOptions): LoopRun {
    const checked = checkTaskInputs(options.program, options.task);
    if (!checked.valid) {
      throw new InvalidTaskInputsError(
        `Task \`${options.task.id}\` does not fit the inputs of \`${options.program.name}\`:\n` +
          checked.problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
      );
    }
    const run = new LoopRun(options, checked.values);
    run.emit({
      type: 'episode-start',
      version: LOOP_EVENT_VERSION,
      loopName: options.program.name,
      loopVersion: options.program.version,
      taskId: options.task.id,
      seed: options.seed,
      backend: options.backend.name,
      inputs: checked.values,
      maxIterations: options.program.termination.maxIterations,
      primaryMetric: options.program.primaryMetric,
    });
    run.startEvents = run.flush();
    return run;
  }

  /** The episode's state (read it, do not change it). */
  get episode(): Readonly<EpisodeState> {
    return this.state;
  }

  get done(): boolean {
    return this.state.done !== undefined;
  }

  /** Cancels the episode: model calls, tools and reviews in flight are aborted. */
  cancel(reason: unknown = new Error('cancelled')): void {
    this.controller.abort(reason);
  }

  /**
   * Runs one iteration. `overrides` maps worker ids to the output to use instead of calling the worker's model.
   */
  async iterate(overrides: ReadonlyMap<string, string> = new Map()): Promise<IterationOutcome> {
    const state = this.state;
    if (state.done !== undefined) {
      throw new LoopGymError('The episode has ended; start a new one.', { code: 'episode-ended' });
    }
    for (const workerId of overrides.keys()) {
      if (!state.program.workers.some((worker) => worker.id === workerId)) {
        throw new InvalidArgumentError(
          `No worker \`${workerId}\` in \`${state.program.name}\`; its workers are ${state.program.workers.map((w) => `\`${w.id}\``).join(', ')}.`,
        );
      }
    }
    const startEvent = this.sequence;
    state.iteration++;
    state.ledger.startIteration();
    state.memory.startIteration(state.iteration, state.time);
    const record = newIterationRecord(state.iteration);
    this.emit({ type: 'iteration-start', iteration: state.iteration });
    await this.runWorkers(record, overrides);
    const guard = new SafetyGuard(
      state,
      this.options.services.safetyDetectors,
      this.options.services.humanGate,
    );
    if (record.safetyHalts.length === 0) {
      await this.preOutput(record, guard);
    }
    if (record.safetyHalts.length === 0) {
      await runEvaluators({
        state,
        record,
        backend: this.options.backend,
        evaluators: this.options.services.evaluators,
        humanGate: this.options.services.humanGate,
        guard,
        cache: this.options.services.graderCache,
      });
    }
    state.time += record.latencySeconds;
    computeMetrics(state, record);
    this.emit({
      type: 'cost',
      iteration: state.iteration,
      iterationUsd: state.ledger.iterationUsd,
      cumulativeUsd: state.ledger.cumulativeUsd,
      tokens: state.ledger.tokens,
      action: undefined,
      limit: undefined,
    });
    const decision = await checkTermination(state, record, this.options.services.humanGate);
    for (const [workerId, output] of record.outputs) state.latestOutputs.set(workerId, output);
    if (decision.done === undefined && !decision.retry) {
      routeFeedback(state, record);
      await optimize(state, record, this.options.services.humanGate);
    }
    state.history.push(record);
    state.done = decision.done;
    const primary = record.primary;
    const reward = primary === null ? 0 : primary - this.previousPrimary;
    if (primary !== null) this.previousPrimary = primary;
    this.emit({
      type: 'step-end',
      iteration: state.iteration,
      reward,
      primary,
      terminated: decision.done?.terminated ?? false,
      truncated: decision.done?.truncated ?? false,
      reason: decision.done?.reason,
    });
    if (decision.done !== undefined) this.emitEnd(decision.done.reason);
    const flushed = this.flush();
    // Sequence numbers grow: when the first event is this iteration's, all are (the usual case, without a copy).
    const events =
      flushed.length === 0 || flushed[0]!.seq >= startEvent
        ? flushed
        : flushed.filter((event) => event.seq >= startEvent);
    return {
      iteration: state.iteration,
      reward,
      primary,
      terminated: decision.done?.terminated ?? false,
      truncated: decision.done?.truncated ?? false,
      reason: decision.done?.reason,
      outputs: record.outputs,
      verdicts: record.verdicts,
      metrics: record.metrics,
      costUsd: state.ledger.cumulativeUsd,
      tokens: state.ledger.tokens,
      events,
    };
  }

  /** Ends the episode early (e.g. the environment is closed mid-episode): emits `episode-end` once. */
  end(reason: TerminationReason): void {
    this.emitEnd(reason);
    this.flush();
  }

  private emitEnd(reason: TerminationReason): void {
    const state = this.state;
    if (this.ended) return;
    this.ended = true;
    state.memory.persist();
    const last = state.history.at(-1);
    this.emit({
      type: 'episode-end',
      iterations: state.iteration,
      reason,
      outcome: reason === 'success' ? 'success' : state.done?.truncated === true ? 'truncated' : 'failure',
      primary: last?.primary ?? null,
      costUsd: state.ledger.cumulativeUsd,
      tokens: state.ledger.tokens,
    });
  }

  /** What a worker runs with: the episode state it reports to, the backend, tools and a safety guard on that state. */
  private workerContext(state: EpisodeState, record: IterationRecord): WorkerRunContext {
    const { services } = this.options;
    return {
      state,
      backend: this.options.backend,
      tools: services.tools,
      guard: new SafetyGuard(state, services.safetyDetectors, services.humanGate),
      record,
      current: record.outputs,
    };
  }

  private async runWorkers(record: IterationRecord, overrides: ReadonlyMap<string, string>): Promise<void> {
    const state = this.state;
    for (const workers of workerLevels(state.program)) {
      if (record.safetyHalts.length > 0 || state.signal.aborted) break;
      if (workers.length === 1) {
        // Alone in its level: nothing to interleave, so its events go straight to the episode's stream.
        const worker = workers[0]!;
        const result = await runWorker(
          worker,
          { ...this.workerContext(state, record), solo: true },
          overrides.get(worker.id),
        );
        if (result.output !== undefined) record.outputs.set(worker.id, result.output);
        record.latencySeconds += Math.max(0, result.latencySeconds);
        continue;
      }
      const lanes = workers.map(() => [] as LoopEventBody[]);
      const results = await Promise.all(
        workers.map((worker, index) => {
          const laneState: EpisodeState = { ...state, emit: (event) => lanes[index]!.push(event) };
          return runWorker(worker, this.workerContext(laneState, record), overrides.get(worker.id));
        }),
      );
      for (const lane of lanes) for (const event of lane) this.emit(event);
      let slowest = 0;
      results.forEach((result: WorkerRunResult, index) => {
        slowest = Math.max(slowest, result.latencySeconds);
        if (result.output !== undefined) record.outputs.set(workers[index]!.id, result.output);
      });
      record.latencySeconds += slowest;
    }
  }

  /** `pre_output` constraints on the outputs that leave the loop: those of workers no other worker depends on. */
  private async preOutput(record: IterationRecord, guard: SafetyGuard): Promise<void> {
    for (const worker of finalWorkers(this.state.program)) {
      const output = record.outputs.get(worker.id);
      // Nothing to check (and no await: nothing else runs now).
      if (output === undefined || !guard.applies('pre_output', worker.id)) continue;
      const check = await guard.inspect(
        'pre_output',
        { workerId: worker.id, text: output.raw, allowedTools: [] },
        record,
      );
      if (check.verdict === 'block') record.outputs.delete(worker.id);
      else if (check.text !== undefined && check.text !== output.raw) {
        record.outputs.set(worker.id, { ...output, raw: check.text, text: check.text });
      }
      if (record.safetyHalts.length > 0) return;
    }
  }

  private emit(body: LoopEventBody): void {
    // Stamped in place (bodies are made for one event): no copy per event, same keys in the same order.
    const event = body as LoopEvent;
    event.episodeId = this.state.episodeId;
    event.seq = this.sequence++;
    event.time = this.state.time;
    this.buffer.push(event);
  }

  private flush(): LoopEvent[] {
    const events = this.buffer;
    this.buffer = [];
    for (const event of events) this.options.onEvent?.(event);
    return events;
  }
}
