// The pure parts of the model server: fault plans, request limits, pieces of streams, schema examples, the default model.
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSimTokens } from '../../backends/sim/sim-profile.js';
import type { GenerateResult } from '../../models/language-model.js';
import { applyRequestLimits } from './apply-request-limits.js';
import { exampleFromSchema } from './example-from-schema.js';
import { FaultPlan } from './model-server-fault.js';
import { serverPurpose } from './server-call.js';
import { ServerSimModel } from './server-sim-model.js';
import { splitIntoPieces } from './split-into-pieces.js';

describe('FaultPlan', () => {
  it('uses up `times`, keeps faults without it, and respects paths and stream-only kinds', () => {
    const plan = new FaultPlan([
      { kind: 'status', status: 429, times: 2 },
      { kind: 'latency', ms: 10, path: '/v1/messages' },
      { kind: 'cut-stream', afterChunks: 2, times: 1 },
    ]);
    const chat = '/v1/chat/completions';
    expect(plan.take(chat, false)).toMatchObject({ status: { status: 429 }, latencyMs: 0 });
    expect(plan.take(chat, false).cutStreamAfterChunks).toBeUndefined();
    const stream = plan.take(chat, true);
    expect(stream.status).toBeUndefined();
    expect(stream.cutStreamAfterChunks).toBe(2);
    expect(plan.take(chat, true).cutStreamAfterChunks).toBeUndefined();
    expect(plan.take('/v1/messages', false).latencyMs).toBe(10);
    expect(plan.take('/v1/messages', false).latencyMs).toBe(10);
  });

  it('applies one status fault per request, leaving the next for the next request', () => {
    const plan = new FaultPlan([
      { kind: 'status', status: 500, times: 1 },
      { kind: 'status', status: 503, times: 1 },
    ]);
    expect(plan.take('/v1/messages', false).status?.status).toBe(500);
    expect(plan.take('/v1/messages', false).status?.status).toBe(503);
    expect(plan.take('/v1/messages', false).status).toBeUndefined();
  });

  it('refuses an invalid fault with what is wrong', () => {
    expect(() => new FaultPlan([{ kind: 'status', status: 200 }])).toThrow(
      /Invalid model server fault.*status/s,
    );
    expect(() => new FaultPlan([{ kind: 'latency', ms: 5, times: 0 }])).toThrow('times');
  });
});

function result(text: string, outputTokens = countSimTokens(text)): GenerateResult {
  return {
    text,
    toolCalls: [],
    finishReason: 'stop',
    usage: { inputTokens: 10, outputTokens },
    latencySeconds: 0,
    warnings: [],
    modelId: 'sim:x',
  };
}

describe('applyRequestLimits', () => {
  it('cuts at the earliest stop sequence, then at maxTokens', () => {
    const stopped = applyRequestLimits(result('alpha beta gamma'), {
      messages: [],
      stopSequences: ['gamma', ' beta'],
    });
    expect(stopped).toMatchObject({ result: { text: 'alpha', finishReason: 'stop' }, stopSequence: ' beta' });
    const short = applyRequestLimits(result('x'.repeat(40)), { messages: [], maxTokens: 5 });
    expect(short).toMatchObject({
      result: { text: 'x'.repeat(20), finishReason: 'length' },
      stopSequence: null,
    });
    expect(short.result.usage.outputTokens).toBe(5);
  });

  it('always leaves a prefix of the text within the limits', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 3 }),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        (text, stopSequences, maxTokens) => {
          const limited = applyRequestLimits(result(text), { messages: [], stopSequences, maxTokens });
          expect(text.startsWith(limited.result.text)).toBe(true);
          if (maxTokens !== undefined)
            expect(limited.result.usage.outputTokens).toBeLessThanOrEqual(maxTokens);
          for (const sequence of stopSequences) expect(limited.result.text.includes(sequence)).toBe(false);
          if (limited.result.finishReason === 'length') expect(limited.stopSequence).toBeNull();
        },
      ),
    );
  });
});

