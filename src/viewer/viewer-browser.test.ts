// The viewer in a real browser: Debian's Chromium driven by playwright-core, against a store filled by real runs.
import { existsSync, mkdirSync, copyFileSync, mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRunStore, type RunStore } from '../store/run-store.js';
import { fillRunStore, HOSTILE_OUTPUT, type FilledRuns } from './__fixtures__/fill-run-store.js';
import { startViewer, type RunningViewer } from './start-viewer.js';

const CHROMIUM = process.env.LOOPGYM_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) {
  throw new Error(
    `Chromium is missing at ${CHROMIUM}, and CI must run the browser tests: install Debian's \`chromium\` package (.ci/run does).`,
  );
}
if (!available) {
  console.warn(
    `Skipping the viewer's browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set LOOPGYM_CHROMIUM).`,
  );
}

const screenshots = mkdtempSync(join(tmpdir(), 'loopgym-viewer-shots-'));
let store: RunStore;
let runs: FilledRuns;
let viewer: RunningViewer;
let browser: Browser;
let page: Page;
const problems: string[] = [];

/** What the test reads of the browser's globals (this process has no DOM types). */
interface BrowserGlobals {
  document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> };
  __hostile?: unknown;
}

/** Waits until the runs table shows `count` rows. */
async function waitForRows(count: number): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      (globalThis as unknown as BrowserGlobals).document.querySelectorAll('main tbody tr').length ===
      expected,
    count,
  );
}

/** Opens a page of the viewer and waits until it is drawn. */
async function open(hash: string): Promise<void> {
  await page.goto(`${viewer.url}#${hash}`);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
}

