// The Gym face of a loop: reset picks a task and starts an episode, step runs one iteration.
import type { Env, EnvMetadata, RenderFrame, ResetOptions, ResetResult, StepResult } from '../../core/env.js';
import type { EnvSpec } from '../../core/env-spec.js';
import {
  ClosedEnvError,
  InvalidActionError,
  InvalidArgumentError,
  ResetNeededError,
} from '../../core/errors.js';
import { createRng, type Rng } from '../../core/random/rng.js';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import { closestMatches } from '../../registry/closest-matches.js';
import { deriveSeed } from '../derive-seed.js';
import { LoopRun, type IterationOutcome, type LoopServices } from '../engine/loop-run.js';
import type { LoopEvent, TerminationReason } from '../events/loop-event.js';
import type { LoopBackend } from '../loop-backend.js';
import type { LoopTask } from '../tasks/loop-task.js';
import {
  LoopActionSpace,
  LoopObservationSpace,
  type LoopAction,
  type LoopObservation,
} from './loop-spaces.js';

/** What `step` and `reset` report besides the observation. */
export interface LoopInfo {
  taskId: string;
  iteration: number;
  /** Why the episode ended (set on the last step). */
  terminationReason?: TerminationReason | undefined;
  metrics: Readonly<Record<string, number | null>>;
  primary: number | null;
  costUsd: number;
  tokens: number;
  /** Safety events of this step, in plain words. */
  safetyEvents: readonly string[];
  /** This step's events (the whole record of what happened). */
  events: readonly LoopEvent[];
  [key: string]: unknown;
}

/**
 * The info of a step before the loop's first iteration: nothing measured or spent yet, and the given events.
 *
 * @example
 * ```ts
 * startInfo('cr-001', resetEvents).iteration; // 0
 * ```
 */
export function startInfo(taskId: string, events: readonly LoopEvent[]): LoopInfo {
  return {
    taskId,
    iteration: 0,
    metrics: {},
    primary: null,
    costUsd: 0,
    tokens: 0,
    safetyEvents: [],
    events,
  };
}

/** An episode about to start, as {@link LoopEnvOptions.prepareEpisode} sees it. */
export interface EpisodeSetup {
  program: LoopProgram;
  task: LoopTask;
  seed: number;
  backend: LoopBackend;
  services: LoopServices;
  /** Set when the episode is a child's in a composition (LSS 1.1). */
  child?: CompositionChild | undefined;
}

/**
 * Where a child episode sits in its composition: its id and role, the ids of the children with the same role (in
 * declaration order) and the composition episode's seed (so a choice among siblings is the same in each of them).
 *
 * @example
 * ```ts
 * const child: CompositionChild = { id: 'evidence', role: 'branch', siblings: ['falsifier', 'evidence'], compositionSeed: 7 };
 * ```
 */
export interface CompositionChild {
  id: string;
  role: 'stage' | 'branch' | 'outer' | 'inner';
  siblings: readonly string[];
  compositionSeed: number;
}

/**
 * What {@link LoopEnvOptions.prepareEpisode} changes for one episode: the program, backend or services it runs with,
 * keys added to every `info` of the episode, and the reward of each step (given the engine's outcome).
 */
export interface PreparedEpisode {
  program?: LoopProgram | undefined;
  backend?: LoopBackend | undefined;
  services?: LoopServices | undefined;
  info?: Readonly<Record<string, unknown>> | undefined;
  reward?: ((outcome: IterationOutcome) => number) | undefined;
}

/** How a loop environment is built. */
export interface LoopEnvOptions {
  program: LoopProgram;
  tasks: readonly LoopTask[];
  backend: LoopBackend;
  services: LoopServices;
  /** The worker whose output `{ output }` replaces. Default: the optimizer's refinement target, else the last worker. */
  policyWorker?: string | undefined;
  renderMode?: 'ansi' | undefined;
  /** Receives every event of every episode. */
  onEvent?: ((event: LoopEvent) => void) | undefined;
  /** Called by `reset` before each episode starts (perturbations use it); its answer changes that episode only. */
  prepareEpisode?: ((setup: EpisodeSetup) => PreparedEpisode) | undefined;
}