describe('splitIntoPieces', () => {
  it('splits into pieces of whole code points that join back', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 100 }),
        fc.integer({ min: 1, max: 20 }),
        (text, length) => {
          const pieces = splitIntoPieces(text, length);
          expect(pieces.join('')).toBe(text);
          for (const piece of pieces) expect(Array.from(piece).length).toBeLessThanOrEqual(length);
        },
      ),
    );
    expect(splitIntoPieces('😀😀😀', 2)).toEqual(['😀😀', '😀']);
  });
});

describe('exampleFromSchema', () => {
  const ajv = new Ajv({ strict: false });
  const leaf = fc.oneof(
    fc.constant({ type: 'string' }),
    fc.record({
      type: fc.constant('string'),
      minLength: fc.integer({ min: 0, max: 5 }),
      maxLength: fc.constant(8),
    }),
    fc.record({ type: fc.constantFrom('number', 'integer'), minimum: fc.integer({ min: -5, max: 5 }) }),
    fc.constant({ type: 'boolean' }),
    fc.constant({ type: 'null' }),
    fc.record({ enum: fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 3 }) }),
    fc.constant({ type: ['string', 'null'] }),
  );
  const schema = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ type: fc.constant('array'), items: tie('node'), minItems: fc.integer({ min: 0, max: 2 }) }),
      fc
        .dictionary(fc.stringMatching(/^[a-z]{1,6}$/), tie('node'), { maxKeys: 3 })
        .map((properties) => ({ type: 'object', properties, required: Object.keys(properties) })),
      fc.array(tie('node'), { minLength: 1, maxLength: 2 }).map((anyOf) => ({ anyOf })),
    ),
  }));

  it('gives a value that validates against the schema', () => {
    fc.assert(
      fc.property(schema.node, fc.string({ maxLength: 12 }), (node, text) => {
        const validate = ajv.compile(node as object);
        expect(validate(exampleFromSchema(node, text)), JSON.stringify(validate.errors)).toBe(true);
      }),
    );
  });

  it('uses the text for strings and fixed values for the rest', () => {
    expect(
      exampleFromSchema(
        { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 1 } } },
        'Paris',
      ),
    ).toEqual({ city: 'Paris', days: 1 });
  });
});

describe('ServerSimModel', () => {
  const tools = [
    {
      name: 'lookup',
      description: '',
      parameters: { type: 'object', properties: { term: { type: 'string' } } },
    },
    { name: 'other', description: '', parameters: { type: 'object', properties: {} } },
  ];

  it('calls a tool the user names, else none unless a tool is required', async () => {
    const model = new ServerSimModel('gpt-4.1');
    const named = await model.doGenerate({
      messages: [{ role: 'user', content: 'please use other' }],
      tools,
    });
    expect(named.toolCalls).toMatchObject([{ name: 'other', arguments: {} }]);
    const plain = await model.doGenerate({ messages: [{ role: 'user', content: 'just chat' }], tools });
    expect(plain.toolCalls).toEqual([]);
    expect(plain.text).toBe('just chat');
    const required = await model.doGenerate({
      messages: [{ role: 'user', content: 'just chat' }],
      tools,
      purpose: serverPurpose('required'),
    });
    expect(required.toolCalls).toMatchObject([{ name: 'lookup', arguments: { term: 'just chat' } }]);
    expect(required.finishReason).toBe('tool-calls');
  });

  it('gives distinct, repeatable tool call ids per conversation', async () => {
    const model = new ServerSimModel('gpt-4.1');
    const ask = (content: string) => model.doGenerate({ messages: [{ role: 'user', content }], tools });
    const [first, again, other] = await Promise.all([
      ask('use lookup'),
      ask('use lookup'),
      ask('use lookup now'),
    ]);
    expect(again.toolCalls[0]?.id).toBe(first.toolCalls[0]?.id);
    expect(other.toolCalls[0]?.id).not.toBe(first.toolCalls[0]?.id);
  });
});
