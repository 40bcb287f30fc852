// The viewer's JSON API: every parameter checked with zod; unknown runs and episodes are 404s, bad input 400s.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { LoopGymError } from '../core/errors.js';
import type { RunStore } from '../store/run-store.js';
import { StoreError } from '../store/store-error.js';
import { comparisonDetail, episodeDetail, listRunRows, runDetail, storeFingerprint } from './viewer-data.js';

const runId = z
  .string()
  .regex(/^[0-9A-Za-z-]{1,64}$/, 'a run id (or prefix): letters, digits and dashes, at most 64');

const runsQuery = z
  .object({
    env: z.string().min(1).max(200).optional(),
    kind: z.enum(['eval', 'train', 'loop']).optional(),
    status: z.enum(['running', 'completed', 'failed', 'interrupted']).optional(),
    limit: z.coerce.number().int().min(1).max(5000).optional(),
  })
  .strict();

const episodeParams = z.object({
  run: runId,
  index: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

const compareQuery = z
  .object({
    runs: z
      .string()
      .transform((text) => text.split(',').filter((part) => part !== ''))
      .pipe(z.array(runId).min(2, 'at least two runs, separated by commas').max(8, 'at most eight runs')),
  })
  .strict();

/** A problem with a request, answered as JSON with its HTTP status. */
export class ViewerRequestError extends LoopGymError {
  readonly status: 400 | 403 | 404 | 405;
  readonly issues: string[];

  constructor(status: 400 | 403 | 404 | 405, message: string, issues: string[] = []) {
    super(message, { code: 'viewer-request' });
    this.status = status;
    this.issues = issues;
  }
}

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ViewerRequestError(
    400,
    `Bad ${what}: ${result.error.issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`).join('; ')}.`,
    result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
  );
}

/**
 * The `/api` routes over a store: `GET /api/runs`, `/api/runs/:run`, `/api/runs/:run/episodes/:index`,
 * `/api/compare?runs=a,b`, `/api/fingerprint`. Store errors become 404 (no such run or episode) or 400 (ambiguous
 * prefix).
 *
 * @example
 * ```ts
 * const app = new Hono().route('/api', createViewerApi(() => store));
 * ```
 */
export function createViewerApi(store: () => RunStore): Hono {
  const api = new Hono();
  api.get('/runs', (c) => {
    const query = parse(runsQuery, c.req.query(), 'query');
    return c.json({
      runs: listRunRows(store(), {
        envId: query.env,
        kind: query.kind,
        status: query.status,
        limit: query.limit ?? 1000,
      }),
    });
  });
  api.get('/runs/:run', (c) =>
    answer(c, () => runDetail(store(), parse(runId, c.req.param('run'), 'run id'))),
  );
  api.get('/runs/:run/episodes/:index', (c) =>
    answer(c, () => {
      const params = parse(episodeParams, c.req.param(), 'episode');
      return episodeDetail(store(), params.run, params.index);
    }),
  );
  api.get('/compare', (c) =>
    answer(c, () => comparisonDetail(store(), parse(compareQuery, c.req.query(), 'query').runs)),
  );
  api.get('/fingerprint', (c) => c.json({ fingerprint: storeFingerprint(store()) }));
  api.all('*', (c) => {
    throw new ViewerRequestError(
      c.req.method === 'GET' ? 404 : 405,
      c.req.method === 'GET'
        ? `No API route ${c.req.path}. Routes: /api/runs, /api/runs/<run>, /api/runs/<run>/episodes/<index>, /api/compare?runs=<a>,<b>.`
        : `The viewer's API only reads: ${c.req.method} is not allowed.`,
    );
  });
  return api;
}

function answer(c: Context, read: () => unknown): Response {
  try {
    return c.json(read() as object);
  } catch (error) {
    if (error instanceof StoreError) {
      const notFound = error.code === 'run-not-found' || error.code === 'episode-not-found';
      throw new ViewerRequestError(notFound ? 404 : 400, error.message);
    }
    throw error;
  }
}
