// The live backend as `make(id, { backend: 'live' })` builds it: providers behind the model facade, with a response cache.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { LoopBackend } from '../../loop/loop-backend.js';
import type { ResponseCache } from '../../models/middleware/response-cache.js';
import { SqliteResponseCache } from '../../models/middleware/sqlite-response-cache.js';
import { createModelClient, type ModelClientOptions } from '../../models/model-client.js';
import { createModel } from '../../models/provider-registry.js';
import { createLiveBackend, type ModelOverrides } from './live-backend.js';

/** Options of {@link createDefaultLiveBackend}. */
export interface DefaultLiveBackendOptions {
  /** Models replacing the spec's (`--model`). */
  models?: ModelOverrides | undefined;
  /** The facade's options (retries, limits, timeouts, price table, `onCall`); `responseCache` defaults as below. */
  client?: ModelClientOptions | undefined;
  /** Where answers are cached: a cache, a SQLite file path, or `false` for none. Default: the user cache file. */
  responseCache?: ResponseCache | string | false | undefined;
}

/**
 * The default response cache file: `$LOOPGYM_CACHE_DIR/responses.sqlite`, else `~/.cache/loopgym/responses.sqlite`.
 *
 * @example
 * ```ts
 * defaultResponseCachePath(); // '/home/me/.cache/loopgym/responses.sqlite'
 * ```
 */
export function defaultResponseCachePath(): string {
  return join(process.env.LOOPGYM_CACHE_DIR ?? join(homedir(), '.cache', 'loopgym'), 'responses.sqlite');
}

/** One cache per file for the whole process. */
const sharedCaches = new Map<string, SqliteResponseCache>();

/**
 * A live backend over the registered providers (`openai`, `anthropic`, …): each model behind the facade (retries,
 * per-provider limits, timeouts, accounting) and a response cache that answers repeated temperature-0 calls for free.
 * Keys come from the providers' environment variables; a missing key is an error that names the variable.
 *
 * @example
 * ```ts
 * const env = make('loopbench/code-repair-v1', { backend: 'live', models: 'openai:gpt-4.1-mini' });
 * ```
 */
export function createDefaultLiveBackend(options: DefaultLiveBackendOptions = {}): LoopBackend {
  let responseCache: ResponseCache | undefined;
  if (options.responseCache === false) responseCache = undefined;
  else if (typeof options.responseCache === 'string')
    responseCache = new SqliteResponseCache(options.responseCache);
  else if (options.responseCache !== undefined) responseCache = options.responseCache;
  else {
    const path = defaultResponseCachePath();
    mkdirSync(join(path, '..'), { recursive: true });
    let cache = sharedCaches.get(path);
    if (cache === undefined) {
      cache = new SqliteResponseCache(path);
      sharedCaches.set(path, cache);
    }
    responseCache = cache;
  }
  return createLiveBackend({
    models: options.models,
    createModel: (modelId) =>
      createModelClient(createModel(modelId), {
        ...options.client,
        ...(responseCache === undefined ? {} : { responseCache }),
      }),
  });
}
