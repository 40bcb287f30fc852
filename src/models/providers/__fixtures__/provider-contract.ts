// The contract every remote provider passes, end to end through the local model server and the provider's real SDK.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedLanguageModel } from '../../../testing/scripted-language-model.js';
import { startModelServer, type ModelServer, type ModelServerOptions } from '../../../testing/model-server/index.js';
import type { ModelServerFault } from '../../../testing/model-server/index.js';
import { resultFromStream, type GenerateOptions, type LanguageModel, type ModelMessage } from '../../language-model.js';
import { ProviderLimits } from '../../middleware/provider-limits.js';
import { createModelClient, type ModelClient, type ModelClientOptions } from '../../model-client.js';
import { ApiCallError, MissingApiKeyError, ModelTimeoutError } from '../../model-errors.js';

/** A provider as the contract drives it. */
export interface ProviderUnderTest {
  name: string;
  /** The endpoint the provider posts to. */
  path: '/v1/chat/completions' | '/v1/messages';
  /** The provider's model of `modelName` on `server`, with `apiKey` (default `test-key`). */
  make(server: ModelServer, modelName: string, options?: { apiKey?: string }): LanguageModel;
  /** The same with no key anywhere (neither option nor environment). */
  makeWithoutKey(): LanguageModel;
  /** The environment variable named when the key is missing. */
  keyVariable: string;
}

const weatherTool = {
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: {
    type: 'object',
    properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } },
    required: ['city', 'days'],
  },
};

const hello: GenerateOptions = { messages: [{ role: 'user', content: 'Hello there, model' }] };

/**
 * Defines the provider contract's tests: whole and streamed answers, tool calls (and their round trip), JSON,
 * abort, a missing or wrong key, and every fault kind of the model server through the facade.
 */
