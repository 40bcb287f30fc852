// A composed loop (LSS 1.1 `composition`) as an environment: its children run, then its own loop integrates them.
import type { RenderFrame, ResetOptions, ResetResult, StepResult } from '../../core/env.js';
import { InvalidArgumentError, ResetNeededError } from '../../core/errors.js';
import type { CompositionPlan, LoopProgram } from '../../lss/compile/loop-program.js';
import type { LoopEvent } from '../events/loop-event.js';
import {
  LoopEnv,
  startInfo,
  type CompositionChild,
  type LoopEnvOptions,
  type LoopInfo,
} from '../gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../gym/loop-spaces.js';
import type { LoopTask } from '../tasks/loop-task.js';
import { setEpisodeInputs, type ChildEnv } from './child-episode.js';
import { wireComposition, type Wire } from './composition-wiring.js';
import { CHILDREN_INPUT, integratingProgram } from './integrating-program.js';
import { knowsWhatIsHanded } from './knows-what-is-handed.js';
import { ComposedEpisode, type CompositionInfo, type PhaseOutcome } from './composed-episode.js';

/** How a composition environment is built: as a loop environment, with a program that has a `composition`. */
export type CompositionEnvOptions = LoopEnvOptions;

/** What `step` and `reset` report: a loop's info, plus the composition's own. */
export interface CompositionStepInfo extends LoopInfo {
  composition: CompositionInfo;
}

/**
 * A composed loop as an environment. An episode runs the composition's children, then the composition's own loop:
 *
 * - `sequential`: one step per stage, each a whole child episode, adapters carrying outputs to the next stage's inputs;
 * - `parallel`: one step running every branch concurrently, then the merge (`merge.strategy`); a failed merge ends the
 *   episode (`worker_failed`);
 * - `nested`: one step per outer iteration: each inner loop runs a whole episode, adapters carry its answer to the
 *   outer loop, which then runs one iteration; until the outer loop ends.
 *
 * Then each step is one iteration of the composition's own loop, whose workers read the children's answers as
 * `inputs.children`. Actions go to that loop (children act with their own models; an action during the children's
 * steps is ignored). The reward is the own loop's (0 during the children's steps), so the return is its final primary
 * metric. `info.composition` holds each child's outcome; `info.costUsd` and `tokens` add up every loop; children's
 * events come in `info.events`, tagged (`episodeId` `<episode>/<child id>`). Child seeds derive from the episode seed.
 *
 * @example
 * ```ts
 * const env = makeLoopEnv({ spec: 'swarm.yaml' }); // a CompositionEnv
 * await env.reset({ seed: 0 });
 * const step = await env.step(null); // the branches and their merge
 * ```
 */
export class CompositionEnv extends LoopEnv {
  /** The composition's program, with its `composition` (`program` is its own loop's, with the `children` input). */
  readonly composedProgram: LoopProgram;
  private readonly plan: CompositionPlan;
  private readonly wires: readonly Wire[];
  private readonly compositionOptions: CompositionEnvOptions;
  private current: ComposedEpisode | undefined;
  /** The own loop's events not yet reported in a step's info (the `episode-end` of an early end). */
  private ownEvents: LoopEvent[] = [];

  constructor(options: CompositionEnvOptions) {
    const plan = options.program.composition;
    if (plan === undefined) {
      throw new InvalidArgumentError(
        `\`${options.program.name}\` has no composition; run it with LoopEnv (makeLoopEnv does).`,
      );
    }
    if (plan.type === 'nested' && plan.children.some((c) => c.role === 'outer' && c.program.composition)) {
      throw new InvalidArgumentError(
        `The outer loop of \`${options.program.name}\` is itself a composition; an outer loop must be a plain loop (its inner loops may be compositions).`,
      );
    }
    const wires = wireComposition(options.program);
    super({
      ...options,
      // The own loop's workers know what the children handed them (see knowsWhatIsHanded).
      backend: knowsWhatIsHanded(options.backend),
      program: integratingProgram(options.program),
      tasks: options.tasks.map((task) => ({ ...task, inputs: { ...task.inputs, [CHILDREN_INPUT]: {} } })),
      onEvent: (event) => {
        this.ownEvents.push(event);
        options.onEvent?.(event);
      },
    });
    this.composedProgram = options.program;
    this.plan = plan;
    this.wires = wires;
    this.compositionOptions = options;
  }

  override async reset(
    options: ResetOptions = {},
  ): Promise<ResetResult<LoopObservation, CompositionStepInfo>> {
    await this.current?.close();
    this.current = undefined;
    const reset = await super.reset(options);
    const run = this.episode!;
    this.current = new ComposedEpisode({
      program: this.composedProgram,
      plan: this.plan,
      wires: this.wires,
      task: run.episode.task,
      seed: run.episode.seed,
      episodeId: run.episode.episodeId,
      createChild: (program, childTask, where) => this.childEnv(program, childTask, where),
      setOwnInputs: (values) => setEpisodeInputs(run, values),
    });
    return { observation: reset.observation, info: { ...reset.info, composition: this.current.info() } };
  }

