import { describe, expect, it } from 'vitest';
import { ResetNeededError } from '../../core/errors.js';
import { DEFAULT_LOOPNET_CORPUS } from '../../loopnet/default-corpus.js';
import {
  CorpusNotFoundError,
  RecordLineError,
  type RecordLineProblem,
} from '../../loopnet/loopnet-errors.js';
import {
  shippedLines,
  shippedRecords,
  writeTemporaryCorpus,
} from '../../loopnet/__fixtures__/test-corpus.js';
import { make } from '../../registry/make.js';
import { Registry } from '../../registry/registry.js';
import { checkEnv } from '../../testing/check-env.js';
import { endFlags } from './replay-episode.js';
import { ReplayEnv } from './replay-env.js';
import { replayEnvRegistrations } from './replay-registrations.js';

const records = shippedRecords();
const registry = new Registry();
for (const registration of replayEnvRegistrations) registry.register(registration);

describe('replay/loopnet-v1', () => {
  it('passes checkEnv', async () => {
    const env = make('replay/loopnet-v1', { registry, split: 'val' });
    const report = await checkEnv(env, {
      makeEnv: ({ renderMode }) => make('replay/loopnet-v1', { registry, split: 'val', renderMode }),
    });
    expect(report.checks).toContain('sampled-steps');
    await env.close();
  });

  it('replays every record of the corpus to its recorded outcome, iteration count, final score and total cost', () => {
    const env = new ReplayEnv();
    expect(env.index.size).toBe(545);
    let steps = 0;
    for (const record of records) {
      const reset = env.resetSync({ options: { recordId: record.record_id } });
      expect(reset.observation.text).toContain(`Replay of LoopNet record ${record.record_id}`);
      let total = 0;
      let cost = 0;
      let last;
      do {
        last = env.stepSync(null);
        total += last.reward;
        cost += last.info.costUsd;
        steps++;
        expect(env.observationSpace.contains(last.observation)).toBe(true);
      } while (!last.terminated && !last.truncated);
      const { info } = last;
      expect(info.iteration).toBe(record.metadata.iteration_count);
      expect(info.outcome).toBe(record.outcome);
      expect(info.terminationReason).toBe(record.termination_reason);
      expect(info.success).toBe(record.outcome === 'success');
      expect(info.primary).toBe(record.metadata.goal_final);
      expect(total).toBeCloseTo(record.metadata.goal_final, 12);
      expect(cost).toBeCloseTo(record.metadata.cost_total_usd, 9);
      expect(info.cumulativeCostUsd).toBeCloseTo(record.metadata.cost_total_usd, 9);
      expect(info.lesObserved).toBe(record.les_observed.les_normalized);
      expect({ terminated: last.terminated, truncated: last.truncated }).toEqual(
        endFlags(record.outcome, record.termination_reason),
      );
      expect(() => env.stepSync(null)).toThrow(ResetNeededError);
    }
    expect(steps).toBe(records.reduce((sum, record) => sum + record.trajectory.length, 0));
  });

  it('reports each iteration: scores, cost, latency, tokens, failure codes, safety events, human interventions', () => {
    const record =
      records.find((r) =>
        r.trajectory.some((i) => (i.failure_codes?.length ?? 0) > 0 && i.human_intervention),
      ) ?? records.find((r) => r.trajectory.some((i) => i.human_intervention))!;
    const env = new ReplayEnv({ recordId: record.record_id });
    const reset = env.resetSync({ seed: 0 });
    expect(reset.info).toMatchObject({
      recordId: record.record_id,
      iteration: 0,
      primary: null,
      loopName: record.loop_name,
    });
    record.trajectory.forEach((iteration, index) => {
      const { info, observation, reward } = env.stepSync(null);
      expect(info).toMatchObject({
        iteration: index + 1,
        primary: iteration.goal_score,
        metrics: { goal_score: iteration.goal_score, primary_quality: iteration.primary_quality ?? null },
        costUsd: iteration.cost_usd,
        latencySeconds: iteration.latency_seconds,
        tokens: iteration.tokens ?? null,
        failureCodes: iteration.failure_codes ?? [],
        safetyEvents: iteration.safety_events ?? 0,
        humanIntervention: iteration.human_intervention ?? false,
      });
      expect(reward).toBeCloseTo(iteration.goal_score - (record.trajectory[index - 1]?.goal_score ?? 0), 12);
      expect(observation.text).toContain(
        `iteration ${iteration.iteration} (${index + 1}/${record.trajectory.length})`,
      );
    });
  });

  it('picks the record by option, else by seed among the selected ones (deterministically)', () => {
    const env = new ReplayEnv({ outcome: 'failure', split: 'test' });
    const picked = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const first = env.resetSync({ seed }).info.recordId;
      expect(env.resetSync({ seed }).info.recordId).toBe(first);
      expect(first).toBe(env.index.recordId(env.index.pick(seed)));
      picked.add(first);
    }
    const eligible = records
      .filter((r) => r.outcome === 'failure' && r.split === 'test')
      .map((r) => r.record_id);
    expect([...picked].every((id) => eligible.includes(id))).toBe(true);
    expect(picked.size).toBeGreaterThan(5);
    expect(() =>
      env.resetSync({ options: { recordId: records.find((r) => r.outcome === 'success')!.record_id } }),
    ).toThrow(/among the \d+ selected records/);
  });

  it('selects by loop name and pattern through make()', () => {
    const env = make<unknown, null>('replay/loopnet-v1', {
      registry,
      pattern: 'debate-loop',
      loopName: records.find((r) => r.patterns.includes('debate-loop'))!.loop_name,
    });
    const unwrapped = env.unwrapped;
    expect(unwrapped).toBeInstanceOf(ReplayEnv);
    if (unwrapped instanceof ReplayEnv) expect(unwrapped.index.size).toBeGreaterThan(0);
    expect(() => make('replay/loopnet-v1', { registry, outcome: 'sucess' })).toThrow();
  });

  it('skips and reports bad lines, or fails under strict; a missing corpus is a clear error', () => {
    const lines = shippedLines();
    const file = writeTemporaryCorpus([lines[0], '{broken', lines[1]].join('\n') + '\n');
    const problems: RecordLineProblem[] = [];
    const env = new ReplayEnv({ records: file, onProblem: (problem) => problems.push(problem) });
    expect(env.index.size).toBe(2);
    expect(problems.map((problem) => problem.line)).toEqual([2]);
    expect(() => new ReplayEnv({ records: file, strict: true })).toThrow(RecordLineError);
    expect(() => new ReplayEnv({ records: file, strict: true })).toThrow(/:2: not JSON/);
    expect(() => new ReplayEnv({ records: '/nonexistent/records.jsonl' })).toThrow(CorpusNotFoundError);
    expect(() => new ReplayEnv({ records: file, outcome: 'partial', loopName: 'nothing-like-this' })).toThrow(
      /No valid record .* matches/,
    );
    expect(() => new ReplayEnv({ records: file, split: 'test', splits: '/nonexistent/splits.json' })).toThrow(
      CorpusNotFoundError,
    );
    expect(DEFAULT_LOOPNET_CORPUS.records).toMatch(/data\/loopnet\/v0\.2\/records\.jsonl$/);
  });

  it('ignores the action and renders the replay as text', () => {
    const env = new ReplayEnv({ renderMode: 'ansi', recordId: records[0]!.record_id });
    env.resetSync({ seed: 1 });
    expect(env.render()).toContain('Replay of LoopNet record');
    const withNull = env.stepSync(null);
    env.resetSync({ seed: 1 });
    expect(env.stepSync({ anything: true } as never)).toBe(withNull);
    expect(env.render()).toBe(withNull.observation.text);
  });
});
