// P3 `api_latency`: every model call takes longer.
import { z } from 'zod';
import { createRng } from '../../core/random/rng.js';
import { deriveSeed } from '../derive-seed.js';
import { mapBackendModels, transformModel } from './map-backend-models.js';
import type { PerturbationDefinition } from './perturbation.js';

const parameters = z.strictObject({
  /** Seconds added to each call on average (default 2). */
  seconds: z.number().min(0).default(2),
  /** Spread of the added seconds: each call adds `seconds · (1 + jitter · u)`, u uniform on [−1, 1) (default 0.5). */
  jitter: z.number().min(0).max(1).default(0.5),
  /** Which calls: `all` (default) or only `workers`. */
  callers: z.enum(['all', 'workers']).default('all'),
});

/**
 * `api_latency` (LoopBench P3): each model call reports `seconds` more latency (seeded jitter per call), so the
 * episode clock, the `telemetry.latency` metric and the workers' `timeout_seconds` feel it: a call slower than its
 * worker's timeout is a `timeout`.
 *
 * @example
 * ```ts
 * make('loopbench/code-repair-v1', { perturbations: [{ name: 'api_latency', seconds: 30 }] });
 * ```
 */
export const apiLatency: PerturbationDefinition<z.infer<typeof parameters>> = {
  name: 'api_latency',
  description: 'Adds latency to every model call (seeded jitter), feeding speed and timeouts.',
  parameters,
  apply(episode, { seconds, jitter, callers }, seed) {
    let calls = 0;
    episode.backend = mapBackendModels(episode.backend, {
      model: (model, caller) =>
        callers === 'workers' && caller.kind !== 'worker'
          ? model
          : transformModel(model, {
              after: (result, options) => {
                const rng = createRng(deriveSeed(seed, caller.kind, caller.id, options.seed ?? calls++));
                const added = seconds * (1 + jitter * (2 * rng.random() - 1));
                return { ...result, latencySeconds: result.latencySeconds + added };
              },
            }),
    });
    return {};
  },
};
