import type { Info } from '../core/env.js';

/** What an agent sees besides the observation when it acts. */
export interface ActContext<I = Info> {
  /** The info of the last reset or step. */
  info: I;
  /** Steps taken in this episode so far. */
  step: number;
}

/**
 * Something that picks actions: a policy, a learner, a language model. `act` may be async (model calls).
 *
 * @example
 * ```ts
 * const alwaysLeft: Agent<unknown, number> = { name: 'left', act: () => 0 };
 * ```
 */
export interface Agent<Obs, Act, I = Info> {
  readonly name: string;
  /** Called at the start of each episode with that episode's seed, if any. */
  reset?(seed: number | undefined): void;
  act(observation: Obs, context: ActContext<I>): Act | Promise<Act>;
}
