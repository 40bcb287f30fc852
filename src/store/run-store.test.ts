import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoopEvent } from '../loop/events/loop-event.js';
import { initialSchema } from './migrations/initial-schema.js';
import { STORE_SCHEMA_VERSION } from './migrations/store-migrations.js';
import type { EpisodeRecord } from './run-records.js';
import { openRunStore, resolveStorePath } from './run-store.js';
import { SchemaTooNewError, StoreError } from './store-error.js';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'loopgym-store-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

const events: LoopEvent[] = [
  { type: 'iteration-start', episodeId: 'e0', seq: 0, time: 0, iteration: 1 },
  {
    type: 'episode-end',
    episodeId: 'e0',
    seq: 1,
    time: 1.5,
    iterations: 1,
    reason: 'success',
    outcome: 'success',
    primary: 0.9,
    costUsd: 0.01,
    tokens: 30,
  },
];

function sampleEpisode(index: number): EpisodeRecord {
  return {
    index,
    seed: 100 + index,
    taskId: `task-${index}`,
    return: 1.5,
    length: 2,
    terminated: true,
    truncated: false,
    terminationReason: 'success',
    metrics: { accuracy: 0.5, missing: null },
    startedAt: new Date('2026-01-01T00:00:00Z'),
    endedAt: new Date('2026-01-01T00:00:02Z'),
    durationMs: 2000,
    steps: [
      {
        index: 0,
        observation: 'room',
        action: { move: 'north' },
        reward: 0.5,
        terminated: false,
        truncated: false,
      },
      {
        index: 1,
        observation: 'goal',
        action: 2,
        reward: 1,
        terminated: true,
        truncated: false,
        info: { gold: 3 },
      },
    ],
    modelCalls: [
      {
        step: 0,
        modelId: 'sim:coder',
        messages: [{ role: 'user', content: 'room' }],
        response: 'north',
        usage: { inputTokens: 10, outputTokens: 2 },
        costUsd: 0.004,
        latencySeconds: 0.2,
        cached: false,
      },
      {
        step: 1,
        modelId: 'sim:coder',
        messages: [{ role: 'user', content: 'goal' }],
        usage: { inputTokens: 15, outputTokens: 3 },
        costUsd: 0.006,
        latencySeconds: 0.3,
        cached: true,
        error: new TypeError('boom'),
      },
    ],
    events,
  };
}

