// A server-sent events response that can be slowed down or cut off, for stream fault injection.
import type { Socket } from 'node:net';
import { once } from 'node:events';

/** How to send the events of a stream. */
export interface SseResponseOptions {
  /** Milliseconds to wait before each event after the first. */
  chunkDelayMs?: number;
  /** Send this many events, then close the connection without ending the stream. */
  cutAfterChunks?: number | undefined;
  /** The connection to close when cutting (without it, the stream errors instead). */
  socket?: Socket | undefined;
  /** Called once the last event is sent, or once the stream is cut or cancelled. */
  onEnd?: (outcome: 'complete' | 'cut' | 'cancelled') => void;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A `text/event-stream` response sending already formatted events (`data: …\n\n`) one at a time.
 *
 * @example
 * ```ts
 * return sseResponse(['data: {"a":1}\n\n', 'data: [DONE]\n\n'], { chunkDelayMs: 50 });
 * ```
 */
export function sseResponse(events: readonly string[], options: SseResponseOptions = {}): Response {
  const encoder = new TextEncoder();
  let index = 0;
  let ended = false;
  const end = (outcome: 'complete' | 'cut' | 'cancelled'): void => {
    if (ended) return;
    ended = true;
    options.onEnd?.(outcome);
  };
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (options.cutAfterChunks !== undefined && index >= options.cutAfterChunks) {
        end('cut');
        const socket = options.socket;
        if (socket === undefined || socket.destroyed) {
          controller.error(new Error('Stream cut by an injected fault.'));
          return;
        }
        // Let the server write the events already handed over (it does so right after reading them), then
        // half-close: what was written is flushed and the client sees the connection end mid-stream.
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setImmediate(resolve));
        const closed = once(socket, 'close');
        socket.end();
        await Promise.race([closed, sleep(1000)]);
        socket.destroy();
        controller.error(new Error('Stream cut by an injected fault.'));
        return;
      }
      if (index > 0 && (options.chunkDelayMs ?? 0) > 0) await sleep(options.chunkDelayMs ?? 0);
      const event = events[index];
      if (event === undefined) {
        controller.close();
        end('complete');
        return;
      }
      index += 1;
      controller.enqueue(encoder.encode(event));
    },
    cancel() {
      end('cancelled');
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  });
}
