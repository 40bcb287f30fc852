// One concurrency slot of an evaluation: its environment and agent, and how it plays one attempt of an episode.
import type { Agent } from '../agents/agent.js';
import { isDecidingAgent } from '../agents/llm/create-llm-agent.js';
import { rollout } from '../agents/llm/rollout.js';
import type { Trajectory } from '../agents/llm/trajectory.js';
import { InvalidArgumentError } from '../core/errors.js';
import type { Env, Info } from '../core/env.js';
import { make } from '../registry/make.js';
import type { EvaluateOptions } from './evaluate-options.js';
import { EpisodeTimeoutError } from './infrastructure-error.js';

/** How slots get their environments and agents. */
export interface SlotSource<Obs, Act, I> {
  makeEnv(slot: number): Promise<Env<Obs, Act, I>>;
  makeAgent(slot: number, env: Env<Obs, Act, I>): Agent<Obs, Act, I>;
  /** Whether the evaluation made the environments (and so closes them). */
  ownsEnvs: boolean;
  /** Whether a slot can get a fresh environment and agent (after an attempt that did not stop in time). */
  canRebuild: boolean;
}

function isEnv<Obs, Act, I>(value: EvaluateOptions<Obs, Act, I>['env']): value is Env<Obs, Act, I> {
  return typeof value === 'object' && value !== null && typeof value.step === 'function';
}

/**
 * Where the slots of an evaluation get their environments and agents, checking that what is shared can be.
 *
 * @example
 * ```ts
 * const source = slotSourceOf({ env: 'FrozenLake-v1', agent: scriptedAgent(() => 0) }, 4);
 * ```
 */
export function slotSourceOf<Obs, Act, I>(
  options: EvaluateOptions<Obs, Act, I>,
  concurrency: number,
): SlotSource<Obs, Act, I> {
  const { env, agent } = options;
  const agentFactory = typeof agent === 'function' ? agent : undefined;
  if (typeof agent !== 'function' && concurrency > 1 && isDecidingAgent(agent)) {
    throw new InvalidArgumentError(
      `The agent \`${agent.name}\` keeps the state of its episode, so ${concurrency} concurrent episodes cannot ` +
        'share it: pass a factory, e.g. `agent: () => createLlmAgent({ model })`, or use concurrency 1.',
    );
  }
  const makeAgent = (slot: number, slotEnv: Env<Obs, Act, I>): Agent<Obs, Act, I> =>
    agentFactory === undefined ? (agent as Agent<Obs, Act, I>) : agentFactory({ index: slot, env: slotEnv });
  if (isEnv(env)) {
    if (concurrency > 1) {
      throw new InvalidArgumentError(
        `One environment instance cannot play ${concurrency} episodes at once: pass its id or a factory ` +
          '(`env: () => make(...)`) for concurrency above 1.',
      );
    }
    return { makeEnv: () => Promise.resolve(env), makeAgent, ownsEnvs: false, canRebuild: false };
  }
  const makeEnv =
    typeof env === 'string'
      ? (): Promise<Env<Obs, Act, I>> => Promise.resolve(make<Obs, Act, I>(env, options.envOptions ?? {}))
      : async (slot: number): Promise<Env<Obs, Act, I>> => env(slot);
  return { makeEnv, makeAgent, ownsEnvs: true, canRebuild: true };
}

/** What one attempt of an episode gave: a trajectory (possibly a timeout's), or nothing because the run stopped. */
export type AttemptResult<Obs, Act, I> =
  { kind: 'finished'; trajectory: Trajectory<Obs, Act, I> } | { kind: 'stopped' };

/** The settings of an attempt. */
export interface AttemptSettings {
  seed: number;
  maxEpisodeSteps: number | undefined;
  resetOptions: Record<string, unknown> | undefined;
  timeoutMs: number | undefined;
  signal: AbortSignal | undefined;
}

/** How long a stopped attempt may take to wind down before its slot gets a fresh environment. */
const WIND_DOWN_MS = 250;

/**
 * A slot: plays episodes one after the other in its environment with its agent. An attempt stopped by a timeout is
 * waited for only briefly: when it does not wind down, the slot takes a fresh environment and agent (when they come
 * from an id or factories) and the old environment is closed once the attempt ends.
 *
 * @example
 * ```ts
 * const slot = await RolloutSlot.open(0, source);
 * const result = await slot.play({ seed: 3, maxEpisodeSteps: 100, resetOptions: undefined, timeoutMs: undefined, signal });
 * ```
 */
