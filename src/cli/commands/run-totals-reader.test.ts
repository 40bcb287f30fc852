import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRunStore } from '../../store/run-store.js';
import { fillStore, temporaryDirectory } from './__fixtures__/store-command-fixture.js';
import { runOverview } from './run-overview.js';
import { RunTotalsReader } from './run-totals-reader.js';

describe('RunTotalsReader', () => {
  it('gives the figures runOverview computes from the episodes, for every run', () => {
    const store = openRunStore(fillStore(temporaryDirectory()));
    const totals = new RunTotalsReader(store.path);
    try {
      const runs = store.listRuns();
      expect(runs).toHaveLength(3);
      for (const run of runs) {
        const expected = runOverview(run, store.episodes(run.id));
        const { costUsd, ...rest } = totals.overview(run);
        const { costUsd: expectedCost, ...expectedRest } = expected;
        expect(rest).toEqual(expectedRest);
        expect(costUsd).toBeCloseTo(expectedCost, 12);
      }
    } finally {
      totals.close();
      store.close();
    }
  });

  it('reads the success metric and the last episode end of an unfinished run without a summary', () => {
    const path = join(temporaryDirectory(), 'runs.db');
    const store = openRunStore(path);
    const runId = store.startRun({
      kind: 'eval',
      envId: 'text/wordle-v0',
      startedAt: new Date('2025-01-01T00:00:00Z'),
    });
    for (const [index, success] of [1, 0, 1, null].entries())
      store.recordEpisode(runId, {
        index,
        return: index,
        length: 2,
        terminated: true,
        truncated: false,
        metrics: { success },
        endedAt: new Date(`2025-01-01T00:00:0${index + 1}Z`),
      });
    const totals = new RunTotalsReader(path);
    try {
      const overview = totals.overview(store.getRun(runId));
      expect(overview).toMatchObject({ episodes: 4, meanReturn: 1.5, steps: 8, durationSeconds: 4 });
      expect(overview.successRate).toBeCloseTo(2 / 3, 12);
      expect(overview).toEqual(runOverview(store.getRun(runId), store.episodes(runId)));
    } finally {
      totals.close();
      store.close();
    }
  });
});