describe('RunStore', () => {
  it('keeps the events of a composed episode, whose children number their events on their own, in order', () => {
    const store = openRunStore(':memory:');
    const runId = store.startRun({ kind: 'loop', envId: 'loopbench/composed-swarm-v1' });
    const composed: LoopEvent[] = [
      { type: 'iteration-start', episodeId: 'e0/falsifier', seq: 0, time: 0, iteration: 1 },
      { type: 'iteration-start', episodeId: 'e0/evidence', seq: 0, time: 0, iteration: 1 },
      { type: 'iteration-start', episodeId: 'e0', seq: 0, time: 1, iteration: 1 },
    ];
    store.recordEpisode(runId, { ...sampleEpisode(0), events: composed });
    const [episode] = store.episodes(runId);
    expect(store.events(episode!.id)).toEqual(composed);
    store.close();
  });

  it('round-trips a run with episodes, steps, model calls and events', () => {
    const store = openRunStore(join(directory, 'nested', 'runs.db'));
    expect(store.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    const runId = store.startRun({
      kind: 'eval',
      envId: 'text/wordle-v0',
      agent: 'llm',
      model: 'sim:coder',
      backend: 'sim',
      config: { concurrency: 4 },
      seeds: [100, 101],
    });
    store.recordEpisode(runId, sampleEpisode(1));
    store.recordEpisode(runId, sampleEpisode(0));
    store.finishRun(runId, { meanReturn: 1.5 }, 'completed');

    const run = store.getRun(runId);
    expect(run).toMatchObject({
      id: runId,
      kind: 'eval',
      envId: 'text/wordle-v0',
      model: 'sim:coder',
      config: { concurrency: 4 },
      seeds: [100, 101],
      status: 'completed',
      summary: { meanReturn: 1.5 },
      episodeCount: 2,
    });
    expect(run.codeVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.finishedAt).not.toBeNull();
    const episodes = store.episodes(runId);
    expect(episodes.map((episode) => episode.index)).toEqual([0, 1]);
    const episode = episodes[0]!;
    expect(episode).toMatchObject({
      seed: 100,
      taskId: 'task-0',
      return: 1.5,
      terminated: true,
      truncated: false,
      metrics: { accuracy: 0.5, missing: null },
      usage: { inputTokens: 25, outputTokens: 5 },
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 2000,
    });
    expect(episode.costUsd).toBeCloseTo(0.01);
    expect(store.steps(episode.id)).toEqual([
      {
        index: 0,
        observation: 'room',
        action: { move: 'north' },
        reward: 0.5,
        terminated: false,
        truncated: false,
        info: {},
      },
      {
        index: 1,
        observation: 'goal',
        action: 2,
        reward: 1,
        terminated: true,
        truncated: false,
        info: { gold: 3 },
      },
    ]);
    const calls = store.modelCalls(episode.id);
    expect(calls.map((call) => [call.step, call.response, call.cached, call.error])).toEqual([
      [0, 'north', false, null],
      [1, null, true, 'TypeError: boom'],
    ]);
    expect(store.events(episode.id)).toEqual(events);
    expect(store.completedEpisodeIndexes(runId)).toEqual([0, 1]);
    store.close();
  });

  it('finds runs by unique prefix and explains missing or ambiguous ids', () => {
    const store = openRunStore(':memory:');
    store.startRun({ kind: 'eval', envId: 'a', id: 'abc111' });
    store.startRun({ kind: 'eval', envId: 'a', id: 'abc222' });
    expect(store.getRun('abc1').id).toBe('abc111');
    expect(() => store.getRun('abc')).toThrow(/ambiguous.*abc\d{3}, abc\d{3}/);
    expect(() => store.getRun('zzz')).toThrow(StoreError);
    expect(() => store.getRun('')).toThrow(/No run/);
    expect(() => store.finishRun('zzz', null, 'failed')).toThrow(/No run "zzz"/);
    store.close();
  });

  it('lists runs newest first and filters them', () => {
    const store = openRunStore(':memory:');
    store.startRun({ kind: 'eval', envId: 'a', id: 'r1', startedAt: new Date('2026-01-01') });
    store.startRun({ kind: 'loop', envId: 'b', id: 'r2', startedAt: new Date('2026-01-03') });
    store.startRun({ kind: 'eval', envId: 'b', id: 'r3', startedAt: new Date('2026-01-02') });
    expect(store.listRuns().map((run) => run.id)).toEqual(['r2', 'r3', 'r1']);
    expect(store.listRuns({ kind: 'eval' }).map((run) => run.id)).toEqual(['r3', 'r1']);
    expect(store.listRuns({ envId: 'b', limit: 1 }).map((run) => run.id)).toEqual(['r2']);
    expect(store.listRuns({ status: 'completed' })).toEqual([]);
    store.close();
  });

  it('refuses a duplicate episode and an unknown run, leaving nothing behind', () => {
    const store = openRunStore(':memory:');
    const runId = store.startRun({ kind: 'eval', envId: 'a' });
    store.recordEpisode(runId, sampleEpisode(0));
    expect(() => store.recordEpisode(runId, sampleEpisode(0))).toThrow(/already recorded/);
    expect(() => store.recordEpisode('nope', sampleEpisode(0))).toThrow(/No run "nope"/);
    // A failure inside the transaction (duplicate step index) rolls the whole episode back.
    const broken = sampleEpisode(1);
    broken.steps = [broken.steps![0]!, broken.steps![0]!];
    expect(() => store.recordEpisode(runId, broken)).toThrow();
    expect(store.completedEpisodeIndexes(runId)).toEqual([0]);
    store.close();
  });

  it('keeps any step data it is given (property)', () => {
    const store = openRunStore(':memory:');
    const runId = store.startRun({ kind: 'eval', envId: 'a' });
    let index = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            observation: fc.string(),
            action: fc.jsonValue(),
            reward: fc.double({ noNaN: true, noDefaultInfinity: true }),
            terminated: fc.boolean(),
          }),
          { maxLength: 8 },
        ),
        (steps) => {
          const id = store.recordEpisode(runId, {
            index: index++,
            return: 0,
            length: steps.length,
            terminated: false,
            truncated: false,
            steps: steps.map((step, position) => ({ ...step, index: position, truncated: false })),
          });
          const read = store.steps(id);
          expect(read.map((step) => step.observation)).toEqual(steps.map((step) => step.observation));
          expect(read.map((step) => step.action)).toEqual(
            steps.map((step) => JSON.parse(JSON.stringify(step.action)) as unknown),
          );
          expect(read.map((step) => step.reward)).toEqual(
            steps.map((step) => (Object.is(step.reward, -0) ? 0 : step.reward)),
          );
        },
      ),
      { numRuns: 50 },
    );
    store.close();
  });

  it('resolves its path from the argument, then LOOPGYM_STORE, then .loopgym/loopgym.db', () => {
    expect(resolveStorePath('/x/a.db', { LOOPGYM_STORE: '/y/b.db' })).toBe('/x/a.db');
    expect(resolveStorePath(undefined, { LOOPGYM_STORE: '/y/b.db' })).toBe('/y/b.db');
    expect(resolveStorePath(undefined, { LOOPGYM_STORE: '' })).toBe(
      join(process.cwd(), '.loopgym', 'loopgym.db'),
    );
    const store = openRunStore(undefined, { environment: { LOOPGYM_STORE: join(directory, 'env', 'x.db') } });
    expect(existsSync(join(directory, 'env', 'x.db'))).toBe(true);
    const mode = new Database(store.path, { readonly: true }).pragma('journal_mode', { simple: true });
    expect(mode).toBe('wal');
    store.close();
  });
});

