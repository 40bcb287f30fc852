// The children's part of a composed episode: stages, branches and their merge, or outer iterations over inner loops.
import { InvalidArgumentError } from '../../core/errors.js';
import type { CompositionPlan, LoopProgram } from '../../lss/compile/loop-program.js';
import { deriveSeed } from '../derive-seed.js';
import type { LoopEvent, TerminationReason } from '../events/loop-event.js';
import { LoopEnv, type CompositionChild } from '../gym/loop-env.js';
import { scopedTask } from '../tasks/scoped-task.js';
import type { LoopTask } from '../tasks/loop-task.js';
import {
  HARD_FAILURES,
  runChildEpisode,
  setEpisodeInputs,
  tagEvent,
  type ChildEnv,
  type ChildResult,
} from './child-episode.js';
import { childInputs, type Wire } from './composition-wiring.js';
import { CHILDREN_INPUT } from './integrating-program.js';
import { mergeBranches, type MergeResult } from './merge-branches.js';

type Child = CompositionPlan['children'][number];

/** One child's outcome so far. */
export interface ChildSummary {
  /** Why its (latest) episode ended; undefined while it runs. */
  reason: TerminationReason | undefined;
  passed: boolean;
  primary: number | null;
  iterations: number;
  costUsd: number;
  tokens: number;
  /** How many episodes it ran (an inner loop of a nested composition runs one per outer iteration). */
  runs: number;
}

/** What `info.composition` says. */
export interface CompositionInfo {
  type: CompositionPlan['type'];
  /** `children` while children run, `own` during the composition's own loop, `done` at the end. */
  phase: 'children' | 'own' | 'done';
  /** Children's steps so far: stages run (sequential), 1 (parallel), outer iterations (nested). */
  childSteps: number;
  children: Readonly<Record<string, ChildSummary>>;
  /** The merge of a parallel composition, once the branches have run. */
  merge: MergeResult | undefined;
  /** The share of children whose (latest) episode ended in success, once any ended. */
  childPassRate: number | null;
}

/** What a children's step did. */
export interface PhaseOutcome {
  /** The children's events, tagged, in a fixed order (branches in declaration order). */
  events: LoopEvent[];
  /** Set when the composition ends here (a child's hard failure, a failed merge). */
  end: TerminationReason | undefined;
}

/** How a {@link ComposedEpisode} is set up. */
export interface ComposedEpisodeOptions {
  program: LoopProgram;
  plan: CompositionPlan;
  wires: readonly Wire[];
  task: LoopTask;
  seed: number;
  episodeId: string;
  /** A child's environment, on the task as the child sees it (its scope), knowing where it sits. */
  createChild: (program: LoopProgram, task: LoopTask, where: CompositionChild) => ChildEnv;
  /** Gives the composition's own loop its `children` input. */
  setOwnInputs: (values: Readonly<Record<string, unknown>>) => void;
}

/**
 * The children's part of one composed episode, one step at a time (see `CompositionEnv` for the rules). Child seeds
 * are `deriveSeed(seed, 'composition', childId)`, plus the outer iteration for inner loops.
 *
 * @example
 * ```ts
 * const episode = new ComposedEpisode(options);
 * while (episode.phase === 'children') await episode.stepChildren();
 * ```
 */
export class ComposedEpisode {
  phase: CompositionInfo['phase'] = 'children';
  private readonly options: ComposedEpisodeOptions;
  private readonly summaries = new Map<string, ChildSummary>();
  private readonly latest = new Map<string, Readonly<Record<string, string>>>();
  private childSteps = 0;
  private merge: MergeResult | undefined;
  private outer: LoopEnv | undefined;
  private outerCost = { costUsd: 0, tokens: 0 };

  constructor(options: ComposedEpisodeOptions) {
    this.options = options;
  }

  get done(): boolean {
    return this.phase === 'done';
  }

  /** Runs the next children's step. */
  async stepChildren(): Promise<PhaseOutcome> {
    this.childSteps++;
    switch (this.options.plan.type) {
      case 'sequential':
        return this.stage();
      case 'parallel':
        return this.branches();
      case 'nested':
        return this.outerIteration();
    }
  }

  markDone(_reason: TerminationReason | undefined): void {
    this.phase = 'done';
  }

  /** Cost and tokens of every child so far. */
  totals(): { costUsd: number; tokens: number } {
    let costUsd = this.outerCost.costUsd;
    let tokens = this.outerCost.tokens;
    for (const [id, summary] of this.summaries) {
      if (this.outer !== undefined && id === this.outerChild().id) continue;
      costUsd += summary.costUsd;
      tokens += summary.tokens;
    }
    return { costUsd, tokens };
  }

  info(): CompositionInfo {
    const ended = [...this.summaries.values()].filter((summary) => summary.reason !== undefined);
    return {
      type: this.options.plan.type,
      phase: this.phase,
      childSteps: this.childSteps,
      // In declaration order, whichever finished first.
      children: Object.fromEntries(
        this.options.plan.children.flatMap((child) => {
          const summary = this.summaries.get(child.id);
          return summary === undefined ? [] : [[child.id, summary] as const];
        }),
      ),
      merge: this.merge,
      childPassRate:
        ended.length === 0 ? null : ended.filter((summary) => summary.passed).length / ended.length,
    };
  }

  async close(): Promise<void> {
    await this.outer?.close();
  }

