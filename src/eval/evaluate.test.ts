import { describe, expect, it } from 'vitest';
import '../backends/default-loop-environments.js';
import { scriptedAgent } from '../agents/scripted-agent.js';
import { createLlmAgent } from '../agents/llm/create-llm-agent.js';
import { ApiCallError } from '../models/model-errors.js';
import { openRunStore } from '../store/run-store.js';
import { ScriptedLanguageModel } from '../testing/scripted-language-model.js';
import { TestEnv, TestEnvLog, type TestEpisode } from './__fixtures__/test-env.js';
import type { EpisodeOutcome } from './episode-outcome.js';
import { evaluate } from './evaluate.js';

const always = scriptedAgent<number, number>(() => 1);

/** The outcome fields that must not depend on scheduling. */
function results(episodes: readonly EpisodeOutcome[]): unknown[] {
  return episodes.map(({ durationMs: _, ...rest }) => rest);
}

function envOf(script: (seed: number) => TestEpisode, log = new TestEnvLog()): () => TestEnv {
  return () => new TestEnv(script, log);
}

describe('evaluate', () => {
  it('plays seeds counted from the base seed, k rollouts each, and records the run', async () => {
    const store = openRunStore(':memory:');
    const log = new TestEnvLog();
    const result = await evaluate({
      env: envOf((seed) => ({ reward: seed % 2 }), log),
      agent: always,
      episodes: 3,
      seed: 10,
      rolloutsPerExample: 2,
      store,
    });
    expect(result.status).toBe('completed');
    expect(log.resets).toEqual([10, 10, 11, 11, 12, 12]);
    expect(result.episodes.map((e) => [e.index, e.example, e.rollout, e.seed])).toEqual([
      [0, 0, 0, 10],
      [1, 0, 1, 10],
      [2, 1, 0, 11],
      [3, 1, 1, 11],
      [4, 2, 0, 12],
      [5, 2, 1, 12],
    ]);
    expect(result.summary.return.mean).toBeCloseTo(1 / 3, 12);
    expect(result.summary.passAtK).toEqual({ '1': 1 / 3, '2': 1 / 3 });
    const run = store.getRun(result.runId!);
    expect(run).toMatchObject({ kind: 'eval', status: 'completed', seeds: [10, 11, 12], episodeCount: 6 });
    expect(run.config).toMatchObject({ episodes: 3, rolloutsPerExample: 2, concurrency: 1, maxRetries: 1 });
    expect((run.summary as { successes: number }).successes).toBe(2);
    const stored = store.episodes(result.runId!);
    expect(stored.map((e) => e.seed)).toEqual([10, 10, 11, 11, 12, 12]);
    expect(store.steps(stored[0]!.id).map((step) => step.observation)).toEqual(['1', '2', '3']);
    expect(log.closed).toBe(1);
    store.close();
  });

  it('uses an explicit seed list, and gives the same results at any concurrency', async () => {
    const script = (seed: number): TestEpisode => ({
      reward: seed,
      length: 1 + (seed % 3),
      stepMs: seed % 4,
    });
    const runs = [];
    for (const concurrency of [1, 3]) {
      runs.push(
        await evaluate({
          env: envOf(script),
          agent: always,
          seeds: [5, 1, 8, 2, 9, 4],
          concurrency,
          store: false,
        }),
      );
    }
    expect(runs[0]!.episodes.map((e) => e.seed)).toEqual([5, 1, 8, 2, 9, 4]);
    expect(results(runs[1]!.episodes)).toEqual(results(runs[0]!.episodes));
    expect(runs[1]!.summary.return).toEqual(runs[0]!.summary.return);
  });

  it('overlaps slow episodes, and a slow one does not hold up the others', async () => {
    const log = new TestEnvLog();
    const finishedSeeds: number[] = [];
    const started = performance.now();
    const result = await evaluate({
      env: envOf((seed) => ({ stepMs: seed === 0 ? 150 : 40, length: 3 }), log),
      agent: always,
      episodes: 6,
      concurrency: 3,
      store: false,
      onEpisode: (outcome) => finishedSeeds.push(outcome.seed!),
    });
    const elapsed = performance.now() - started;
    expect(result.summary.episodes).toBe(6);
    expect(log.maxActive).toBe(3);
    // In sequence: 450 + 5 × 120 ms. Three at once: the slow episode's 450 ms, the others alongside it.
    expect(elapsed).toBeLessThan(800);
    expect(finishedSeeds.at(-1)).toBe(0);
  });

  it('retries infrastructure errors only, up to maxRetries, and goes on after any failure', async () => {
    const attempts = new Map<number, number>();
    const script = (seed: number): TestEpisode => {
      const attempt = (attempts.get(seed) ?? 0) + 1;
      attempts.set(seed, attempt);
      const overloaded = (): unknown =>
        new ApiCallError('overloaded', { provider: 'openai', status: 503, isRetryable: true });
      if (seed === 1 && attempt === 1) return { throwAt: { step: 1, error: overloaded } };
      if (seed === 2) return { throwAt: { step: 0, error: () => new TypeError('the board is broken') } };
      if (seed === 3) {
        const badRequest = (): unknown =>
          new ApiCallError('bad request', { provider: 'openai', status: 400, isRetryable: false });
        return { throwAt: { step: 0, error: badRequest } };
      }
      if (seed === 4) return { throwAt: { step: 2, error: overloaded } };
      return {};
    };
    const result = await evaluate({
      env: envOf(script),
      agent: always,
      episodes: 6,
      maxRetries: 2,
      store: false,
    });
    expect([...attempts.entries()].sort(([a], [b]) => a - b)).toEqual([
      [0, 1],
      [1, 2],
      [2, 1],
      [3, 1],
      [4, 3],
      [5, 1],
    ]);
    const bySeed = new Map(result.episodes.map((episode) => [episode.seed, episode]));
    expect(bySeed.get(1)).toMatchObject({ attempts: 2, success: true, return: 1 });
    expect(bySeed.get(2)).toMatchObject({
      attempts: 1,
      success: false,
      errorCause: 'environment: TypeError',
      error: 'the board is broken',
    });
    expect(bySeed.get(3)).toMatchObject({ attempts: 1, errorCause: 'model: ApiCallError' });
    expect(bySeed.get(4)).toMatchObject({ attempts: 3, errorCause: 'model: ApiCallError' });
    expect(result.summary.errors).toEqual({
      total: 3,
      byCause: { 'environment: TypeError': 1, 'model: ApiCallError': 2 },
    });
    expect(result.summary.retries).toBe(3);
    expect(result.summary.successes).toBe(3);
  });

  it('records an exception of the agent as that episode’s error', async () => {
    const agent = scriptedAgent<number, number>((observation, { seed }) => {
      if (seed === 1 && observation === 1) throw new RangeError('no move');
      return 0;
    });
    const result = await evaluate({ env: envOf(() => ({})), agent, episodes: 3, store: false });
    expect(result.episodes.map((e) => e.errorCause ?? 'ok')).toEqual(['ok', 'agent: RangeError', 'ok']);
    expect(result.episodes[1]!.steps).toBe(1);
  });

  it('stops an episode at the timeout, retries it, and does not wait for it', async () => {
    const attempts = new Map<number, number>();
    const script = (seed: number): TestEpisode => {
      const attempt = (attempts.get(seed) ?? 0) + 1;
      attempts.set(seed, attempt);
      if (seed === 0) return { stepMs: 5_000 };
      if (seed === 1 && attempt === 1) return { stepMs: 5_000 };
      return { stepMs: 1 };
    };
    const started = performance.now();
    const result = await evaluate({
      env: envOf(script),
      agent: always,
      episodes: 3,
      timeout: 0.1,
      maxRetries: 1,
      concurrency: 2,
      store: false,
    });
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(result.episodes[0]).toMatchObject({ status: 'timeout', errorCause: 'timeout', attempts: 2 });
    expect(result.episodes[1]).toMatchObject({ status: 'terminated', success: true, attempts: 2 });
    expect(result.episodes[2]).toMatchObject({ status: 'terminated', attempts: 1 });
    expect(result.summary.errors.byCause).toEqual({ timeout: 1 });
  });

  it('stops on the signal: finished episodes kept, those in flight neither kept nor recorded', async () => {
    const store = openRunStore(':memory:');
    const controller = new AbortController();
    const result = await evaluate({
      env: envOf((seed) => ({ stepMs: seed < 2 ? 5 : 2_000 })),
      agent: always,
      episodes: 8,
      concurrency: 4,
      store,
      signal: controller.signal,
      onEpisode: (outcome) => {
        if (outcome.index === 1) setTimeout(() => controller.abort(), 30);
      },
    });
    expect(result.status).toBe('interrupted');
    expect(result.episodes.map((e) => e.index)).toEqual([0, 1]);
    expect(store.completedEpisodeIndexes(result.runId!)).toEqual([0, 1]);
    expect(store.getRun(result.runId!).status).toBe('interrupted');
    expect(result.summary).toMatchObject({ episodes: 2, plannedEpisodes: 8 });
    store.close();
  });

  it('resumes a run: skips the recorded episodes, plays the rest, and ends as an uninterrupted run would', async () => {
    const script = (seed: number): TestEpisode => ({ reward: seed % 3, length: 1 + (seed % 2) });
    const store = openRunStore(':memory:');
    const controller = new AbortController();
    const log = new TestEnvLog();
    const first = await evaluate({
      env: envOf(script, log),
      agent: always,
      episodes: 6,
      rolloutsPerExample: 2,
      seed: 3,
      store,
      signal: controller.signal,
      onEpisode: (outcome) => {
        if (outcome.index === 4) controller.abort();
      },
    });
    expect(first.status).toBe('interrupted');
    expect(store.completedEpisodeIndexes(first.runId!)).toEqual([0, 1, 2, 3, 4]);
    log.resets = [];
    const statusWhileRunning: string[] = [];
    const resumed = await evaluate({
      env: envOf(script, log),
      agent: always,
      resume: first.runId!.slice(0, 8),
      store,
      onEpisode: () => statusWhileRunning.push(store.getRun(first.runId!).status),
    });
    // While it runs again, the run is `running` (not still `interrupted`), and not finished.
    expect(new Set(statusWhileRunning)).toEqual(new Set(['running']));
    expect(resumed.runId).toBe(first.runId);
    expect(resumed.status).toBe('completed');
    expect(resumed.sessionEpisodes).toBe(7);
    expect(log.resets).toEqual([5, 6, 6, 7, 7, 8, 8]);
    expect(store.completedEpisodeIndexes(first.runId!)).toEqual([...Array(12).keys()]);
    const whole = await evaluate({
      env: envOf(script),
      agent: always,
      episodes: 6,
      rolloutsPerExample: 2,
      seed: 3,
      store: false,
    });
    expect(results(resumed.episodes)).toEqual(results(whole.episodes));
    const { latency: _a, ...resumedSummary } = resumed.summary;
    const { latency: _b, ...wholeSummary } = whole.summary;
    expect(resumedSummary).toEqual(wholeSummary);
    expect(store.getRun(first.runId!).status).toBe('completed');
    await expect(
      evaluate({ env: envOf(script), agent: always, resume: first.runId!, episodes: 4, store }),
    ).rejects.toThrow(/seeds \(given \[0,1,2,3\], recorded \[3,4,5,6,7,8\]\)/);
    store.close();
  });

  it('refuses to share what cannot be shared, with the fix in the message', async () => {
    const model = new ScriptedLanguageModel(['0']);
    await expect(
      evaluate({ env: 'FrozenLake-v1', agent: createLlmAgent({ model }), concurrency: 2, store: false }),
    ).rejects.toThrow(/pass a factory/);
    await expect(
      evaluate({ env: new TestEnv(() => ({})), agent: always, concurrency: 2, store: false }),
    ).rejects.toThrow(/One environment instance/);
    await expect(
      evaluate({ env: 'FrozenLake-v1', agent: always, concurrency: 0, store: false }),
    ).rejects.toThrow(/concurrency must be a whole number ≥ 1/);
  });

  it('makes an environment per slot from an id, with its options', async () => {
    const plan: Record<number, number> = { 0: 1, 4: 1, 8: 2, 9: 2, 10: 1, 14: 2 };
    const store = openRunStore(':memory:');
    const result = await evaluate<number, number>({
      env: 'FrozenLake-v1',
      envOptions: { isSlippery: false },
      agent: scriptedAgent((state) => plan[state] ?? 0, { name: 'lake-path' }),
      episodes: 4,
      concurrency: 2,
      store,
    });
    expect(result.summary).toMatchObject({ successRate: 1, steps: { total: 24, mean: 6 } });
    expect(store.getRun(result.runId!)).toMatchObject({ envId: 'FrozenLake-v1', agent: 'lake-path' });
    expect(store.getRun(result.runId!).config).toMatchObject({ envOptions: { isSlippery: false } });
    store.close();
  });
});

