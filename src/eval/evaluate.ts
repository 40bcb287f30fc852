// The evaluation runner: many episodes of an agent, concurrently, retried on infrastructure errors, each recorded.
import { InvalidArgumentError } from '../core/errors.js';
import type { Info } from '../core/env.js';
import { openRunStore, type RunStore } from '../store/run-store.js';
import { toEpisodeOutcome, type EpisodeOutcome } from './episode-outcome.js';
import { episodeAt, planEpisodes, type EpisodePlan } from './episode-plan.js';
import { toEpisodeRecord } from './episode-record.js';
import { ProgressTracker } from './eval-progress.js';
import { summarizeEvaluation } from './eval-summary.js';
import type { EvaluateOptions, EvaluateResult } from './evaluate-options.js';
import { isInfrastructureError } from './infrastructure-error.js';
import { RolloutSlot, slotSourceOf, type AttemptSettings } from './rollout-slot.js';
import { jsonData, readResumableRun, type EvalRunSettings } from './stored-eval-run.js';

/** How long the runner may keep the event loop to itself. */
const YIELD_EVERY_MS = 20;

function checkWhole(name: string, value: number, minimum: number): number {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new InvalidArgumentError(`${name} must be a whole number ≥ ${minimum}, got ${value}.`);
  }
  return value;
}

/**
 * Evaluates an agent in an environment: plays every planned episode (seeds × rollouts per example) with up to
 * `concurrency` episodes at once, each in its own slot, so a slow environment or model holds up only its own
 * episode. An episode that fails on an infrastructure error (a model call the facade gave up on, a timeout) is
 * tried again up to `maxRetries` times; any other failure (the environment's logic threw, an invalid answer) is
 * that episode's result and the run goes on. Each episode is written to the store as it finishes, in one
 * transaction; only compact outcomes stay in memory. `resume` continues a run without repeating or losing an
 * episode; `signal` stops it, keeping what finished (status `interrupted`).
 *
 * @example
 * ```ts
 * const result = await evaluate({
 *   env: 'FrozenLake-v1',
 *   envOptions: { renderMode: 'ansi' },
 *   agent: ({ env }) => createLlmAgent({ model: createModel('openai:gpt-4.1-mini'), parser: 'xml' }),
 *   episodes: 50,
 *   seed: 0,
 *   concurrency: 8,
 *   timeout: 120,
 * });
 * console.log(result.runId, result.summary.successRate, result.summary.return.meanInterval);
 * ```
 */
export async function evaluate<Obs = unknown, Act = unknown, I = Info>(
  options: EvaluateOptions<Obs, Act, I>,
): Promise<EvaluateResult> {
  const concurrency = checkWhole('concurrency', options.concurrency ?? 1, 1);
  const maxRetries = checkWhole('maxRetries', options.maxRetries ?? 1, 0);
  if (options.timeout !== undefined && !(options.timeout > 0)) {
    throw new InvalidArgumentError(`timeout is in seconds and must be above 0, got ${options.timeout}.`);
  }
  if (options.maxEpisodeSteps !== undefined) checkWhole('maxEpisodeSteps', options.maxEpisodeSteps, 1);
  if (options.resume !== undefined && options.store === false) {
    throw new InvalidArgumentError(
      'resume needs the store the run was recorded in; do not pass store: false.',
    );
  }
  const source = slotSourceOf(options, concurrency);
  const store: RunStore | undefined =
    options.store === false
      ? undefined
      : typeof options.store === 'object'
        ? options.store
        : openRunStore(options.store);
  const ownsStore = store !== undefined && typeof options.store !== 'object';
  try {
    return await runEvaluation(options, { concurrency, maxRetries, source, store });
  } finally {
    if (ownsStore) store.close();
  }
}

interface Resources<Obs, Act, I> {
  concurrency: number;
  maxRetries: number;
  source: ReturnType<typeof slotSourceOf<Obs, Act, I>>;
  store: RunStore | undefined;
}