  private async stage(): Promise<PhaseOutcome> {
    const children = this.options.plan.children;
    const child = children[this.childSteps - 1]!;
    const result = await this.runChild(
      child,
      deriveSeed(this.options.seed, 'composition', child.id),
      child.id,
    );
    if (result.reason !== undefined && HARD_FAILURES.has(result.reason)) {
      return { events: [...result.events], end: result.reason };
    }
    if (this.childSteps === children.length)
      this.toOwn(
        children.map((c) => c.id),
        [],
        'every stage ran',
      );
    return { events: [...result.events], end: undefined };
  }

  private async branches(): Promise<PhaseOutcome> {
    const { plan, seed } = this.options;
    const results = await Promise.all(
      plan.children.map((child) => this.runChild(child, deriveSeed(seed, 'composition', child.id), child.id)),
    );
    const merge = mergeBranches(
      results.map((result) => ({
        id: result.id,
        passed: result.passed,
        primary: result.primary,
        output: result.answer,
        finishedAt: result.finishedAt,
      })),
      plan.merge ?? {
        strategy: 'synthesize',
        minBranchesPass: undefined,
        preserveDissent: false,
        attributes: {},
      },
    );
    this.merge = merge;
    const events = results.flatMap((result) => result.events);
    if (!merge.passed) return { events, end: 'worker_failed' };
    this.toOwn(merge.selected, merge.dissent, `${merge.strategy}: ${merge.explanation}`);
    return { events, end: undefined };
  }

  private async outerIteration(): Promise<PhaseOutcome> {
    const { plan, seed, task, episodeId } = this.options;
    const round = this.childSteps;
    const events: LoopEvent[] = [];
    for (const inner of plan.children.filter((child) => child.role === 'inner')) {
      const result = await this.runChild(
        inner,
        deriveSeed(seed, 'composition', inner.id, round),
        `${inner.id}#${round}`,
      );
      events.push(...result.events);
      if (result.reason !== undefined && HARD_FAILURES.has(result.reason))
        return { events, end: result.reason };
    }
    const outerChild = this.outerChild();
    const inputs = this.inputsOf(outerChild);
    const tag = (event: LoopEvent): LoopEvent => tagEvent(event, episodeId, outerChild.id);
    if (this.outer === undefined) {
      const env = this.options.createChild(
        outerChild.program,
        scopedTask({ ...task, inputs }, outerChild.id),
        this.where(outerChild),
      );
      if (!(env instanceof LoopEnv)) throw new InvalidArgumentError('The outer loop must be a plain loop.');
      this.outer = env;
      const reset = await env.reset({
        seed: deriveSeed(seed, 'composition', outerChild.id),
        options: { taskId: task.id },
      });
      events.push(...reset.info.events.map(tag));
    } else {
      setEpisodeInputs(this.outer.episode!, inputs);
    }
    const step = await this.outer.step(null);
    events.push(...step.info.events.map(tag));
    this.latest.set(outerChild.id, step.observation.outputs);
    this.outerCost = { costUsd: step.info.costUsd, tokens: step.info.tokens };
    const reason = step.info.terminationReason;
    this.summaries.set(outerChild.id, {
      reason,
      passed: reason === 'success',
      primary: step.info.primary,
      iterations: step.info.iteration,
      costUsd: step.info.costUsd,
      tokens: step.info.tokens,
      runs: 1,
    });
    if (step.terminated || step.truncated) {
      if (reason !== undefined && HARD_FAILURES.has(reason)) return { events, end: reason };
      const ids = plan.children.map((child) => child.id);
      this.toOwn(ids, [], `the outer loop ended (${reason ?? 'done'}) after ${round} iteration(s)`);
    }
    return { events, end: undefined };
  }

  private where(child: Child): CompositionChild {
    return {
      id: child.id,
      role: child.role,
      siblings: this.options.plan.children.filter((c) => c.role === child.role).map((c) => c.id),
      compositionSeed: this.options.seed,
    };
  }

  private outerChild(): Child {
    return this.options.plan.children.find((child) => child.role === 'outer')!;
  }

  private inputsOf(child: Child): Record<string, unknown> {
    return childInputs(child, this.options.task, this.options.wires, (id) => this.latest.get(id));
  }

  private async runChild(child: Child, seed: number, tag: string): Promise<ChildResult> {
    const { task, episodeId } = this.options;
    const env = this.options.createChild(
      child.program,
      scopedTask({ ...task, inputs: this.inputsOf(child) }, child.id),
      this.where(child),
    );
    try {
      const result = await runChildEpisode(env, {
        id: child.id,
        taskId: task.id,
        seed,
        tag: (event) => tagEvent(event, episodeId, tag),
      });
      this.latest.set(child.id, result.outputs);
      const previous = this.summaries.get(child.id);
      this.summaries.set(child.id, {
        reason: result.reason,
        passed: result.passed,
        primary: result.primary,
        iterations: result.iterations,
        costUsd: (previous?.costUsd ?? 0) + result.costUsd,
        tokens: (previous?.tokens ?? 0) + result.tokens,
        runs: (previous?.runs ?? 0) + 1,
      });
      return result;
    } finally {
      await env.close();
    }
  }

  /** The children are done: the composition's own loop gets their answers. */
  private toOwn(selected: readonly string[], dissent: readonly string[], verdict: string): void {
    const answers = (ids: readonly string[]): Record<string, string> =>
      Object.fromEntries(ids.map((id) => [id, answerOf(this.latest.get(id))]));
    this.options.setOwnInputs({
      [CHILDREN_INPUT]: { answers: answers(selected), dissent: answers(dissent), verdict },
    });
    this.phase = 'own';
  }
}

function answerOf(outputs: Readonly<Record<string, string>> | undefined): string {
  if (outputs === undefined) return '';
  return outputs[Object.keys(outputs).at(-1) ?? ''] ?? '';
}
