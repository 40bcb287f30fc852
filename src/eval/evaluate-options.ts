// The options and result of `evaluate`.
import type { Agent } from '../agents/agent.js';
import type { Trajectory } from '../agents/llm/trajectory.js';
import type { Env, Info } from '../core/env.js';
import type { RunStore } from '../store/run-store.js';
import type { EpisodeOutcome } from './episode-outcome.js';
import type { EvalProgress } from './eval-progress.js';
import type { EvalSummary } from './eval-summary.js';

/** Where an agent or environment will be used: the concurrency slot (0-based) and, for agents, its environment. */
export interface EvalSlot<Obs = unknown, Act = unknown, I = Info> {
  index: number;
  env: Env<Obs, Act, I>;
}

/** Makes the environment of a concurrency slot (called again when a slot is rebuilt after a timeout). */
export type EnvFactory<Obs, Act, I> = (slot: number) => Env<Obs, Act, I> | Promise<Env<Obs, Act, I>>;

/** Makes the agent of a concurrency slot, for its environment. */
export type AgentFactory<Obs, Act, I> = (slot: EvalSlot<Obs, Act, I>) => Agent<Obs, Act, I>;

/**
 * Options of {@link evaluate}.
 *
 * @example
 * ```ts
 * const options: EvaluateOptions<number, number> = {
 *   env: 'FrozenLake-v1', envOptions: { isSlippery: false }, agent: scriptedAgent(() => 2),
 *   episodes: 100, seed: 0, concurrency: 4, store: '/tmp/runs.db',
 * };
 * ```
 */
export interface EvaluateOptions<Obs = unknown, Act = unknown, I = Info> {
  /**
   * The environment: a registered id (made once per concurrency slot with `envOptions`), a factory (called once per
   * slot), or one instance (then `concurrency` must be 1, and the caller closes it).
   */
  env: string | EnvFactory<Obs, Act, I> | Env<Obs, Act, I>;
  /** Options of `make` when `env` is an id (`{ isSlippery: false }`, `{ backend: 'sim' }`, `{ renderMode: 'ansi' }`). */
  envOptions?: Record<string, unknown> | undefined;
  /** The environment id recorded with the run (default: the id given, else the environment's `spec.id`). */
  envId?: string | undefined;
  /**
   * The agent: one instance shared by every slot, or a factory called once per slot. Share an instance only when
   * its `act` depends on nothing but the observation and the context (scripted agents); agents with episode state
   * (language-model agents) or a generator of their own (`RandomAgent`) need a factory when `concurrency` > 1
   * (a language-model agent instance is refused then).
   */
  agent: Agent<Obs, Act, I> | AgentFactory<Obs, Act, I>;
  /** The agent name recorded with the run (default: the agent's `name`). */
  agentName?: string | undefined;
  /** The model id recorded with the run (`openai:gpt-4.1-mini`), when the agent uses one. */
  model?: string | undefined;
  /** The backend recorded with the run (default: `envOptions.backend`, for loops). */
  backend?: string | undefined;
  /** Examples (seeds) to play; default 10, or the length of `seeds`. */
  episodes?: number | undefined;
  /** Explicit seeds, one per example. */
  seeds?: readonly number[] | undefined;
  /** Base seed: example i is seeded `seed + i` (default 0). */
  seed?: number | undefined;
  /** Episodes per example, all reset with its seed (for pass@k); default 1. Episodes in all: examples × this. */
  rolloutsPerExample?: number | undefined;
  /** Episodes played at the same time, each in its own slot (environment and agent); default 1. */
  concurrency?: number | undefined;
  /** Extra attempts for an episode that failed on an infrastructure error (`isInfrastructureError`); default 1. */
  maxRetries?: number | undefined;
  /** Seconds an episode attempt may take before it is stopped as a timeout (retried); default none. */
  timeout?: number | undefined;
  /** Environment steps after which an episode stops (`max-episode-steps`); default none. */
  maxEpisodeSteps?: number | undefined;
  /** Options passed to every `reset` (`{ taskId: 'cr-001' }` for a loop). */
  resetOptions?: Record<string, unknown> | undefined;
  /** Continue this run (id or unique prefix): its seeds and settings, skipping the episodes already recorded. */
  resume?: string | undefined;
  /** Stops the run: episodes in flight are aborted and not recorded, the run is marked `interrupted`. */
  signal?: AbortSignal | undefined;
  /**
   * Where episodes are recorded: an open {@link RunStore} (left open), a path (opened and closed), `undefined` for
   * the default store (`LOOPGYM_STORE`, else `.loopgym/loopgym.db`), or `false` for none (no resume then).
   */
  store?: RunStore | string | false | undefined;
  /** Called once at the start and after every recorded episode. Must not throw. */
  onProgress?: ((progress: EvalProgress) => void) | undefined;
  /** Called with every recorded episode and its whole trajectory (which the runner does not keep). */
  onEpisode?: ((outcome: EpisodeOutcome, trajectory: Trajectory<Obs, Act, I>) => void) | undefined;
  /** Extra JSON recorded in the run's config (the CLI records how to rebuild its agent for `--resume`). */
  config?: Record<string, unknown> | undefined;
  /** Seed of the bootstrap intervals (default 0). */
  bootstrapSeed?: number | undefined;
}

/**
 * What {@link evaluate} returns.
 *
 * @example
 * ```ts
 * const result: EvaluateResult = await evaluate({ env: 'Taxi-v4', agent, episodes: 20 });
 * console.log(result.runId, result.status, result.summary.return.mean);
 * ```
 */
export interface EvaluateResult {
  /** The run in the store (`undefined` with `store: false`). */
  runId: string | undefined;
  /** The store's file, when there is one. */
  storePath: string | undefined;
  /** `interrupted` when the signal stopped the run before every episode was recorded. */
  status: 'completed' | 'interrupted';
  /** Every recorded episode of the run (earlier sessions' included), by index. */
  episodes: EpisodeOutcome[];
  summary: EvalSummary;
  /** Episodes played by this session. */
  sessionEpisodes: number;
  /** Wall-clock seconds of this session. */
  elapsedSeconds: number;
}