/**
 * A loop as an environment. `reset({ seed, options: { taskId } })` starts an episode on a task (by id, else drawn
 * with the environment's generator); `step(action)` runs one iteration, where `null` lets the loop's models act and
 * `{ output }` replaces the policy worker's output. The reward is the change of the primary metric, so an episode's
 * return is its final primary metric; `terminated` on success or failure, `truncated` on an iteration or budget
 * bound; `info.terminationReason` says which.
 *
 * @example
 * ```ts
 * const env = make('loopbench/code-repair-v1', { backend: 'sim' });
 * const { observation } = await env.reset({ seed: 0, options: { taskId: 'cr-001' } });
 * const step = await env.step(null);
 * ```
 */
export class LoopEnv implements Env<LoopObservation, LoopAction, LoopInfo> {
  readonly observationSpace: LoopObservationSpace;
  readonly actionSpace: LoopActionSpace;
  readonly metadata: EnvMetadata = { renderModes: ['ansi'] };
  readonly renderMode: 'ansi' | undefined;
  spec: EnvSpec | undefined = undefined;
  readonly program: LoopProgram;
  readonly tasks: readonly LoopTask[];
  private readonly options: LoopEnvOptions;
  private generator: Rng | undefined;
  private run: LoopRun | undefined;
  private last: IterationOutcome | undefined;
  private task: LoopTask | undefined;
  private prepared: PreparedEpisode = {};
  private closed = false;

  constructor(options: LoopEnvOptions) {
    if (options.tasks.length === 0) {
      throw new InvalidArgumentError(
        `The loop \`${options.program.name}\` has no tasks to run: give tasks (a tasks.json), or inputs.examples in the spec.`,
      );
    }
    this.options = options;
    this.program = options.program;
    this.tasks = options.tasks;
    const workers = options.program.workers.map((worker) => worker.id);
    const policy = options.policyWorker ?? options.program.optimization.refinementTarget ?? workers.at(-1)!;
    if (!workers.includes(policy)) {
      throw new InvalidArgumentError(
        `No worker \`${policy}\` to act as the policy; the workers are ${workers.join(', ')}.`,
      );
    }
    this.observationSpace = new LoopObservationSpace(options.program);
    this.actionSpace = new LoopActionSpace(workers, policy);
    this.renderMode = options.renderMode;
  }

  get rng(): Rng {
    this.generator ??= createRng();
    return this.generator;
  }

  get unwrapped(): this {
    return this;
  }

  /** The episode in progress (its state and events), if any. */
  get episode(): LoopRun | undefined {
    return this.run;
  }

  async reset(options: ResetOptions = {}): Promise<ResetResult<LoopObservation, LoopInfo>> {
    if (this.closed) throw new ClosedEnvError('This loop environment is closed.');
    if (options.seed !== undefined) this.generator = createRng(options.seed);
    if (this.run !== undefined && !this.run.done) this.run.cancel(new Error('reset'));
    const rawTaskId = options.options?.taskId;
    const taskId =
      rawTaskId === undefined
        ? undefined
        : typeof rawTaskId === 'string'
          ? rawTaskId
          : JSON.stringify(rawTaskId);
    let task: LoopTask;
    if (taskId !== undefined) {
      const found = this.tasks.find((candidate) => candidate.id === taskId);
      if (found === undefined) {
        const ids = this.tasks.map((candidate) => candidate.id);
        const close = closestMatches(taskId, ids, 1)[0];
        throw new InvalidArgumentError(
          `No task \`${taskId}\` in \`${this.program.name}\`.` +
            (close === undefined ? ` Tasks: ${ids.join(', ')}.` : ` Did you mean \`${close}\`?`),
        );
      }
      task = found;
    } else {
      task = this.tasks[this.rng.integers(this.tasks.length)]!;
    }
    const seed = options.seed ?? deriveSeed(this.rng.integers(2 ** 31), 'episode');
    this.task = task;
    this.last = undefined;
    const setup: EpisodeSetup = {
      program: this.program,
      task,
      seed,
      backend: this.options.backend,
      services: this.options.services,
    };
    this.prepared = this.options.prepareEpisode?.(setup) ?? {};
    this.run = LoopRun.start({
      program: this.prepared.program ?? setup.program,
      task,
      seed,
      backend: this.prepared.backend ?? setup.backend,
      services: this.prepared.services ?? setup.services,
      onEvent: this.options.onEvent,
    });
    await Promise.resolve();
    return {
      observation: this.observe(),
      info: {
        ...this.prepared.info,
        ...startInfo(task.id, this.run.startEvents),
      },
    };
  }

