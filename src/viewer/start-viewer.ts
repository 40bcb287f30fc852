// Serves the viewer over HTTP (127.0.0.1 unless told otherwise).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { InvalidArgumentError } from '../core/errors.js';
import type { RunStore } from '../store/run-store.js';
import { createViewerApp } from './viewer-app.js';

/** Options of {@link startViewer}. */
export interface StartViewerOptions {
  store: RunStore;
  /** Default 127.0.0.1 (this machine only). */
  host?: string | undefined;
  /** Default 8788; 0 picks a free port. */
  port?: number | undefined;
}

/** A running viewer. */
export interface RunningViewer {
  /** `http://127.0.0.1:8788/` */
  url: string;
  port: number;
  /** Stops listening and closes open connections (the store stays open). */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** The viewer's default port. */
export const DEFAULT_VIEWER_PORT = 8788;

/**
 * Starts the viewer on `host:port`. Requests must name the host it listens on (or a loopback name), which keeps
 * other web sites from reading it through DNS rebinding.
 *
 * @example
 * ```ts
 * const viewer = await startViewer({ store: openRunStore(), port: 0 });
 * console.log(viewer.url);
 * await viewer.close();
 * ```
 */
export async function startViewer(options: StartViewerOptions): Promise<RunningViewer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_VIEWER_PORT;
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(host);
  const anyAddress = host === '0.0.0.0' || host === '::';
  const app = createViewerApp({
    store: options.store,
    allowedHosts: anyAddress ? '*' : loopback ? undefined : [host.toLowerCase(), 'localhost', '127.0.0.1'],
  });
  const server = serve({ fetch: app.fetch, hostname: host, port, overrideGlobalObjects: false }) as Server;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        new InvalidArgumentError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} on ${host} is already in use. Choose another with --port (0 picks a free one).`
            : `The viewer could not listen on ${host}:${port}: ${error.message}`,
        ),
      );
    };
    server.once('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolve();
    });
  });
  const actual = (server.address() as AddressInfo).port;
  const shown = anyAddress ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  return { url: `http://${shown}:${actual}/`, port: actual, close, [Symbol.asyncDispose]: close };
}
