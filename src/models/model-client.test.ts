import { describe, expect, it } from 'vitest';
import type { GenerateOptions, LanguageModel, StreamPart } from './language-model.js';
import { resultFromStream } from './language-model.js';
import { FakeModel, hangUntilAborted } from './middleware/__fixtures__/fake-model.js';
import { ManualClock } from './middleware/__fixtures__/manual-clock.js';
import { systemClock, type Clock } from './middleware/clock.js';
import { ProviderLimits } from './middleware/provider-limits.js';
import { MemoryResponseCache } from './middleware/response-cache.js';
import type { ModelCallRecord } from './middleware/usage-account.js';
import { UsageAccount } from './middleware/usage-account.js';
import { ApiCallError, ModelTimeoutError } from './model-errors.js';
import { createModelClient, type ModelClientOptions } from './model-client.js';

const ask: GenerateOptions = { messages: [{ role: 'user', content: 'What is 2 + 2?' }] };
const rateLimited = (retryAfterSeconds?: number): ApiCallError =>
  new ApiCallError('slow down', { provider: 'fake', status: 429, isRetryable: true, retryAfterSeconds });

/** A client with a virtual clock, its own limits registry, and every call recorded. */
function clientOf(model: LanguageModel, options: ModelClientOptions = {}, realTime = false) {
  const clock: Clock = options.clock ?? (realTime ? systemClock : new ManualClock());
  const records: ModelCallRecord[] = [];
  const client = createModelClient(model, {
    clock,
    providerLimits: options.providerLimits ?? new ProviderLimits(clock),
    retries: { random: () => 1, initialDelayMs: 100 },
    onCall: (record) => records.push(record),
    ...options,
  });
  return { client, clock, records };
}

describe('createModelClient: retries', () => {
  it('retries to success on the backoff schedule, honouring Retry-After, and records the attempts', async () => {
    const model = new FakeModel(({ index }) => {
      if (index === 0) throw rateLimited(2);
      if (index === 1) throw new ApiCallError('down', { provider: 'fake', status: 503, isRetryable: true });
      return '4';
    });
    const clock = new ManualClock();
    const { client, records } = clientOf(model, { clock });
    const result = await client.doGenerate(ask);
    expect(result.text).toBe('4');
    expect(model.calls).toHaveLength(3);
    expect(clock.sleeps.filter((ms) => ms !== 120_000)).toEqual([2000, 200]);
    expect(records).toMatchObject([{ attempts: 3, cached: false, modelId: 'fake:model' }]);
    expect(client.usage()).toMatchObject({ calls: 1, attempts: 3, failedCalls: 0 });
  });

  it('passes a final error through after one attempt, and accounts the failure', async () => {
    const refused = new ApiCallError('bad request', { provider: 'fake', status: 400, isRetryable: false });
    const model = new FakeModel(() => {
      throw refused;
    });
    const { client, records } = clientOf(model);
    await expect(client.doGenerate(ask)).rejects.toBe(refused);
    expect(model.calls).toHaveLength(1);
    expect(records[0]).toMatchObject({ attempts: 1, error: refused });
    expect(client.usage()).toMatchObject({ calls: 0, failedCalls: 1 });
  });

  it('times an attempt out, retries it, and succeeds', async () => {
    const model = new FakeModel(({ index, options }) =>
      index === 0 ? hangUntilAborted(options.abortSignal) : 'late',
    );
    const { client, records } = clientOf(model, { timeoutMs: 50 });
    await expect(client.doGenerate(ask)).resolves.toMatchObject({ text: 'late' });
    expect(model.calls[0]!.abortSignal?.aborted).toBe(true);
    expect(model.calls[0]!.abortSignal?.reason).toBeInstanceOf(ModelTimeoutError);
    expect(records[0]!.attempts).toBe(2);
  });

  it('gives up with the last timeout when every attempt hangs', async () => {
    const model = new FakeModel(({ options }) => hangUntilAborted(options.abortSignal));
    const { client } = clientOf(model, { timeoutMs: 50, retries: { maxAttempts: 2, random: () => 0 } });
    await expect(client.doGenerate(ask)).rejects.toBeInstanceOf(ModelTimeoutError);
    expect(model.calls).toHaveLength(2);
  });
});

