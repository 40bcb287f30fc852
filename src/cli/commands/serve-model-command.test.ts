import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../core/errors.js';
import type { CliIo } from '../cli-io.js';
import { addServeModelCommand, parseFaultFlag, serveModelOptions } from './serve-model-command.js';

describe('parseFaultFlag', () => {
  it.each([
    ['status:429', { kind: 'status', status: 429 }],
    ['status:429:2', { kind: 'status', status: 429, times: 2 }],
    ['status:429:2:retry-after=1.5', { kind: 'status', status: 429, times: 2, retryAfterSeconds: 1.5 }],
    ['status:503::retry-after=0', { kind: 'status', status: 503, retryAfterSeconds: 0 }],
    ['latency:500', { kind: 'latency', ms: 500 }],
    [
      'cut-stream:3:1:path=chat',
      { kind: 'cut-stream', afterChunks: 3, times: 1, path: '/v1/chat/completions' },
    ],
    ['slow-stream:50:*:path=messages', { kind: 'slow-stream', chunkDelayMs: 50, path: '/v1/messages' }],
    ['malformed-json', { kind: 'malformed-json' }],
    ['malformed-json:1', { kind: 'malformed-json', times: 1 }],
    ['drop-connection:3:path=/v1/messages', { kind: 'drop-connection', times: 3, path: '/v1/messages' }],
  ])('reads %s', (text, fault) => {
    expect(parseFaultFlag(text)).toEqual(fault);
  });

  it.each([
    ['teapot:418', 'unknown kind `teapot`'],
    ['status', '`status` needs its HTTP status'],
    ['status:abc', '`status` needs its HTTP status'],
    ['status:200', 'status'],
    ['latency:10:0', 'times'],
    ['status:429:1:2', 'unexpected `2`'],
    ['latency:10:retry-after=1', 'unexpected `retry-after=1`'],
    ['drop-connection:path=elsewhere', 'path is `chat` or `messages`'],
    ['malformed-json:x', 'unexpected `x`'],
  ])('refuses %s, saying what is wrong and how to write it', (text, problem) => {
    let error: unknown;
    try {
      parseFaultFlag(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toContain(problem);
    expect((error as Error).message).toContain('e.g. status:429:2:retry-after=1');
  });
});

describe('serveModelOptions', () => {
  it('turns the flags into server options', () => {
    expect(
      serveModelOptions({
        port: '9000',
        host: '0.0.0.0',
        latency: '25',
        apiKey: 'secret',
        fault: ['status:429:1', 'latency:100'],
      }),
    ).toEqual({
      host: '0.0.0.0',
      port: 9000,
      latencyMs: 25,
      apiKey: 'secret',
      faults: [
        { kind: 'status', status: 429, times: 1 },
        { kind: 'latency', ms: 100 },
      ],
    });
  });

  it('refuses bad numbers', () => {
    expect(() => serveModelOptions({ port: 'x', host: '127.0.0.1', fault: [] })).toThrow('--port');
    expect(() => serveModelOptions({ port: '70000', host: '127.0.0.1', fault: [] })).toThrow('at most 65535');
    expect(() => serveModelOptions({ port: '0', host: '127.0.0.1', latency: '-1', fault: [] })).toThrow(
      '--latency',
    );
  });
});

describe('loopgym serve-model', () => {
  it('prints the base URL, serves until stopped, logs requests, then closes', async () => {
    let out = '';
    let err = '';
    const io: CliIo = {
      out: (text) => (out += `${text}\n`),
      err: (text) => (err += `${text}\n`),
      interactive: false,
    };
    let served: unknown;
    const program = new Command().exitOverride();
    addServeModelCommand(program, io, async () => {
      const url = out.trim();
      const response = await fetch(`${url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'ping' }] }),
      });
      served = { status: response.status, body: await response.json() };
    });
    await program.parseAsync(['serve-model', '--port', '0', '--api-key', 'k', '--fault', 'latency:1:1'], {
      from: 'user',
    });
    expect(out).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\n$/);
    expect(served).toMatchObject({ status: 200, body: { choices: [{ message: { content: 'ping' } }] } });
    expect(err).toContain('POST /v1/chat/completions gpt-4.1-mini → 200 [latency]');
    expect(err).toContain('Model server stopped.');
    const port = /:(\d+)\/v1/.exec(out)![1]!;
    await expect(fetch(`http://127.0.0.1:${port}/v1/models`)).rejects.toThrow();
  });
});