export class RolloutSlot<Obs, Act, I = Info> {
  private constructor(
    readonly index: number,
    private readonly source: SlotSource<Obs, Act, I>,
    private env: Env<Obs, Act, I>,
    private agent: Agent<Obs, Act, I>,
  ) {}

  /** Set when the slot's environment was left to an attempt still winding down after the run stopped. */
  private retired = false;

  /** A slot with a new environment and agent. */
  static async open<Obs, Act, I>(
    index: number,
    source: SlotSource<Obs, Act, I>,
  ): Promise<RolloutSlot<Obs, Act, I>> {
    const env = await source.makeEnv(index);
    return new RolloutSlot(index, source, env, source.makeAgent(index, env));
  }

  /** The slot's environment (for its id and spaces). */
  get environment(): Env<Obs, Act, I> {
    return this.env;
  }

  async play(settings: AttemptSettings): Promise<AttemptResult<Obs, Act, I>> {
    const rolloutOptions = {
      seed: settings.seed,
      maxEpisodeSteps: settings.maxEpisodeSteps,
      resetOptions: settings.resetOptions,
    };
    if (settings.timeoutMs === undefined && settings.signal === undefined) {
      return { kind: 'finished', trajectory: await rollout(this.env, this.agent, rolloutOptions) };
    }
    if (settings.signal?.aborted === true) return { kind: 'stopped' };
    const controller = new AbortController();
    let timedOut = false;
    const stopped = new Promise<void>((resolve) =>
      controller.signal.addEventListener('abort', () => resolve(), { once: true }),
    );
    const forward = (): void => controller.abort(settings.signal?.reason);
    settings.signal?.addEventListener('abort', forward, { once: true });
    const timer =
      settings.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            controller.abort(new EpisodeTimeoutError(settings.timeoutMs!));
          }, settings.timeoutMs);
    const started = performance.now();
    const running = rollout(this.env, this.agent, { ...rolloutOptions, signal: controller.signal });
    try {
      const winner = await Promise.race([running, stopped]);
      if (winner !== undefined && winner.status !== 'aborted')
        return { kind: 'finished', trajectory: winner };
    } finally {
      clearTimeout(timer);
      settings.signal?.removeEventListener('abort', forward);
    }
    await this.windDown(running, timedOut);
    if (!timedOut) return { kind: 'stopped' };
    return {
      kind: 'finished',
      trajectory: timedOutTrajectory(settings.seed, settings.timeoutMs!, performance.now() - started),
    };
  }

  /** The name of the slot's agent. */
  get agentName(): string {
    return this.agent.name;
  }

  /** Closes the slot's environment if the evaluation made it. */
  async close(): Promise<void> {
    if (this.source.ownsEnvs && !this.retired) await this.env.close();
  }

  /**
   * Waits a little for a stopped attempt to end. When it does not, and the slot must go on (a timeout), the slot
   * takes a fresh environment and agent if it can (else it waits); when the run stopped, the slot retires.
   */
  private async windDown(running: Promise<unknown>, goOn: boolean): Promise<void> {
    const settled = running.then(
      () => true,
      () => true,
    );
    const quick = await Promise.race([settled, delay(WIND_DOWN_MS).then(() => false)]);
    if (quick) return;
    if (goOn && !this.source.canRebuild) {
      await settled;
      return;
    }
    const old = this.env;
    if (this.source.ownsEnvs) void settled.then(() => old.close()).catch(() => undefined);
    if (!goOn) {
      this.retired = true;
      return;
    }
    this.env = await this.source.makeEnv(this.index);
    this.agent = this.source.makeAgent(this.index, this.env);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The trajectory recorded for an attempt stopped by the timeout (its steps are not kept). */
function timedOutTrajectory<Obs, Act, I>(
  seed: number,
  timeoutMs: number,
  durationMs: number,
): Trajectory<Obs, Act, I> {
  const error = new EpisodeTimeoutError(timeoutMs);
  return {
    seed,
    status: 'error',
    initialObservation: undefined,
    initialInfo: undefined,
    finalObservation: undefined,
    steps: [],
    rewards: [],
    return: 0,
    environmentSteps: 0,
    modelCalls: 0,
    usage: { inputTokens: 0, outputTokens: 0 },
    costUsd: 0,
    modelLatencySeconds: 0,
    durationMs,
    error: { phase: 'agent', name: error.name, message: error.message, cause: error },
  };
}