describe('createModelClient: abort', () => {
  it('cancels the underlying request with the caller’s reason', async () => {
    const model = new FakeModel(({ options }) => hangUntilAborted(options.abortSignal));
    const { client } = clientOf(model, {}, true);
    const controller = new AbortController();
    const running = client.doGenerate({ ...ask, abortSignal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('user cancelled'));
    await expect(running).rejects.toThrow('user cancelled');
    expect(model.calls[0]!.abortSignal?.aborted).toBe(true);
    expect(model.calls).toHaveLength(1);
  });

  it('cancels a call waiting for a concurrency slot without ever calling the model', async () => {
    let release: () => void = () => undefined;
    const model = new FakeModel(() => new Promise<string>((resolve) => (release = () => resolve('done'))));
    const limits = new ProviderLimits();
    const { client } = clientOf(model, { providerLimits: limits, limits: { maxConcurrency: 1 } }, true);
    const first = client.doGenerate(ask);
    const controller = new AbortController();
    const second = client.doGenerate({ ...ask, abortSignal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error('gave up waiting'));
    await expect(second).rejects.toThrow('gave up waiting');
    release();
    await expect(first).resolves.toMatchObject({ text: 'done' });
    expect(model.calls).toHaveLength(1);
  });
});

describe('createModelClient: limits', () => {
  it('holds a concurrency limit shared by every client of the endpoint under many parallel calls', async () => {
    const clock = new ManualClock();
    const limits = new ProviderLimits(clock);
    let inFlight = 0;
    let peak = 0;
    const behaviour = async (): Promise<string> => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await clock.sleep(50);
      inFlight--;
      return 'ok';
    };
    const clients = [0, 1, 2].map(
      (index) =>
        clientOf(new FakeModel(behaviour, 'fake', `model-${index}`), {
          clock,
          providerLimits: limits,
          limits: { maxConcurrency: 6 },
        }).client,
    );
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, index) => clients[index % 3]!.doGenerate(ask)),
    );
    expect(results).toHaveLength(300);
    expect(peak).toBe(6);
    expect(clock.now()).toBe(50 * 50);
  });

  it('halves the concurrency after a wave of 429s and still finishes every call', async () => {
    const clock = new ManualClock();
    const limits = new ProviderLimits(clock);
    let inFlight = 0;
    const peaks: number[] = [];
    const model = new FakeModel(async ({ index }) => {
      inFlight++;
      peaks.push(inFlight);
      await clock.sleep(10);
      inFlight--;
      if (index < 8) throw rateLimited(1);
      return 'ok';
    });
    const { client } = clientOf(model, {
      clock,
      providerLimits: limits,
      limits: { maxConcurrency: 8, backoffHoldMs: 60_000 },
    });
    await Promise.all(Array.from({ length: 40 }, () => client.doGenerate(ask)));
    expect(Math.max(...peaks.slice(0, 8))).toBe(8);
    expect(Math.max(...peaks.slice(8))).toBeLessThanOrEqual(4);
    expect(limits.limiterFor('fake').concurrencyLimit()).toBe(4);
  });
});

describe('createModelClient: cache', () => {
  it('makes no request on a hit and returns the identical answer (latency 0), by generate and by stream', async () => {
    const model = new FakeModel(() => 'cached answer');
    const cache = new MemoryResponseCache();
    const { client, records } = clientOf(model, { responseCache: cache });
    const first = await client.doGenerate({ ...ask, temperature: 0 });
    const second = await client.doGenerate({ ...ask, temperature: 0 });
    const streamed = await resultFromStream(client.doStream({ ...ask, temperature: 0 }));
    expect(model.calls).toHaveLength(1);
    expect(second).toEqual({ ...first, latencySeconds: 0 });
    expect(streamed).toEqual(second);
    expect(records.map((record) => [record.cached, record.attempts, record.costUsd])).toEqual([
      [false, 1, 0],
      [true, 0, 0],
      [true, 0, 0],
    ]);
    expect(client.usage()).toMatchObject({ calls: 3, cachedCalls: 2, inputTokens: 10 });
  });

  it('caches what a stream produced', async () => {
    const model = new FakeModel(() => 'streamed once');
    const { client } = clientOf(model, { responseCache: new MemoryResponseCache() });
    const streamed = await resultFromStream(client.doStream({ ...ask, temperature: 0 }));
    const again = await client.doGenerate({ ...ask, temperature: 0 });
    expect(model.calls).toHaveLength(1);
    expect(again).toEqual({ ...streamed, latencySeconds: 0 });
  });

  it('does not cache sampled calls in auto mode, nor anything in never mode', async () => {
    const model = new FakeModel(() => 'x');
    const cache = new MemoryResponseCache();
    const auto = clientOf(model, { responseCache: cache }).client;
    await auto.doGenerate({ ...ask, temperature: 0.7 });
    await auto.doGenerate({ ...ask, temperature: 0.7 });
    const never = clientOf(model, { responseCache: cache, cache: 'never' }).client;
    await never.doGenerate({ ...ask, temperature: 0 });
    await never.doGenerate({ ...ask, temperature: 0 });
    expect(model.calls).toHaveLength(4);
    expect(cache.size).toBe(0);
    const always = clientOf(model, { responseCache: cache, cache: 'always' }).client;
    await always.doGenerate(ask);
    await always.doGenerate(ask);
    expect(model.calls).toHaveLength(5);
  });

  it('answers even when the cache cannot be written, with a warning', async () => {
    const model = new FakeModel(() => 'x');
    const broken = {
      get: () => undefined,
      set: () => {
        throw new Error('disk full');
      },
    };
    const { client } = clientOf(model, { responseCache: broken });
    const result = await client.doGenerate({ ...ask, temperature: 0 });
    expect(result.warnings).toEqual(['The answer could not be cached: disk full']);
  });
});

