// The viewer's web app: its own files, the JSON API over the store, strict security headers, JSON errors.
import { Hono } from 'hono';
import type { RunStore } from '../store/run-store.js';
import { loadStaticFiles, type StaticFile } from './static-files.js';
import { createViewerApi, ViewerRequestError } from './viewer-api.js';

/**
 * The Content-Security-Policy of every answer: scripts, styles, images and requests from the viewer itself only; no
 * inline script, no plugins, no framing, no forms.
 */
export const VIEWER_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Options of {@link createViewerApp}. */
export interface ViewerAppOptions {
  /** The store read on each request (a function, so a caller can reopen it). */
  store: RunStore | (() => RunStore);
  /**
   * Host names the app answers to (the `Host` header without the port); default the loopback names, which keeps other
   * sites from reaching a viewer on 127.0.0.1 through DNS rebinding. `'*'` accepts any.
   */
  allowedHosts?: readonly string[] | '*' | undefined;
  /** The static files (tests); default {@link loadStaticFiles}. */
  files?: Map<string, StaticFile> | undefined;
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1'];

/**
 * The viewer as a hono app (serve it with `@hono/node-server`, or call `app.request` in tests): `GET /` is the page,
 * `/static/*` and `/vendor/*` its files, `/api/*` the store's data. Every answer carries a strict CSP and
 * `nosniff`; anything else is a 4xx JSON error `{ error, issues? }`.
 *
 * @example
 * ```ts
 * const app = createViewerApp({ store: openRunStore() });
 * const response = await app.request('/api/runs');
 * ```
 */
export function createViewerApp(options: ViewerAppOptions): Hono {
  const files = options.files ?? loadStaticFiles();
  const store =
    typeof options.store === 'function'
      ? options.store
      : (
          (store) => () =>
            store
        )(options.store);
  const allowed = options.allowedHosts ?? LOOPBACK_HOSTS;
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (allowed !== '*') {
      const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase().replace(/:\d+$/, '');
      if (!allowed.includes(host))
        throw new ViewerRequestError(
          403,
          `This viewer answers requests for ${allowed.join(', ')}, not ${host}. Start it with --host ${host} to serve that name.`,
        );
    }
    await next();
    c.header('Content-Security-Policy', VIEWER_CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
  });
  app.route('/api', createViewerApi(store));
  app.get('/', (c) => serveFile(c.req.path, files.get('/static/index.html')));
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('*', (c) => {
    const file = files.get(c.req.path);
    if (file === undefined)
      throw new ViewerRequestError(
        404,
        `Nothing at ${c.req.path}. The viewer serves /, its files under /static/ and /vendor/, and its API under /api/.`,
      );
    return serveFile(c.req.path, file);
  });
  app.all('*', (c) => {
    throw new ViewerRequestError(405, `The viewer only reads: ${c.req.method} ${c.req.path} is not allowed.`);
  });
  app.onError((error, c) => {
    const headers = {
      'Content-Security-Policy': VIEWER_CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    if (error instanceof ViewerRequestError) {
      const body =
        error.issues.length === 0 ? { error: error.message } : { error: error.message, issues: error.issues };
      return c.json(body, error.status, headers);
    }
    return c.json({ error: `The viewer failed on ${c.req.path}: ${error.message}` }, 500, headers);
  });
  return app;
}

function serveFile(path: string, file: StaticFile | undefined): Response {
  if (file === undefined) throw new ViewerRequestError(404, `Nothing at ${path}.`);
  return new Response(file.body, { headers: { 'Content-Type': file.contentType } });
}
