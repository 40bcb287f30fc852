// Faults a local model server can inject, and the plan that decides which requests they hit.
import { z } from 'zod';

/** The model endpoints a fault can be limited to. */
export type ModelServerFaultPath = '/v1/chat/completions' | '/v1/messages';

const faultTarget = {
  /** Apply to the next `times` matching requests only; every matching request when left out. */
  times: z.int().min(1).optional(),
  /** Only requests to this endpoint; both model endpoints when left out. */
  path: z.enum(['/v1/chat/completions', '/v1/messages']).optional(),
};

/**
 * The schema of one fault, for checking faults that come from outside (CLI flags, JSON files).
 *
 * @example
 * ```ts
 * const fault = modelServerFaultSchema.parse(JSON.parse('{"kind": "latency", "ms": 250, "times": 3}'));
 * ```
 */
export const modelServerFaultSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('status'),
    status: z.int().min(400).max(599),
    retryAfterSeconds: z.number().min(0).optional(),
    ...faultTarget,
  }),
  z.strictObject({ kind: z.literal('latency'), ms: z.number().min(0), ...faultTarget }),
  z.strictObject({ kind: z.literal('malformed-json'), ...faultTarget }),
  z.strictObject({ kind: z.literal('cut-stream'), afterChunks: z.int().min(0), ...faultTarget }),
  z.strictObject({ kind: z.literal('slow-stream'), chunkDelayMs: z.number().min(0), ...faultTarget }),
  z.strictObject({ kind: z.literal('drop-connection'), ...faultTarget }),
]);

/**
 * A fault the model server injects into matching requests:
 * - `status`: answer with this HTTP status (408, 409, 429, 500, 502, 503, 529, …) and an error body in the provider's
 *   shape, with a `Retry-After` header when `retryAfterSeconds` is given;
 * - `latency`: wait `ms` more before answering;
 * - `malformed-json`: answer 200 with a body that is not JSON (a stream gets an event whose data is not JSON);
 * - `cut-stream`: send `afterChunks` events of a stream, then close the connection without ending the stream
 *   (streaming requests only);
 * - `slow-stream`: wait `chunkDelayMs` between the events of a stream (streaming requests only);
 * - `drop-connection`: close the connection before sending any response.
 *
 * @example
 * ```ts
 * const faults: ModelServerFault[] = [{ kind: 'status', status: 429, retryAfterSeconds: 2, times: 1 }];
 * ```
 */
export type ModelServerFault = z.infer<typeof modelServerFaultSchema>;

/** The faults that hit one request, at most one of each kind. */
export interface ActiveFaults {
  status?: Extract<ModelServerFault, { kind: 'status' }>;
  /** Extra milliseconds before answering (the sum of the latency faults that hit). */
  latencyMs: number;
  malformedJson: boolean;
  cutStreamAfterChunks?: number;
  chunkDelayMs: number;
  dropConnection: boolean;
}

/**
 * The faults of a server and how many more requests each may hit. For each request, every fault whose path matches
 * (and, for stream faults, only on streaming requests) applies and uses up one of its `times`.
 *
 * @example
 * ```ts
 * const plan = new FaultPlan([{ kind: 'status', status: 503, times: 1 }]);
 * plan.take('/v1/chat/completions', false).status?.status; // 503
 * plan.take('/v1/chat/completions', false).status; // undefined
 * ```
 */
export class FaultPlan {
  private entries: { fault: ModelServerFault; remaining: number }[] = [];

  constructor(faults: readonly ModelServerFault[] = []) {
    this.replace(faults);
  }

  /** Forgets the current faults and their counts, and takes these instead. */
  replace(faults: readonly ModelServerFault[]): void {
    this.entries = faults.map((fault) => {
      const parsed = modelServerFaultSchema.safeParse(fault);
      if (!parsed.success) {
        throw new TypeError(
          `Invalid model server fault ${JSON.stringify(fault)}: ${z.prettifyError(parsed.error)}`,
        );
      }
      return { fault: parsed.data, remaining: parsed.data.times ?? Number.POSITIVE_INFINITY };
    });
  }

  /** The faults that hit a request to `path`, counted as used. */
  take(path: string, stream: boolean): ActiveFaults {
    const active: ActiveFaults = {
      latencyMs: 0,
      malformedJson: false,
      chunkDelayMs: 0,
      dropConnection: false,
    };
    for (const entry of this.entries) {
      const { fault } = entry;
      if (entry.remaining <= 0) continue;
      if (fault.path !== undefined && fault.path !== path) continue;
      if ((fault.kind === 'cut-stream' || fault.kind === 'slow-stream') && !stream) continue;
      if (fault.kind === 'status' && active.status !== undefined) continue;
      entry.remaining -= 1;
      if (fault.kind === 'status') active.status = fault;
      else if (fault.kind === 'latency') active.latencyMs += fault.ms;
      else if (fault.kind === 'malformed-json') active.malformedJson = true;
      else if (fault.kind === 'cut-stream') {
        active.cutStreamAfterChunks = Math.min(
          active.cutStreamAfterChunks ?? fault.afterChunks,
          fault.afterChunks,
        );
      } else if (fault.kind === 'slow-stream') active.chunkDelayMs += fault.chunkDelayMs;
      else active.dropConnection = true;
    }
    return active;
  }
}
