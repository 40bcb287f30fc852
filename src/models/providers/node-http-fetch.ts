// A `fetch` over node:http(s) with keep-alive agents: the SDKs' requests at a fraction of undici fetch's CPU.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { abortReason } from '../middleware/clock.js';

/** Statuses whose responses have no body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

/** The body as bytes or text when it is one of the simple kinds this fetch sends itself; `undefined` otherwise. */
function simpleBody(body: unknown): string | Uint8Array | null | undefined {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return undefined;
}

function headersOf(raw: readonly string[]): Headers {
  const headers = new Headers();
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index]!, raw[index + 1]!);
  return headers;
}

/**
 * A `fetch` for the provider SDKs that sends requests with `node:http`/`node:https` and shared keep-alive agents,
 * which costs several times less CPU per call than the global (undici) `fetch`. Answers are buffered whole, except
 * event streams, which are passed on as they arrive (answers are asked for uncompressed). Network failures reject with `TypeError('fetch failed')` and
 * the cause, as the global `fetch` does; an abort rejects with the signal's reason. Requests it does not handle
 * (a `Request` object, a streamed or form body) go to the global `fetch`.
 *
 * @example
 * ```ts
 * const client = new OpenAI({ apiKey, fetch: nodeHttpFetch });
 * ```
 */
export const nodeHttpFetch: typeof fetch = (input, init) => {
  const body = simpleBody(init?.body);
  if (!(typeof input === 'string' || input instanceof URL) || body === undefined) return fetch(input, init);
  const url = typeof input === 'string' ? new URL(input) : input;
  const agent =
    url.protocol === 'https:' ? agents['https:'] : url.protocol === 'http:' ? agents['http:'] : undefined;
  if (agent === undefined) return fetch(input, init);
  const signal = init?.signal ?? undefined;
  if (signal?.aborted === true) return Promise.reject(abortReason(signal));

  return new Promise<Response>((resolve, reject) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    // Answers are read as sent: ask for them uncompressed.
    headers['accept-encoding'] = 'identity';
    if (body !== null)
      headers['content-length'] = String(
        typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
      );
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: init?.method ?? 'GET',
      headers,
      agent,
    });
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      reject(error);
    };
    const onAbort = (): void => {
      const reason = abortReason(signal!);
      fail(reason);
      request.destroy(reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', (error) =>
      fail(signal?.aborted === true ? abortReason(signal) : new TypeError('fetch failed', { cause: error })),
    );
    request.on('response', (response) => {
      const status = response.statusCode ?? 500;
      const responseHeaders = headersOf(response.rawHeaders);
      const options = { status, statusText: response.statusMessage ?? '', headers: responseHeaders };
      if (NULL_BODY_STATUSES.has(status)) {
        response.resume();
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        resolve(new Response(null, options));
        return;
      }
      if ((responseHeaders.get('content-type') ?? '').includes('text/event-stream')) {
        // A stream stays cancellable by the signal until it ends.
        response.once('close', () => signal?.removeEventListener('abort', onAbort));
        settled = true;
        resolve(new Response(Readable.toWeb(response) as ReadableStream<Uint8Array>, options));
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => fail(new TypeError('fetch failed', { cause: error })));
      response.on('aborted', () =>
        fail(new TypeError('terminated', { cause: new Error('The connection closed mid-answer.') })),
      );
      response.on('end', () => {
        if (settled) return;
        if (!response.complete) {
          fail(new TypeError('terminated', { cause: new Error('The connection closed mid-answer.') }));
          return;
        }
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        resolve(new Response(Buffer.concat(chunks), options));
      });
    });
    request.end(body ?? undefined);
  });
};
