import type { Info } from '../core/env.js';
import { createRng, type Rng } from '../core/random/rng.js';
import type { Space } from '../core/space.js';
import type { ActContext, Agent } from './agent.js';

/** Options of {@link RandomAgent}. */
export interface RandomAgentOptions {
  /** Seed of the agent's own generator (independent of the environment's). */
  seed?: number | undefined;
  /** Sample only actions allowed by `info.action_mask` when the environment provides one (default true). */
  useActionMask?: boolean;
}

/**
 * Picks uniformly random actions from the action space with its own seeded generator, as Gymnasium's
 * `env.action_space.sample()` after `env.action_space.seed(seed)`. Honours `info.action_mask` (Taxi) by default.
 *
 * @example
 * ```ts
 * const agent = new RandomAgent(env.actionSpace, { seed: 0 });
 * const action = agent.act(observation, { info, step: 0 });
 * ```
 */
export class RandomAgent<Obs, Act, I = Info> implements Agent<Obs, Act, I> {
  readonly name = 'random';
  readonly rng: Rng;
  private readonly space: Space<Act, unknown>;
  private readonly useActionMask: boolean;

  constructor(actionSpace: Space<Act, unknown>, options: RandomAgentOptions = {}) {
    this.space = actionSpace;
    this.rng = createRng(options.seed);
    this.useActionMask = options.useActionMask ?? true;
  }

  act(_observation: Obs, context: ActContext<I>): Act {
    const mask = this.useActionMask
      ? (context.info as { action_mask?: unknown } | undefined)?.action_mask
      : undefined;
    if (mask !== undefined && ArrayBuffer.isView(mask)) return this.space.sample(this.rng, mask);
    return this.space.sample(this.rng);
  }
}