async function runEvaluation<Obs, Act, I>(
  options: EvaluateOptions<Obs, Act, I>,
  { concurrency, maxRetries, source, store }: Resources<Obs, Act, I>,
): Promise<EvaluateResult> {
  const started = performance.now();
  let plan: EpisodePlan;
  let settings: EvalRunSettings;
  let finished: EpisodeOutcome[] = [];
  let resumedRunId: string | undefined;
  if (options.resume !== undefined) {
    const resumable = readResumableRun(store!, options.resume, options);
    ({ plan, settings, finished } = resumable);
    resumedRunId = resumable.run.id;
    store!.resumeRun(resumedRunId);
  } else {
    plan = planEpisodes(options);
    settings = {
      rolloutsPerExample: plan.rolloutsPerExample,
      maxEpisodeSteps: options.maxEpisodeSteps ?? null,
      resetOptions: options.resetOptions ?? null,
    };
  }
  const done = new Set(finished.map((outcome) => outcome.index));
  const pending: number[] = [];
  for (let index = 0; index < plan.total; index++) if (!done.has(index)) pending.push(index);
  const slots: RolloutSlot<Obs, Act, I>[] = [];
  const tracker = new ProgressTracker(plan.total, finished.length);
  for (const outcome of finished) tracker.add(outcome, true);
  const outcomes = finished;
  let runId = resumedRunId;
  let sessionEpisodes = 0;
  let inFlight = 0;
  let failure: { error: unknown } | undefined;
  try {
    // The first slot is opened before the run is recorded: a wrong id or option fails without leaving a run behind.
    if (pending.length > 0 || runId === undefined) slots.push(await RolloutSlot.open(0, source));
    const envId =
      options.envId ??
      (typeof options.env === 'string' ? options.env : undefined) ??
      slots[0]?.environment.spec?.id ??
      'custom';
    runId ??= store?.startRun({
      kind: 'eval',
      envId,
      agent: options.agentName ?? agentNameOf(options, slots[0]),
      model: options.model,
      backend:
        options.backend ??
        (typeof options.envOptions?.['backend'] === 'string' ? options.envOptions['backend'] : undefined),
      seeds: plan.seeds,
      config: {
        ...jsonDataOf(options.config),
        episodes: plan.seeds.length,
        rolloutsPerExample: settings.rolloutsPerExample,
        maxEpisodeSteps: settings.maxEpisodeSteps,
        resetOptions: settings.resetOptions,
        concurrency,
        maxRetries,
        timeout: options.timeout ?? null,
        envOptions: jsonData(options.envOptions) ?? null,
      },
    });
    options.onProgress?.(tracker.snapshot(0));
    const timeoutMs = options.timeout === undefined ? undefined : options.timeout * 1000;
    const aborted = (): boolean => options.signal?.aborted === true;
    let next = 0;
    // Environments and agents that answer at once never leave the microtask queue: give timers and signals
    // (Ctrl-C) a turn every so often.
    let lastYield = performance.now();
    const yieldNow = async (): Promise<void> => {
      if (performance.now() - lastYield < YIELD_EVERY_MS) return;
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = performance.now();
    };
    const work = async (slot: RolloutSlot<Obs, Act, I>): Promise<void> => {
      while (failure === undefined && !aborted() && next < pending.length) {
        const planned = episodeAt(plan, pending[next++]!);
        const attempt: AttemptSettings = {
          seed: planned.seed,
          maxEpisodeSteps: settings.maxEpisodeSteps ?? undefined,
          resetOptions: settings.resetOptions ?? undefined,
          timeoutMs,
          signal: options.signal,
        };
        inFlight += 1;
        let attempts = 0;
        let result;
        const startedAt = new Date();
        for (;;) {
          attempts += 1;
          result = await slot.play(attempt);
          const error = result.kind === 'finished' ? result.trajectory.error : undefined;
          if (error === undefined || !isInfrastructureError(error.cause) || attempts > maxRetries) break;
          if (aborted()) break;
        }
        inFlight -= 1;
        if (result.kind === 'stopped') return;
        const place = { index: planned.index, example: planned.example, rollout: planned.rollout, attempts };
        const outcome = toEpisodeOutcome(result.trajectory, place);
        if (store !== undefined && runId !== undefined) {
          store.recordEpisode(
            runId,
            toEpisodeRecord(result.trajectory, outcome, { startedAt, endedAt: new Date() }),
          );
        }
        outcomes.push(outcome);
        sessionEpisodes += 1;
        tracker.add(outcome);
        options.onEpisode?.(outcome, result.trajectory);
        options.onProgress?.(tracker.snapshot(inFlight));
        await yieldNow();
      }
    };
    const workers = Array.from({ length: Math.min(concurrency, pending.length) }, async (_, index) => {
      try {
        const slot = slots[index] ?? (await RolloutSlot.open(index, source));
        slots[index] = slot;
        await work(slot);
      } catch (error) {
        failure ??= { error };
      }
    });
    await Promise.all(workers);
    if (failure !== undefined) throw failure.error;
  } catch (error) {
    if (store !== undefined && runId !== undefined) {
      store.finishRun(runId, { error: error instanceof Error ? error.message : String(error) }, 'failed');
    }
    throw error;
  } finally {
    await closeSlots(slots);
  }
  outcomes.sort((a, b) => a.index - b.index);
  const status = outcomes.length < plan.total ? 'interrupted' : 'completed';
  const summary = summarizeEvaluation(outcomes, {
    plannedEpisodes: plan.total,
    examples: plan.seeds.length,
    rolloutsPerExample: plan.rolloutsPerExample,
    bootstrapSeed: options.bootstrapSeed,
  });
  const elapsedSeconds = (performance.now() - started) / 1000;
  if (store !== undefined && runId !== undefined) {
    store.finishRun(runId, { ...summary, session: { episodes: sessionEpisodes, elapsedSeconds } }, status);
  }
  return {
    runId,
    storePath: store?.path,
    status,
    episodes: outcomes,
    summary,
    sessionEpisodes,
    elapsedSeconds,
  };
}

function agentNameOf<Obs, Act, I>(
  options: EvaluateOptions<Obs, Act, I>,
  slot: RolloutSlot<Obs, Act, I> | undefined,
): string | undefined {
  if (typeof options.agent !== 'function') return options.agent.name;
  return slot === undefined ? undefined : slot.agentName;
}

function jsonDataOf(value: unknown): Record<string, unknown> {
  const data = jsonData(value);
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

/**
 * Closes the slots' environments. Attempts still winding down (stopped by a timeout or the signal) are not waited
 * for: their environments close when they end.
 */
async function closeSlots<Obs, Act, I>(slots: readonly RolloutSlot<Obs, Act, I>[]): Promise<void> {
  await Promise.all(slots.map((slot) => slot.close().catch(() => undefined)));
}