describe('migrations', () => {
  const addNotes = { version: 2, name: 'run notes', sql: 'ALTER TABLE runs ADD COLUMN notes TEXT' };

  it('migrates an older database when opened, keeping its data', () => {
    const path = join(directory, 'runs.db');
    const v1 = openRunStore(path, { migrations: [initialSchema] });
    expect(v1.schemaVersion).toBe(1);
    const runId = v1.startRun({ kind: 'train', envId: 'CartPole-v1' });
    v1.close();
    const v2 = openRunStore(path, { migrations: [initialSchema, addNotes] });
    expect(v2.schemaVersion).toBe(2);
    expect(v2.getRun(runId).kind).toBe('train');
    v2.close();
    const database = new Database(path, { readonly: true });
    expect(database.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1, name: 'initial schema' },
      { version: 2, name: 'run notes' },
    ]);
    expect(database.prepare('SELECT notes FROM runs').get()).toEqual({ notes: null });
    database.close();
  });

  it('refuses a database from a newer LoopGym with a clear error', () => {
    const path = join(directory, 'runs.db');
    openRunStore(path, { migrations: [initialSchema, addNotes] }).close();
    expect(() => openRunStore(path, { migrations: [initialSchema] })).toThrow(SchemaTooNewError);
    expect(() => openRunStore(path, { migrations: [initialSchema] })).toThrow(
      /schema version 2, but this LoopGym knows versions up to 1\. Upgrade LoopGym/,
    );
  });

  it('refuses migrations numbered out of order', () => {
    expect(() =>
      openRunStore(':memory:', { migrations: [initialSchema, { ...addNotes, version: 3 }] }),
    ).toThrow(/expected 2/);
  });
});
