import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHttpFetch } from './node-http-fetch.js';

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('nodeHttpFetch', () => {
  it('sends method, headers and body with a length, and returns status, headers and body', async () => {
    const url = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        response.writeHead(201, {
          'content-type': 'application/json',
          'x-seen': request.headers['x-custom'] ?? '',
        });
        response.end(
          JSON.stringify({ method: request.method, body, length: request.headers['content-length'] ?? null }),
        );
      });
    });
    const response = await nodeHttpFetch(`${url}/path`, {
      method: 'POST',
      headers: { 'x-custom': 'yes' },
      body: 'héllo',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-seen')).toBe('yes');
    expect(await response.json()).toEqual({ method: 'POST', body: 'héllo', length: '6' });
  });

  it('answers a bodiless status, and streams event streams as they come', async () => {
    const url = await serve((request, response) => {
      if (request.url === '/empty') {
        response.writeHead(204).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: 1\n\n');
      setTimeout(() => response.end('data: 2\n\n'), 20);
    });
    expect((await nodeHttpFetch(`${url}/empty`)).status).toBe(204);
    const streamed = await nodeHttpFetch(`${url}/events`);
    expect(await streamed.text()).toBe('data: 1\n\ndata: 2\n\n');
  });

  it('fails like fetch: a refused connection, a body cut short, an abort', async () => {
    const refused = await nodeHttpFetch('http://127.0.0.1:1/').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as Error).message).toBe('fetch failed');
    expect(((refused as Error).cause as { code?: string }).code).toBe('ECONNREFUSED');

    const url = await serve((request, response) => {
      if (request.url === '/cut') {
        response.writeHead(200, { 'content-length': '100' });
        response.write('partial');
        setTimeout(() => response.destroy(), 10);
      }
      // /hang never answers.
    });
    await expect(nodeHttpFetch(`${url}/cut`)).rejects.toThrow(TypeError);
    const controller = new AbortController();
    const hanging = nodeHttpFetch(`${url}/hang`, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('enough')), 10);
    await expect(hanging).rejects.toThrow('enough');
    await expect(
      nodeHttpFetch(`${url}/hang`, { signal: AbortSignal.abort(new Error('before')) }),
    ).rejects.toThrow('before');
  });

  it('leaves what it does not handle to the global fetch', async () => {
    const url = await serve((_request, response) => response.end('from the server'));
    const response = await nodeHttpFetch(new Request(url));
    expect(await response.text()).toBe('from the server');
  });
});
