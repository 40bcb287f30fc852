import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRunStore, type RunStore } from '../store/run-store.js';
import { fillRunStore, HOSTILE_OUTPUT, type FilledRuns } from './__fixtures__/fill-run-store.js';
import { createViewerApp, VIEWER_CONTENT_SECURITY_POLICY } from './viewer-app.js';
import type { ComparisonDetail, EpisodeDetail, RunDetail, RunRow } from './viewer-data.js';

let store: RunStore;
let runs: FilledRuns;
let app: ReturnType<typeof createViewerApp>;

beforeAll(async () => {
  store = openRunStore(join(mkdtempSync(join(tmpdir(), 'loopgym-viewer-')), 'runs.db'));
  runs = await fillRunStore(store);
  app = createViewerApp({ store });
}, 60_000);

afterAll(() => store.close());

async function json<T>(path: string, status = 200): Promise<T> {
  const response = await app.request(path);
  expect(response.status, path).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  return (await response.json()) as T;
}

describe('the viewer API', () => {
  it('lists runs with their figures, and filters them', async () => {
    const { runs: rows } = await json<{ runs: RunRow[] }>('/api/runs');
    expect(rows).toHaveLength(5);
    const lake = rows.find((row) => row.id === runs.lakeLlm)!;
    expect(lake.overview).toMatchObject({ episodes: 3, meanReturn: 1, successRate: 1 });
    expect(lake.overview.inputTokens).toBeGreaterThan(0);
    const loops = await json<{ runs: RunRow[] }>('/api/runs?env=loopbench/code-repair-v1');
    expect(loops.runs.map((row) => row.id).sort()).toEqual([runs.loop, runs.loopHostile].sort());
    expect((await json<{ runs: RunRow[] }>('/api/runs?kind=train')).runs.map((row) => row.id)).toEqual([
      runs.train,
    ]);
  });

  it('gives a run with its episodes, iteration curves, errors and metrics', async () => {
    const loop = await json<RunDetail>(`/api/runs/${runs.loop.slice(0, 8)}`);
    expect(loop.run.id).toBe(runs.loop);
    expect(loop.episodes).toHaveLength(2);
    expect(loop.iterationCurves).toHaveLength(2);
    expect(loop.iterationCurves[0]!.primary.length).toBe(loop.episodes[0]!.length);
    const train = await json<RunDetail>(`/api/runs/${runs.train}`);
    expect(train.metricNames).toEqual(['epsilon', 'success']);
    expect(train.iterationCurves).toEqual([]);
  });

  it('gives an episode with its steps, model calls and loop events, the model’s text untouched', async () => {
    const lake = await json<EpisodeDetail>(`/api/runs/${runs.lakeLlm}/episodes/0`);
    expect(lake.steps).toHaveLength(6);
    expect(lake.modelCalls[0]!.response).toBe('<action>down</action>');
    const hostile = await json<EpisodeDetail>(`/api/runs/${runs.loopHostile}/episodes/0`);
    const output = hostile.events.find((event) => event.type === 'worker-output');
    expect(output).toMatchObject({ raw: HOSTILE_OUTPUT, source: 'action' });
  });

  it('compares runs, paired on seeds, with per-seed returns', async () => {
    const detail = await json<ComparisonDetail>(`/api/compare?runs=${runs.lakeLlm},${runs.lakeRandom}`);
    expect(detail.runs.map((run) => run.id)).toEqual([runs.lakeLlm, runs.lakeRandom]);
    expect(detail.comparisons[0]!.paired).toBe(false); // 3 seeds against 4
    expect(detail.taskKey).toBe('seed');
    expect(detail.tasks.map((task) => task.key)).toEqual(['0', '1', '2', '3']);
    expect(detail.tasks[3]!.means[0]).toBeNull();
    const loops = await json<ComparisonDetail>(`/api/compare?runs=${runs.loop},${runs.loopHostile}`);
    expect(loops.taskKey).toBe('task');
  });

  it('answers unknown runs and episodes with 404, and malformed requests with 400, as JSON', async () => {
    expect((await json<{ error: string }>('/api/runs/ffffffff', 404)).error).toMatch(/No run "ffffffff"/);
    expect((await json<{ error: string }>(`/api/runs/${runs.lakeLlm}/episodes/99`, 404)).error).toMatch(
      /has no episode 99/,
    );
    expect((await json<{ error: string }>(`/api/runs/${runs.lakeLlm}/episodes/-1`, 400)).error).toMatch(
      /Bad episode/,
    );
    expect((await json<{ error: string }>('/api/runs/%3Cscript%3E', 400)).error).toMatch(/Bad run id/);
    expect((await json<{ error: string }>('/api/runs?limit=lots', 400)).error).toMatch(/limit/);
    expect((await json<{ error: string }>('/api/runs?kind=weird', 400)).error).toMatch(/kind/);
    expect((await json<{ error: string }>('/api/runs?unknown=1', 400)).error).toMatch(/Bad query/);
    expect((await json<{ error: string }>(`/api/compare?runs=${runs.loop}`, 400)).error).toMatch(
      /at least two runs/,
    );
    expect((await json<{ error: string }>('/api/nothing', 404)).error).toMatch(/No API route/);
    const post = await app.request('/api/runs', { method: 'POST' });
    expect(post.status).toBe(405);
  });

  it('serves only its own files, with a strict Content-Security-Policy', async () => {
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(VIEWER_CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<script type="module" src="/static/app.js">');
    expect((await app.request('/vendor/uplot.js')).status).toBe(200);
    expect((await app.request('/static/app.js')).headers.get('content-type')).toContain('text/javascript');
    for (const path of [
      '/static/../../package.json',
      '/static/..%2F..%2Fpackage.json',
      '/static/%2e%2e/%2e%2e/package.json',
      '/vendor/../../../etc/passwd',
      '/../../etc/passwd',
      '/static/viewer-app.ts',
      '/node_modules/uplot/package.json',
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { error: string }).error).toMatch(/^Nothing at/);
      expect(response.headers.get('content-security-policy')).toBe(VIEWER_CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses requests for other host names (DNS rebinding)', async () => {
    const response = await app.request('http://evil.example/api/runs');
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/not evil.example/);
    expect((await app.request('http://127.0.0.1:8788/api/runs')).status).toBe(200);
  });
});