describe('evaluate: the Loop Efficiency Score', () => {
  it('summarizes the LES an environment reports at the end of its episodes (replayed LoopNet records), and keeps it on resume', async () => {
    const store = openRunStore(':memory:');
    const first = await evaluate({
      env: 'replay/loopnet-v1',
      agent: scriptedAgent<unknown, null>(() => null),
      episodes: 6,
      seed: 0,
      store,
    });
    const values = first.episodes.map((episode) => episode.les);
    expect(values.every((value) => typeof value === 'number' && value >= 0 && value <= 1)).toBe(true);
    const mean = values.reduce<number>((sum, value) => sum + (value ?? 0), 0) / values.length;
    expect(first.summary.les?.episodes).toBe(6);
    expect(first.summary.les?.mean).toBeCloseTo(mean, 12);
    expect(first.summary.les?.meanInterval?.low).toBeLessThanOrEqual(mean);
    const stored = store.episodes(first.runId!);
    expect(stored.map((episode) => episode.metrics['les'])).toEqual(values);
  });

  it('has no LES summary when no episode reports one', async () => {
    const result = await evaluate({
      env: envOf(() => ({ reward: 1 })),
      agent: always,
      episodes: 2,
      store: false,
    });
    expect(result.summary.les).toBeNull();
    expect(result.episodes[0]?.les).toBeUndefined();
  });
});

describe('evaluate: loop environments', () => {
  it('counts what the loop’s own models spent in the episode’s cost', async () => {
    const store = openRunStore(':memory:');
    const result = await evaluate({
      env: 'loopbench/research-synthesis-v1',
      agent: scriptedAgent<unknown, null>(() => null),
      episodes: 2,
      seed: 0,
      store,
    });
    for (const episode of result.episodes) expect(episode.costUsd).toBeGreaterThan(0);
    const stored = store.episodes(result.runId!);
    expect(stored.map((episode) => episode.costUsd)).toEqual(
      result.episodes.map((episode) => episode.costUsd),
    );
    const lastEvents = store.events(stored[0]!.id);
    const end = lastEvents.findLast((event) => event.type === 'episode-end') as
      { costUsd?: number } | undefined;
    expect(end?.costUsd).toBeCloseTo(result.episodes[0]!.costUsd, 12);
    expect(result.summary.costUsd.total).toBeGreaterThan(0);
  });
});