describe('createModelClient: accounting', () => {
  it('prices by the asked model (or the answering one), per model and in total, across clients', async () => {
    const account = new UsageAccount();
    const priceTable = {
      'fake:model': { inputPerMillion: 1_000_000, outputPerMillion: 2_000_000 },
      'other:thing-2025': { inputPerMillion: 1, outputPerMillion: 1 },
    };
    const first = clientOf(new FakeModel(() => 'abc'), { account, priceTable });
    const second = clientOf(new FakeModel(() => 'abcd', 'other', 'thing'), { account, priceTable });
    const unknown = clientOf(new FakeModel(() => 'z', 'nobody', 'knows'), { account, priceTable });
    await first.client.doGenerate(ask);
    await second.client.doGenerate(ask);
    await unknown.client.doGenerate(ask);
    expect(first.records[0]).toMatchObject({
      costUsd: 10 + 2 * 3,
      priced: true,
      answeredModelId: 'fake:model-2025',
    });
    expect(second.records[0]!.costUsd).toBeCloseTo(14 / 1_000_000, 15);
    expect(unknown.records[0]).toMatchObject({ costUsd: 0, priced: false });
    const report = account.report();
    expect(report).toMatchObject({ calls: 3, inputTokens: 30, outputTokens: 8 });
    expect(report.costUsd).toBeCloseTo(16.000014, 9);
    expect(Object.keys(report.byModel).sort()).toEqual(['fake:model', 'nobody:knows', 'other:thing']);
    expect(first.client.usage()).toEqual(report);
    expect(first.records[0]!.latencySeconds).toBe(0.5);
  });
});

/** A model whose stream yields `before` parts, then fails with `error` (when given) or finishes. */
function streamingModel(script: (index: number) => { before: number; error?: Error }): LanguageModel & {
  calls: number;
} {
  const model = {
    specificationVersion: 'loopgym-model-1' as const,
    provider: 'fake',
    modelName: 'stream',
    calls: 0,
    doGenerate: () => Promise.reject(new Error('not used')),
    async *doStream(): AsyncGenerator<StreamPart> {
      const { before, error } = script(model.calls++);
      await Promise.resolve();
      for (let index = 0; index < before; index++) yield { type: 'text-delta', text: `${index}` };
      if (error !== undefined) throw error;
      yield {
        type: 'finish',
        finishReason: 'stop',
        usage: { inputTokens: 1, outputTokens: before },
        latencySeconds: 0.1,
        modelId: 'fake:stream',
        warnings: [],
      };
    },
  };
  return model;
}

describe('createModelClient: streams', () => {
  it('retries a stream that fails before its first part', async () => {
    const model = streamingModel((index) =>
      index < 2 ? { before: 0, error: rateLimited() } : { before: 3 },
    );
    const { client, records } = clientOf(model);
    const result = await resultFromStream(client.doStream(ask));
    expect(result.text).toBe('012');
    expect(model.calls).toBe(3);
    expect(records[0]!.attempts).toBe(3);
  });

  it('ends with the error once parts were passed on, without retrying', async () => {
    const cut = new ApiCallError('cut', { provider: 'fake', isRetryable: true });
    const model = streamingModel(() => ({ before: 2, error: cut }));
    const { client, records } = clientOf(model);
    const seen: string[] = [];
    const consume = async (): Promise<void> => {
      for await (const part of client.doStream(ask)) if (part.type === 'text-delta') seen.push(part.text);
    };
    await expect(consume()).rejects.toBe(cut);
    expect(seen).toEqual(['0', '1']);
    expect(model.calls).toBe(1);
    expect(records[0]).toMatchObject({ error: cut, attempts: 1 });
  });

  it('releases its slot when the consumer stops early, and times out a silent stream', async () => {
    const limits = new ProviderLimits();
    const model = streamingModel(() => ({ before: 5 }));
    const { client } = clientOf(model, { providerLimits: limits, limits: { maxConcurrency: 1 } }, true);
    for await (const part of client.doStream(ask)) {
      expect(part.type).toBe('text-delta');
      break;
    }
    expect(limits.limiterFor('fake').inFlight).toBe(0);

    const silent: LanguageModel = {
      ...model,
      async *doStream(options: GenerateOptions): AsyncGenerator<StreamPart> {
        yield await Promise.resolve({ type: 'text-delta', text: 'a' } as const);
        await hangUntilAborted(options.abortSignal);
      },
    };
    const timed = clientOf(silent, { timeoutMs: 30, providerLimits: limits }, true).client;
    await expect(resultFromStream(timed.doStream(ask))).rejects.toBeInstanceOf(ModelTimeoutError);
    expect(limits.limiterFor('fake').inFlight).toBe(0);
  });
});
