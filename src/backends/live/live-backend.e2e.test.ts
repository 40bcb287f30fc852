// The live backend end to end: real provider SDKs against LoopGym's local OpenAI-compatible server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../default-loop-environments.js';
import type { LoopInfo } from '../../loop/gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../../loop/gym/loop-spaces.js';
import { MissingApiKeyError } from '../../models/model-errors.js';
import { make } from '../../registry/make.js';
import { startModelServer, type ModelServer } from '../../testing/model-server/index.js';

const saved = { ...process.env };
let server: ModelServer;

beforeEach(async () => {
  server = await startModelServer();
  process.env.OPENAI_BASE_URL = server.url;
  process.env.OPENAI_API_KEY = 'test-key';
  process.env.LOOPGYM_CACHE_DIR = mkdtempSync(join(tmpdir(), 'loopgym-cache-'));
});

afterEach(async () => {
  await server.close();
  process.env = { ...saved };
});

describe('live backend through the local model server', () => {
  it('calls the spec’s models over HTTP, prices real usage, and ends the episode', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/research-synthesis-v1', {
      backend: 'live',
    });
    await env.reset({ seed: 0, options: { taskId: 'rs-001' } });
    const step = await env.step(null);
    const responses = step.info.events.filter((event) => event.type === 'model-response');
    expect(responses.length).toBeGreaterThanOrEqual(2);
    for (const response of responses) {
      if (response.type !== 'model-response') continue;
      expect(response.modelId).toBe('openai:gpt-4.1-mini');
      expect(response.costUsd).toBeGreaterThan(0);
    }
    expect(server.requests.filter((request) => request.path === '/v1/chat/completions').length).toBe(
      responses.length,
    );
    expect(step.info.costUsd).toBeGreaterThan(0);
  });

  it('uses --model overrides', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/research-synthesis-v1', {
      backend: 'live',
      models: { byCaller: { writer: 'openai:gpt-4.1' } },
    });
    await env.reset({ seed: 0, options: { taskId: 'rs-001' } });
    const step = await env.step(null);
    const writer = step.info.events.find(
      (event) => event.type === 'model-response' && event.callerId === 'writer',
    );
    expect(writer?.type === 'model-response' && writer.modelId).toBe('openai:gpt-4.1');
  });

  it('answers a repeated temperature-0 call from the cache without a request', async () => {
    const run = async () => {
      const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/code-repair-v1', {
        backend: 'live',
      });
      await env.reset({ seed: 0, options: { taskId: 'cr-001' } });
      return env.step(null);
    };
    await run();
    const before = server.requests.length;
    const again = await run();
    // The judge (temperature 0) is answered from the cache; the worker (temperature 0.2) is asked again.
    expect(server.requests.length - before).toBe(1);
    expect(
      again.info.events.some((event) => event.type === 'evaluator-score' || event.type === 'evaluator-error'),
    ).toBe(true);
  });

  it('refuses to run without a key, naming the variable, never falling back to sim', async () => {
    delete process.env.OPENAI_API_KEY;
    const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/code-repair-v1', {
      backend: 'live',
    });
    await env.reset({ seed: 0, options: { taskId: 'cr-001' } });
    const error = await env.step(null).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MissingApiKeyError);
    expect(String(error)).toContain('OPENAI_API_KEY');
    expect(server.requests).toHaveLength(0);
  });
});
