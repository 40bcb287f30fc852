import { InvalidArgumentError } from '../../core/errors.js';
import { isSyncEnv, type Env, type ResetResult, type StepResult, type SyncEnv } from '../../core/env.js';
import type { ActContext } from '../agent.js';
import type { Learner } from './learner.js';

/** Options of {@link evaluateAgent}. */
export interface EvaluateAgentOptions {
  episodes: number;
  /** Episode i is reset with `seed + i`; omitted, unseeded. */
  seed?: number | undefined;
  /** Ends an episode after this many steps, on top of the environment's own limit. */
  maxStepsPerEpisode?: number | undefined;
}

/** What {@link evaluateAgent} measured. */
export interface EvaluationResult {
  returns: number[];
  lengths: number[];
  meanReturn: number;
  /** Share of episodes that ended with a positive final reward (success in FrozenLake and similar goal tasks). */
  successRate: number;
}

/**
 * Runs a learner greedily (`evaluate` mode: no exploration, no learning) for some episodes, then restores its mode.
 * A quick check for training scripts and tests; `runEpisodes`/`loopgym eval` do the full evaluation with records.
 * Synchronous environments are stepped without Promises.
 *
 * @example
 * ```ts
 * const { meanReturn } = await evaluateAgent(agent, makeSync('CartPole-v1'), { episodes: 100, seed: 10_000 });
 * ```
 */
export async function evaluateAgent<Obs, Act>(
  learner: Learner<Obs, Act>,
  env: Env<Obs, Act>,
  options: EvaluateAgentOptions,
): Promise<EvaluationResult> {
  if (isSyncEnv(env)) return evaluateAgentSync(learner, env, options);
  const run = evaluation(learner, options);
  try {
    for (let episode = 0; episode < options.episodes; episode++) {
      let result: ResetResult<Obs> | StepResult<Obs> = await env.reset({
        seed: run.seed(episode),
      });
      while (run.next(result)) result = await env.step(run.action(result));
    }
  } finally {
    run.finish();
  }
  return run.result();
}

/**
 * {@link evaluateAgent} on a synchronous environment, without Promises (usable inside `stopWhen`).
 *
 * @example
 * ```ts
 * const { meanReturn } = evaluateAgentSync(agent, makeSync('CartPole-v1'), { episodes: 10, seed: 0 });
 * ```
 */
export function evaluateAgentSync<Obs, Act>(
  learner: Learner<Obs, Act>,
  env: SyncEnv<Obs, Act>,
  options: EvaluateAgentOptions,
): EvaluationResult {
  const run = evaluation(learner, options);
  try {
    for (let episode = 0; episode < options.episodes; episode++) {
      let result: ResetResult<Obs> | StepResult<Obs> = env.resetSync({ seed: run.seed(episode) });
      while (run.next(result)) result = env.stepSync(run.action(result));
    }
  } finally {
    run.finish();
  }
  return run.result();
}

/** The bookkeeping shared by the sync and async evaluation loops. */
function evaluation<Obs, Act>(learner: Learner<Obs, Act>, options: EvaluateAgentOptions) {
  if (!Number.isSafeInteger(options.episodes) || options.episodes < 1) {
    throw new InvalidArgumentError(
      `evaluateAgent: episodes must be a positive integer, got ${options.episodes}.`,
    );
  }
  const maxSteps = options.maxStepsPerEpisode ?? Infinity;
  const previousMode = learner.mode;
  learner.mode = 'evaluate';
  const returns: number[] = [];
  const lengths: number[] = [];
  const context: ActContext = { info: {}, step: 0 };
  let successes = 0;
  let total = 0;
  let length = 0;
  return {
    seed(episode: number): number | undefined {
      const seed = options.seed === undefined ? undefined : options.seed + episode;
      learner.reset?.(seed);
      total = 0;
      length = 0;
      return seed;
    },
    /** Records a reset or step result; false once the episode is over. */
    next(result: ResetResult<Obs> | StepResult<Obs>): boolean {
      context.info = result.info;
      if (!('reward' in result)) return true;
      length += 1;
      total += result.reward;
      if (result.terminated || result.truncated || length >= maxSteps) {
        if (result.reward > 0) successes += 1;
        returns.push(total);
        lengths.push(length);
        return false;
      }
      return true;
    },
    action(result: ResetResult<Obs> | StepResult<Obs>): Act {
      context.step = length;
      return learner.act(result.observation, context);
    },
    finish(): void {
      learner.mode = previousMode;
    },
    result(): EvaluationResult {
      return {
        returns,
        lengths,
        meanReturn: returns.reduce((a, b) => a + b, 0) / returns.length,
        successRate: successes / returns.length,
      };
    },
  };
}