  override async step(action: LoopAction): Promise<StepResult<LoopObservation, CompositionStepInfo>> {
    const episode = this.current;
    if (episode === undefined) throw new ResetNeededError();
    if (episode.done) throw new ResetNeededError('The episode has ended; call reset() to start another.');
    this.ownEvents = [];
    if (episode.phase === 'children') {
      if (action !== null && !this.actionSpace.contains(action)) return super.step(action) as never;
      const outcome = await episode.stepChildren();
      for (const event of outcome.events) this.compositionOptions.onEvent?.(event);
      return this.childrenStep(outcome);
    }
    const step = await super.step(action);
    return this.finish(episode, step, step.info.events);
  }

  override render(): RenderFrame | undefined {
    if (this.renderMode !== 'ansi') return undefined;
    const info = this.current?.info();
    const children = Object.entries(info?.children ?? {}).map(
      ([id, child]) => `  ${id}: ${child.reason ?? 'running'} (primary ${child.primary?.toFixed(3) ?? '—'})`,
    );
    const own = super.render();
    return [
      `${this.plan.type} composition · phase ${info?.phase ?? '—'}`,
      ...children,
      ...(typeof own === 'string' ? [own] : []),
    ].join('\n');
  }

  override async close(): Promise<void> {
    await this.current?.close();
    await super.close();
  }

  override toString(): string {
    return this.spec === undefined
      ? `CompositionEnv<${this.composedProgram.name}>`
      : `CompositionEnv<${this.spec.id}>`;
  }

  private childEnv(program: LoopProgram, task: LoopTask, where: CompositionChild): ChildEnv {
    const prepare = this.compositionOptions.prepareEpisode;
    const options: LoopEnvOptions = {
      program,
      tasks: [task],
      backend: this.compositionOptions.backend,
      services: this.compositionOptions.services,
      // Perturbations learn where the child sits (branch_timeout acts on branches).
      prepareEpisode: prepare === undefined ? undefined : (setup) => prepare({ ...setup, child: where }),
    };
    return program.composition === undefined ? new LoopEnv(options) : new CompositionEnv(options);
  }

  private childrenStep(outcome: PhaseOutcome): StepResult<LoopObservation, CompositionStepInfo> {
    const run = this.episode!;
    const observation = this.childrenObservation();
    const base = startInfo(run.episode.task.id, outcome.events);
    if (outcome.end === undefined) {
      return {
        observation,
        reward: 0,
        terminated: false,
        truncated: false,
        info: this.withTotals(base, outcome.events),
      };
    }
    run.end(outcome.end);
    return this.finish(
      this.current!,
      {
        observation,
        reward: 0,
        terminated: true,
        truncated: false,
        info: { ...base, terminationReason: outcome.end },
      },
      [...outcome.events, ...this.ownEvents],
    );
  }

  private finish(
    episode: ComposedEpisode,
    step: StepResult<LoopObservation, LoopInfo>,
    events: readonly LoopEvent[],
  ): StepResult<LoopObservation, CompositionStepInfo> {
    const info = this.withTotals({ ...step.info, events }, events);
    const terminated = step.terminated;
    let truncated = step.truncated;
    const limit = this.program.cost;
    if (!terminated && !truncated && limit.onExceed.action === 'halt' && info.costUsd > limit.cumulativeUsd) {
      // The composition's cumulative limit covers its children too.
      const mark = this.ownEvents.length;
      this.episode?.end('cost_exceeded');
      info.events = [...events, ...this.ownEvents.slice(mark)];
      truncated = true;
      info.terminationReason = 'cost_exceeded';
    }
    if (terminated || truncated) episode.markDone(info.terminationReason);
    return { ...step, terminated, truncated, info: { ...info, composition: episode.info() } };
  }

  private withTotals(info: LoopInfo, events: readonly LoopEvent[]): CompositionStepInfo {
    const totals = this.current!.totals();
    return {
      ...info,
      costUsd: info.costUsd + totals.costUsd,
      tokens: info.tokens + totals.tokens,
      safetyEvents: safetyEventsOf(events),
      composition: this.current!.info(),
    };
  }

  /** The own loop's observation before its first iteration (while the children run). */
  private childrenObservation(): LoopObservation {
    const program = this.program;
    const state = this.episode!.episode;
    return {
      taskId: state.task.id,
      inputs: { ...state.inputs },
      objective: program.objective,
      iteration: 0,
      outputs: Object.fromEntries(program.workers.map((worker) => [worker.id, ''])),
      scores: Object.fromEntries(program.evaluators.map((evaluator) => [evaluator.id, null])),
      feedback: Object.fromEntries(program.workers.map((worker) => [worker.id, []])),
      metrics: Object.fromEntries(program.metrics.map((metric) => [metric.name, null])),
    };
  }
}

/** The safety events of a step, in plain words. */
function safetyEventsOf(events: readonly LoopEvent[]): string[] {
  return events.flatMap((event) =>
    event.type === 'safety-event'
      ? [`${event.constraintId}: ${event.outcome} (${event.findings.join('; ')})`]
      : [],
  );
}
