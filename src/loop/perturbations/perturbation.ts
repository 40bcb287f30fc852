// Perturbations: seeded changes to one episode of a loop (its program, its backend's models, its services).
import type { z } from 'zod';
import type { LoopProgram } from '../../lss/compile/loop-program.js';
import type { LoopServices, IterationOutcome } from '../engine/loop-run.js';
import type { LoopBackend } from '../loop-backend.js';
import type { CompositionChild } from '../gym/loop-env.js';
import type { LoopTask } from '../tasks/loop-task.js';

/**
 * A perturbation as a user names it: `'api_latency'`, or `{ name: 'api_latency', seconds: 5 }` (the other keys are
 * its parameters).
 *
 * @example
 * ```ts
 * const perturbations: PerturbationRequest[] = ['budget_minus_one', { name: 'hitl_reject', probability: 0.5 }];
 * ```
 */
export type PerturbationRequest = string | ({ name: string } & Readonly<Record<string, unknown>>);

/**
 * One episode being perturbed: each perturbation in turn replaces the parts it changes (wrapping what the previous
 * one left), and may add a reward adjustment.
 *
 * @example
 * ```ts
 * episode.program = { ...episode.program, termination: { ...episode.program.termination, maxIterations: 4 } };
 * ```
 */
export interface PerturbedEpisode {
  program: LoopProgram;
  /** The task as the engine and graders see it (perturbations do not change it: the truth stays the truth). */
  readonly task: LoopTask;
  /** The episode's seed. */
  readonly seed: number;
  /** Where the episode sits in a composition, when it is a child's (`branch_timeout` acts on branches only). */
  readonly child: CompositionChild | undefined;
  backend: LoopBackend;
  services: LoopServices;
  /** Adjustments of the step reward, applied in order to the engine's reward (penalties). */
  rewardAdjustments: ((outcome: IterationOutcome, reward: number) => number)[];
}

/**
 * A perturbation: its name, its parameters (a zod schema with defaults) and what it does to an episode. `apply`
 * gets a seed of its own, derived from the episode seed, and returns details for `info.perturbations`.
 *
 * @example
 * ```ts
 * const noop: PerturbationDefinition<{}> = { name: 'noop', description: 'Nothing.', parameters: z.object({}), apply: () => ({}) };
 * ```
 */
export interface PerturbationDefinition<Parameters extends object = Record<string, unknown>> {
  name: string;
  /** What it does, in one sentence. */
  description: string;
  parameters: z.ZodType<Parameters>;
  apply(episode: PerturbedEpisode, parameters: Parameters, seed: number): Readonly<Record<string, unknown>>;
}

/**
 * What `info.perturbations` reports for each perturbation applied to an episode.
 *
 * @example
 * ```ts
 * // { name: 'api_latency', source: 'option', parameters: { seconds: 2, jitter: 0.5, callers: 'all' }, details: {} }
 * ```
 */
export interface AppliedPerturbation {
  name: string;
  /** `option`: asked for by `make`/`--perturb`; `task`: named by the task (`tasks.json`). */
  source: 'option' | 'task';
  /** The parameters, defaults filled in. */
  parameters: Readonly<Record<string, unknown>>;
  /** What it did in this episode (the source removed, the models swapped, …). */
  details: Readonly<Record<string, unknown>>;
}