/** A raw GET (no URL normalisation, as an attacker's client would send it). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const url = new URL(viewer.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe.skipIf(!available)('the viewer in Chromium', () => {
  beforeAll(async () => {
    store = openRunStore(join(mkdtempSync(join(tmpdir(), 'loopgym-viewer-browser-')), 'runs.db'));
    runs = await fillRunStore(store);
    viewer = await startViewer({ store, port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // Failed requests are checked by URL below (the missing-run page asks for a run that is not there, on purpose).
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().includes('/api/runs/ffffffff'))
        problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
    store?.close();
  });

  it('lists the runs, filters and sorts them', async () => {
    await open('/');
    expect(await page.locator('main tbody tr').count()).toBe(5);
    await page.fill('input[data-filter="env"]', 'FrozenLake');
    await page.press('input[data-filter="env"]', 'Enter');
    await waitForRows(3);
    await page.click('th:has-text("Mean return")');
    await page.waitForSelector('th:has-text("Mean return ▲")');
    const returns = await page.locator('main tbody tr td:nth-child(10)').allTextContents();
    expect(returns.map(Number)).toEqual([...returns.map(Number)].sort((a, b) => a - b));
    await page.fill('input[data-filter="env"]', '');
    await page.press('input[data-filter="env"]', 'Enter');
    await waitForRows(5);
    await page.screenshot({ path: join(screenshots, 'viewer-runs.png'), fullPage: true });
  });

  it('shows a loop run: figures, return distribution, per-iteration curves, episodes', async () => {
    await open(`/runs/${runs.loop}`);
    expect(await page.textContent('h1')).toContain(`Run ${runs.loop.slice(0, 8)}`);
    expect(await page.locator('[data-chart="Returns"] canvas').count()).toBe(1);
    expect(await page.locator('[data-chart="Primary metric by iteration"] canvas').count()).toBe(1);
    expect(await page.getAttribute('[data-chart="Primary metric by iteration"]', 'data-series')).toBe('2');
    expect(await page.locator('main table').last().locator('tbody tr').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'viewer-run.png'), fullPage: true });
  });

  it('shows a training run’s learning curve', async () => {
    await open(`/runs/${runs.train}`);
    expect(await page.locator('[data-chart="Learning curve"] canvas').count()).toBe(1);
    expect(await page.locator('[data-chart="epsilon by episode"] canvas').count()).toBe(1);
  });

  it('shows a loop episode’s timeline, and what the agent wrote as text, never as HTML', async () => {
    await open(`/runs/${runs.loopHostile}/episodes/0`);
    expect(await page.locator('.iteration').count()).toBeGreaterThan(0);
    expect(await page.locator('.event.evaluator').count()).toBeGreaterThan(0);
    const output = page.locator('[data-output] pre').first();
    expect(await output.textContent()).toBe(HOSTILE_OUTPUT);
    expect(await page.locator('main script, main img, main b').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).__hostile)).toBeUndefined();
    await page.screenshot({ path: join(screenshots, 'viewer-episode.png'), fullPage: true });
  });

  it('shows a FrozenLake episode step by step with the model’s prompt and answers', async () => {
    await open(`/runs/${runs.lakeLlm}/episodes/0`);
    const rows = page.locator('main section > table > tbody > tr');
    expect(await rows.count()).toBe(6);
    expect(await rows.first().textContent()).toContain('<action>down</action>');
    expect(await page.locator('[data-chart="Reward by step"] canvas').count()).toBe(1);
  });

  it('compares runs side by side with intervals and per-seed differences', async () => {
    await open(`/compare/${runs.lakeLlm},${runs.lakeRandom}`);
    expect(await page.textContent('h1')).toBe('Comparing 2 runs');
    expect(await page.locator('main table').first().locator('tbody tr').count()).toBe(2);
    expect(await page.textContent('main')).toContain('95% interval');
    await page.screenshot({ path: join(screenshots, 'viewer-compare.png'), fullPage: true });
  });

  it('shows a clear message for a run that does not exist', async () => {
    await open('/runs/ffffffff');
    expect(await page.textContent('main')).toContain('No run "ffffffff"');
  });

  it('updates while a run is recording episodes', async () => {
    const running = store.startRun({ kind: 'eval', envId: 'live/demo-v0', agent: 'random', seeds: [0, 1] });
    await open('/');
    expect(await page.locator('main tbody tr').count()).toBe(6);
    await page.waitForSelector('#live:has-text("1 running")', { timeout: 10_000 });
    store.recordEpisode(running, {
      index: 0,
      seed: 0,
      return: 7,
      length: 3,
      terminated: true,
      truncated: false,
    });
    store.finishRun(running, {}, 'completed');
    // A function, not a string: the viewer's CSP forbids evaluating strings.
    await page.waitForFunction(
      (id) =>
        Array.from((globalThis as unknown as BrowserGlobals).document.querySelectorAll('main tbody tr')).some(
          (row) => (row.textContent ?? '').includes(id) && (row.textContent ?? '').includes('completed'),
        ),
      running.slice(0, 8),
      { timeout: 10_000 },
    );
  });

  it('refuses path traversal and malformed API requests with 4xx JSON', async () => {
    for (const path of [
      '/static/../../package.json',
      '/static/..%2f..%2fpackage.json',
      '/../../../etc/passwd',
    ]) {
      const response = await rawGet(path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('"name": "loopgym"');
    }
    expect((await rawGet('/api/runs/..%2f..')).status).toBe(400);
    expect((await rawGet('/api/runs?limit=-4')).status).toBe(400);
    expect((await rawGet(`/api/runs/${runs.loop}/episodes/x`)).status).toBe(400);
    // No CSP violation, script error or failed request while the pages were shown.
    expect(problems).toEqual([]);
  });

  afterAll(() => {
    // LOOPGYM_UPDATE_SCREENSHOTS=1 refreshes the README's screenshot.
    if (process.env.LOOPGYM_UPDATE_SCREENSHOTS === '1') {
      const images = new URL('../../docs/images/', import.meta.url);
      mkdirSync(images, { recursive: true });
      copyFileSync(join(screenshots, 'viewer-run.png'), new URL('viewer-run.png', images));
    }
  });
});
