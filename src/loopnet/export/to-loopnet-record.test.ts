import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import '../../backends/default-loop-environments.js';
import type { Env } from '../../core/env.js';
import { checkRecordLes } from '../../les/check-record-les.js';
import type { LoopEvent } from '../../loop/events/loop-event.js';
import type { LoopInfo } from '../../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../../loop/gym/loop-spaces.js';
import { make } from '../../registry/make.js';
import type { LoopNetRecord } from '../loopnet-record.js';
import { validateLoopNetRecord } from '../record-schema.js';
import { collectLoopEpisode, LoopEventCollector, programOf } from './loop-episode-input.js';
import { toLoopNetRecord } from './to-loopnet-record.js';

const LOOPS = [
  'loopbench/code-repair-v1',
  'loopbench/research-synthesis-v1',
  'loopbench/multi-agent-debate-v1',
] as const;
const SEEDS = [0, 1, 2, 3];
const CREATED = new Date('2026-01-02T03:04:05.000Z');

function loopEnv(id: string): Env<LoopObservation, LoopAction, LoopInfo> {
  return make<LoopObservation, LoopAction, LoopInfo>(id, { backend: 'sim' });
}

/** Records of sim episodes, with the episodes' own end figures. */
async function capture(id: string): Promise<Captured[]> {
  const env = loopEnv(id);
  const captured: Captured[] = [];
  for (const seed of SEEDS) {
    const input = await collectLoopEpisode(env, { seed });
    const end = input.events.findLast((event) => event.type === 'episode-end');
    if (end?.type !== 'episode-end') throw new Error('no episode-end');
    captured.push({
      events: input.events,
      record: toLoopNetRecord(input, { createdAt: CREATED, loopGymVersion: '0.1.0' }),
      end: { iterations: end.iterations, reason: end.reason, primary: end.primary, costUsd: end.costUsd },
    });
  }
  await env.close();
  return captured;
}

interface Captured {
  events: readonly LoopEvent[];
  record: LoopNetRecord;
  end: EndFigures;
}

interface EndFigures {
  iterations: number;
  reason: string;
  primary: number | null;
  costUsd: number;
}

const directory = mkdtempSync(join(tmpdir(), 'loopnet-export-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe.each(LOOPS)('toLoopNetRecord on sim episodes of %s', (id) => {
  it('writes records that validate, match the episode and replay to the same figures', async () => {
    const captured = await capture(id);
    const program = programOf(loopEnv(id));
    const texts = [
      ...program.workers.map((worker) => worker.role),
      ...program.evaluators.flatMap((evaluator) =>
        evaluator.type === 'llm_rubric' ? evaluator.dimensions.map((dimension) => dimension.criteria) : [],
      ),
      ...captured.flatMap(({ events }) =>
        events.flatMap((event) =>
          event.type === 'worker-output'
            ? [event.raw]
            : event.type === 'episode-start'
              ? Object.values(event.inputs).filter((value): value is string => typeof value === 'string')
              : [],
        ),
      ),
    ].filter((text) => text.length >= 12);
    expect(texts.length).toBeGreaterThan(3);
    for (const { record, end } of captured) {
      expect(validateLoopNetRecord(JSON.parse(JSON.stringify(record))).valid).toBe(true);
      expect(record.trajectory).toHaveLength(end.iterations);
      expect(record.metadata.iteration_count).toBe(end.iterations);
      expect(record.metadata.cost_total_usd).toBeCloseTo(end.costUsd, 12);
      expect(record.metadata.goal_final).toBeCloseTo(Math.min(1, Math.max(0, end.primary ?? 0)), 12);
      expect(record.outcome === 'success').toBe(
        end.reason === 'success' && !(record.failure_modes ?? []).includes('fail.false_pass'),
      );
      expect(record.redaction?.level).toBe('full');
      expect(record.metadata.tags).toEqual(
        expect.arrayContaining(['backend:sim', `env:${id}`, 'loopgym:0.1.0', 'loopgym']),
      );
      // The recorded composite is the canonical LES 1.0 weighting of the recorded categories.
      expect(checkRecordLes(record).canonical).toBe(true);
      expect(record.les_observed.partial).toBe(true);
      // No text of the spec or the run: no role, rubric criterion, input value or output appears in the record.
      const text = JSON.stringify(record);
      for (const secret of texts) expect(text).not.toContain(secret);
    }
    const file = join(directory, `${id.replace('/', '-')}.jsonl`);
    writeFileSync(file, captured.map(({ record }) => `${JSON.stringify(record)}\n`).join(''));
    const replay = make<unknown, null, Record<string, unknown>>('replay/loopnet-v1', {
      records: file,
      strict: true,
    });
    for (const { record } of captured) {
      await replay.reset({ options: { recordId: record.record_id } });
      let steps = 0;
      let total = 0;
      let info: Record<string, unknown> = {};
      for (;;) {
        const step = await replay.step(null);
        steps += 1;
        total += step.reward;
        info = step.info;
        if (step.terminated || step.truncated) break;
      }
      expect(steps).toBe(record.trajectory.length);
      expect(info['outcome']).toBe(record.outcome);
      expect(info['terminationReason']).toBe(record.termination_reason);
      expect(total).toBeCloseTo(record.metadata.goal_final, 12);
      expect(info['cumulativeCostUsd']).toBeCloseTo(record.metadata.cost_total_usd, 12);
    }
    await replay.close();
  });
});

describe('toLoopNetRecord', () => {
  it('gives the same record id for the same episode, and maps the bundled specs to their patterns', async () => {
    const first = await collectLoopEpisode(loopEnv('loopbench/code-repair-v1'), { seed: 5 });
    const again = await collectLoopEpisode(loopEnv('loopbench/code-repair-v1'), { seed: 5 });
    const a = toLoopNetRecord(first, { createdAt: CREATED, loopGymVersion: 'x' });
    const b = toLoopNetRecord(again, { createdAt: new Date(), loopGymVersion: 'x' });
    expect(a.record_id).toBe(b.record_id);
    expect(a.record_id).toMatch(/^ln-[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.patterns).toEqual(['safety-constrained-loop', 'verification-loop', 'reflection-loop']);
    const research = programOf(loopEnv('loopbench/research-synthesis-v1'));
    const debate = programOf(loopEnv('loopbench/multi-agent-debate-v1'));
    expect(
      toLoopNetRecord(await collectLoopEpisode(loopEnv('loopbench/research-synthesis-v1'), { seed: 0 }))
        .patterns,
    ).toEqual(['research-loop', 'critique-loop']);
    expect(research.name).toBe('research-synthesis-loop');
    expect(
      toLoopNetRecord(await collectLoopEpisode(loopEnv('loopbench/multi-agent-debate-v1'), { seed: 0 }))
        .patterns,
    ).toEqual(['multi-agent-coordination', 'debate-loop', 'critique-loop']);
    expect(debate.workers).toHaveLength(3);
  });

  it('reads the same episode from the onEvent stream as from the steps', async () => {
    const collector = new LoopEventCollector();
    const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/research-synthesis-v1', {
      backend: 'sim',
      onEvent: collector.listener,
    });
    const fromSteps = await collectLoopEpisode(env, { seed: 3 });
    const [streamed] = collector.takeFinished();
    expect(streamed).toEqual(fromSteps.events);
    expect(collector.takeFinished()).toEqual([]);
  });
});