export function runProviderContract(provider: ProviderUnderTest): void {
  let server: ModelServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function modelOn(options: ModelServerOptions = {}, modelName = 'gpt-4.1-mini'): Promise<LanguageModel> {
    server = await startModelServer(options);
    return provider.make(server, modelName);
  }

  function clientOf(model: LanguageModel, options: ModelClientOptions = {}): ModelClient {
    return createModelClient(model, {
      providerLimits: new ProviderLimits(),
      retries: { initialDelayMs: 1, maxDelayMs: 5, random: () => 1 },
      ...options,
    });
  }

  describe(`${provider.name} provider contract`, () => {
    it('answers a whole call with text, usage, finish reason, latency and the answering model', async () => {
      const model = await modelOn();
      const result = await model.doGenerate({ ...hello, temperature: 0.2, maxTokens: 50 });
      expect(result.text).toBe('Hello there, model');
      expect(result.finishReason).toBe('stop');
      expect(result.usage.outputTokens).toBe(5);
      expect(result.usage.inputTokens).toBeGreaterThan(0);
      expect(result.latencySeconds).toBeGreaterThan(0);
      expect(result.modelId).toBe(`${provider.name}:gpt-4.1-mini`);
      expect(result.warnings).toEqual([]);
      expect(server!.requests[0]).toMatchObject({ path: provider.path, stream: false, status: 200 });
    });

    it('streams the same answer in parts, ending with usage', async () => {
      const model = await modelOn();
      const content = 'A longer message that will certainly need several stream chunks to arrive.';
      const parts = [];
      for await (const part of model.doStream({ messages: [{ role: 'user', content }] })) parts.push(part);
      expect(parts.filter((part) => part.type === 'text-delta').length).toBeGreaterThan(2);
      const text = parts.map((part) => (part.type === 'text-delta' ? part.text : '')).join('');
      const finish = parts.at(-1);
      expect(text).toBe(content);
      expect(finish?.type === 'finish' ? finish.usage.outputTokens : -1).toBe(Math.ceil(content.length / 4));
      expect(server!.requests[0]).toMatchObject({ stream: true });
    });

    it('returns tool calls with parsed arguments, whole and streamed', async () => {
      const model = await modelOn();
      const call: GenerateOptions = {
        messages: [{ role: 'user', content: 'Use get_weather for Paris' }],
        tools: [weatherTool],
      };
      const whole = await model.doGenerate(call);
      expect(whole.finishReason).toBe('tool-calls');
      expect(whole.toolCalls.map(({ name, arguments: args }) => ({ name, args }))).toEqual([
        { name: 'get_weather', args: { city: 'Use get_weather for Paris', days: 1 } },
      ]);
      expect(whole.toolCalls[0]?.id).not.toBe('');
      const streamed = await resultFromStream(model.doStream(call));
      expect(streamed.toolCalls.map(({ name, arguments: args }) => ({ name, args }))).toEqual([
        { name: 'get_weather', args: { city: 'Use get_weather for Paris', days: 1 } },
      ]);
      expect(streamed.finishReason).toBe('tool-calls');
    });

    it('sends a conversation with tool calls and results that the server reads back as sent', async () => {
      const scripted = new ScriptedLanguageModel(['It is sunny.']);
      const model = await modelOn({ models: () => scripted });
      const messages: ModelMessage[] = [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Weather in Oslo and Rome?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [
            { id: 'call_1', name: 'get_weather', arguments: { city: 'Oslo', days: 1 } },
            { id: 'call_2', name: 'get_weather', arguments: { city: 'Rome', days: 2 } },
          ],
        },
        { role: 'tool', toolCallId: 'call_1', name: 'get_weather', content: 'Sunny' },
        { role: 'tool', toolCallId: 'call_2', name: 'get_weather', content: 'Rain' },
      ];
      const result = await model.doGenerate({
        messages,
        tools: [weatherTool],
        temperature: 0,
        topP: 0.5,
        maxTokens: 64,
        stopSequences: ['END'],
      });
      expect(result.text).toBe('It is sunny.');
      const seen = scripted.calls[0]!;
      expect(seen.messages).toEqual(messages);
      expect(seen).toMatchObject({ temperature: 0, topP: 0.5, maxTokens: 64, stopSequences: ['END'] });
      expect(seen.tools).toEqual([weatherTool]);
    });

    it('asks for JSON and gets it', async () => {
      const model = await modelOn();
      const schema = {
        type: 'object',
        properties: { score: { type: 'number' } },
        required: ['score'],
        additionalProperties: false,
      };
      const result = await model.doGenerate({ ...hello, responseFormat: { type: 'json', schema } });
      expect(() => JSON.parse(result.text) as unknown).not.toThrow();
    });

    it('refuses to run without a key, naming the variable', () => {
      expect(() => provider.makeWithoutKey()).toThrow(MissingApiKeyError);
      expect(() => provider.makeWithoutKey()).toThrow(provider.keyVariable);
    });

    it('fails a wrong key with a final 401 that shows no key, and hides the key when printed', async () => {
      server = await startModelServer({ apiKey: 'the-right-key-123456' });
      const model = provider.make(server, 'gpt-4.1-mini', { apiKey: 'sk-wrong-key-abcdef123456' });
      expect(inspect(model, { depth: 5, showHidden: true })).not.toContain('sk-wrong-key-abcdef123456');
      const client = clientOf(model);
      const error = await client.doGenerate(hello).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiCallError);
      expect(error).toMatchObject({ status: 401, isRetryable: false, provider: provider.name });
      expect(inspect(error, { depth: Infinity, showHidden: true })).not.toContain('sk-wrong-key-abcdef123456');
      expect(server.requests).toHaveLength(1);
    });

    it('aborts a call in flight', async () => {
      const model = await modelOn({ latencyMs: 5_000 });
      const controller = new AbortController();
      const running = model.doGenerate({ ...hello, abortSignal: controller.signal });
      setTimeout(() => controller.abort(new Error('stop now')), 20);
      await expect(running).rejects.toThrow('stop now');
    });

    describe('faults, through the facade', () => {
      async function withFaults(faults: ModelServerFault[], options: ModelClientOptions = {}) {
        const model = await modelOn({ faults });
        return clientOf(model, options);
      }

      it.each([408, 409, 429, 500, 502, 503, 529])('retries a %i to success', async (status) => {
        const records: number[] = [];
        const client = await withFaults([{ kind: 'status', status, retryAfterSeconds: 0, times: 2 }], {
          onCall: (record) => records.push(record.attempts),
        });
        await expect(client.doGenerate(hello)).resolves.toMatchObject({ text: 'Hello there, model' });
        expect(records).toEqual([3]);
        expect(server!.requests.map((request) => request.status)).toEqual([status, status, 200]);
      });

      it('ends a final status (400, 404) at once with an ApiCallError', async () => {
        for (const status of [400, 404]) {
          const client = await withFaults([{ kind: 'status', status }]);
          const error = await client.doGenerate(hello).catch((caught: unknown) => caught);
          expect(error).toMatchObject({ status, isRetryable: false });
          expect((error as Error).cause).toBeInstanceOf(Error);
          expect(server!.requests).toHaveLength(1);
          await server!.close();
        }
      });

      it('honours Retry-After from the server', async () => {
        const client = await withFaults([{ kind: 'status', status: 429, retryAfterSeconds: 0.2, times: 1 }], {
          retries: { maxDelayMs: 10_000, random: () => 0 },
        });
        const started = performance.now();
        await client.doGenerate(hello);
        expect(performance.now() - started).toBeGreaterThanOrEqual(190);
      });

      it('retries a dropped connection and a malformed answer to success', async () => {
        for (const kind of ['drop-connection', 'malformed-json'] as const) {
          const client = await withFaults([{ kind, times: 1 }]);
          await expect(client.doGenerate(hello)).resolves.toMatchObject({ text: 'Hello there, model' });
          await expect(resultFromStream(client.doStream({ ...hello, temperature: 0.5 }))).resolves.toMatchObject({
            text: 'Hello there, model',
          });
          await server!.close();
        }
      });

      it('ends with a retryable ApiCallError and its cause when the connection always drops', async () => {
        const client = await withFaults([{ kind: 'drop-connection' }], { retries: { maxAttempts: 3, initialDelayMs: 1 } });
        const error = await client.doGenerate(hello).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ApiCallError);
        expect(error).toMatchObject({ isRetryable: true, status: undefined });
        expect((error as Error).cause).toBeInstanceOf(Error);
        expect(server!.requests).toHaveLength(3);
      });

      it('retries a stream cut before its first part; a stream cut later ends with an ApiCallError', async () => {
        const content = 'A longer message that will certainly need several stream chunks to arrive.';
        const early = await withFaults([{ kind: 'cut-stream', afterChunks: 0, times: 1 }]);
        const whole = await resultFromStream(early.doStream({ messages: [{ role: 'user', content }] }));
        expect(whole.text).toBe(content);
        await server!.close();

        const late = await withFaults([{ kind: 'cut-stream', afterChunks: 4 }]);
        const seen: string[] = [];
        const consume = async (): Promise<void> => {
          for await (const part of late.doStream({ messages: [{ role: 'user', content }] })) {
            if (part.type === 'text-delta') seen.push(part.text);
          }
        };
        const error = await consume().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ApiCallError);
        expect(seen.length).toBeGreaterThan(0);
        expect(server!.requests).toHaveLength(1);
      });

      it('times out a slow stream and a slow answer, and finishes them with a longer timeout', async () => {
        const slow = await withFaults([{ kind: 'slow-stream', chunkDelayMs: 150 }], {
          timeoutMs: 50,
          retries: { maxAttempts: 2, initialDelayMs: 1 },
        });
        await expect(resultFromStream(slow.doStream(hello))).rejects.toBeInstanceOf(ModelTimeoutError);
        const patient = clientOf(provider.make(server!, 'gpt-4.1-mini'), { timeoutMs: 2_000 });
        server!.setFaults([{ kind: 'slow-stream', chunkDelayMs: 20 }]);
        await expect(resultFromStream(patient.doStream(hello))).resolves.toMatchObject({ text: 'Hello there, model' });

        server!.setFaults([{ kind: 'latency', ms: 300, times: 1 }]);
        const quick = clientOf(provider.make(server!, 'gpt-4.1-mini'), { timeoutMs: 100 });
        const records: number[] = [];
        const retried = createModelClient(quick.model, {
          providerLimits: new ProviderLimits(),
          timeoutMs: 100,
          retries: { initialDelayMs: 1 },
          onCall: (record) => records.push(record.attempts),
        });
        await expect(retried.doGenerate(hello)).resolves.toMatchObject({ text: 'Hello there, model' });
        expect(records).toEqual([2]);
      });
    });
  });
}
