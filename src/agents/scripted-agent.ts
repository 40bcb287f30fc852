import type { Info } from '../core/env.js';
import { createRng, type Rng } from '../core/random/rng.js';
import type { ActContext, Agent } from './agent.js';

/** What a scripted policy sees besides the observation: the act context, the episode's seed and a generator. */
export interface ScriptedContext<I = Info> extends ActContext<I> {
  /** The seed the episode was reset with, if any. */
  seed: number | undefined;
  /**
   * A generator seeded from the episode's seed (made on first use), for policies that draw: the same seed gives the
   * same draws however episodes are scheduled.
   */
  readonly rng: Rng;
}

/** A policy as a function of the observation and the context. */
export type ScriptedPolicy<Obs, Act, I = Info> = (
  observation: Obs,
  context: ScriptedContext<I>,
) => Act | Promise<Act>;

/** Options of {@link scriptedAgent}. */
export interface ScriptedAgentOptions {
  /** Default `scripted`. */
  name?: string | undefined;
}

/**
 * An agent from a function: a hand-written policy, a heuristic, a lookup table. It keeps no state between calls
 * except the episode's seed and generator, so one instance may be shared by concurrent episodes when the function
 * reads neither `context.seed` nor `context.rng` (a policy that does needs one instance per concurrency slot, e.g. an agent
 * factory `() => scriptedAgent(policy)`).
 *
 * @example
 * ```ts
 * // FrozenLake 4x4 without slipping: the shortest path to the goal, by state.
 * const plan: Record<number, number> = { 0: 1, 4: 1, 8: 2, 9: 2, 10: 1, 14: 2 };
 * const agent = scriptedAgent<number, number>((state) => plan[state] ?? 0, { name: 'lake-path' });
 * const result = await evaluate({ env: 'FrozenLake-v1', envOptions: { isSlippery: false }, agent, episodes: 10 });
 *
 * // A policy that draws: explores 10% of the time, reproducibly per episode seed.
 * const greedy = scriptedAgent<number, number>((state, { rng }) => (rng.random() < 0.1 ? rng.integers(0, 4) : plan[state] ?? 0));
 * ```
 */
export function scriptedAgent<Obs, Act, I = Info>(
  policy: ScriptedPolicy<Obs, Act, I>,
  options: ScriptedAgentOptions = {},
): Agent<Obs, Act, I> {
  let seed: number | undefined;
  let generator: Rng | undefined;
  return {
    name: options.name ?? 'scripted',
    reset(episodeSeed: number | undefined): void {
      seed = episodeSeed;
      generator = undefined;
    },
    act(observation: Obs, context: ActContext<I>): Act | Promise<Act> {
      return policy(observation, {
        info: context.info,
        step: context.step,
        seed,
        get rng(): Rng {
          generator ??= createRng(seed);
          return generator;
        },
      });
    },
  };
}