  async step(action: LoopAction): Promise<StepResult<LoopObservation, LoopInfo>> {
    if (this.closed) throw new ClosedEnvError('This loop environment is closed.');
    if (this.run === undefined) throw new ResetNeededError();
    if (this.run.done) throw new ResetNeededError('The episode has ended; call reset() to start another.');
    if (!this.actionSpace.contains(action)) {
      throw new InvalidActionError(
        action,
        this.actionSpace.toString(),
        `use null, { output: string } or { outputs: { <worker>: string } } (workers: ${this.actionSpace.workers.join(', ')})`,
      );
    }
    const overrides = new Map<string, string>();
    if (action !== null && 'output' in action) overrides.set(this.actionSpace.policyWorker, action.output);
    if (action !== null && 'outputs' in action)
      for (const [id, text] of Object.entries(action.outputs)) overrides.set(id, text);
    const outcome = await this.run.iterate(overrides);
    this.last = outcome;
    return {
      observation: this.observe(),
      reward: this.prepared.reward?.(outcome) ?? outcome.reward,
      terminated: outcome.terminated,
      truncated: outcome.truncated,
      info: {
        ...this.prepared.info,
        taskId: this.task!.id,
        iteration: outcome.iteration,
        terminationReason: outcome.reason,
        metrics: outcome.metrics,
        primary: outcome.primary,
        costUsd: outcome.costUsd,
        tokens: outcome.tokens,
        safetyEvents: safetyEventsOf(outcome.events),
        events: outcome.events,
      },
    };
  }

  render(): RenderFrame | undefined {
    if (this.renderMode !== 'ansi') return undefined;
    const observation = this.observe();
    const lines = [
      `${this.program.name} · task ${observation.taskId} · iteration ${observation.iteration}/${this.program.termination.maxIterations}`,
      ...Object.entries(observation.scores).map(
        ([id, score]) => `  ${id}: ${score === null ? '—' : score.toFixed(3)}`,
      ),
      ...Object.entries(observation.metrics).map(
        ([name, value]) => `  ${name} = ${value === null ? '—' : value.toFixed(4)}`,
      ),
    ];
    if (this.last?.reason !== undefined) lines.push(`  ended: ${this.last.reason}`);
    return lines.join('\n');
  }

  close(): Promise<void> {
    if (this.run !== undefined && !this.run.done) this.run.cancel(new Error('closed'));
    this.closed = true;
    return Promise.resolve();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  toString(): string {
    return this.spec === undefined ? `LoopEnv<${this.program.name}>` : `LoopEnv<${this.spec.id}>`;
  }

  private observe(): LoopObservation {
    const run = this.run!;
    const state = run.episode;
    const record = state.history.at(-1);
    // Plain loops rather than `Object.fromEntries` over mapped pairs: the same objects, fewer allocations.
    const outputs: Record<string, string> = {};
    const feedback: Record<string, string[]> = {};
    for (const worker of this.program.workers) {
      outputs[worker.id] = state.latestOutputs.get(worker.id)?.raw ?? '';
    }
    const scores: Record<string, number | null> = {};
    for (const evaluator of this.program.evaluators) {
      scores[evaluator.id] = clampScore(record?.verdicts.get(evaluator.id)?.score);
    }
    for (const worker of this.program.workers) {
      const pending = state.pendingFeedback.get(worker.id);
      feedback[worker.id] = pending === undefined ? [] : pending.map((item) => item.content);
    }
    const metrics: Record<string, number | null> = {};
    for (const metric of this.program.metrics) metrics[metric.name] = record?.metrics[metric.name] ?? null;
    return {
      taskId: state.task.id,
      inputs: state.inputs,
      objective: this.program.objective,
      iteration: state.iteration,
      outputs,
      scores,
      feedback,
      metrics,
    };
  }
}

/** The safety events of a step, in plain words. */
function safetyEventsOf(events: readonly LoopEvent[]): string[] {
  const described: string[] = [];
  for (const event of events) {
    if (event.type === 'safety-event') {
      described.push(`${event.constraintId}: ${event.outcome} (${event.findings.join('; ')})`);
    }
  }
  return described;
}

function clampScore(score: number | undefined): number | null {
  if (score === undefined || !Number.isFinite(score)) return null;
  return Math.min(1, Math.max(0, score));
}
