// People in the loop: a human evaluator, a safety escalation or an optimizer pause asks a HumanGate.
import { createRng, type Rng } from '../core/random/rng.js';

/** What a person is asked to decide. */
export interface HumanReviewRequest {
  /** The human evaluator, safety constraint or optimizer step asking. */
  gateId: string;
  kind: 'evaluator' | 'safety' | 'optimizer' | 'termination';
  iteration: number;
  /** What to look at: the outputs under review, as text. */
  subject: string;
  /** What the reviewer is asked, e.g. the evaluator's instructions. */
  instructions: string | undefined;
  /** The SLA: no answer within this many seconds counts as `timeout`. */
  timeoutSeconds: number;
}

/** A person's answer. `waitedSeconds` is how long they took (simulated for scripted gates). */
export interface HumanDecision {
  decision: 'approve' | 'reject' | 'timeout';
  reason: string;
  waitedSeconds: number;
}

/**
 * Who answers review requests. Implementations: {@link scriptedHumanGate}, {@link probabilisticHumanGate},
 * {@link callbackHumanGate}; the CLI adds a terminal prompt.
 *
 * @example
 * ```ts
 * const gate: HumanGate = scriptedHumanGate(['approve', 'reject']);
 * ```
 */
export interface HumanGate {
  review(request: HumanReviewRequest, signal: AbortSignal): Promise<HumanDecision>;
}

/**
 * Answers from a script, in order; when the script runs out, the last answer repeats (`approve` for an empty
 * script). An entry may name a gate (`{ gateId, decision }`) to answer only that gate.
 *
 * @example
 * ```ts
 * scriptedHumanGate(['reject', 'approve']); // first request rejected, later ones approved
 * ```
 */
export function scriptedHumanGate(
  script: readonly (
    HumanDecision['decision'] | { gateId?: string; decision: HumanDecision['decision']; reason?: string }
  )[],
): HumanGate {
  const entries = script.map((entry) => (typeof entry === 'string' ? { decision: entry } : entry));
  let position = 0;
  return {
    review: (request) => {
      let index = entries.findIndex(
        (entry, i) => i >= position && ('gateId' in entry ? entry.gateId === request.gateId : true),
      );
      if (index === -1) index = entries.length - 1;
      const entry = entries[index];
      if (index >= position) position = index + 1;
      const decision = entry?.decision ?? 'approve';
      return Promise.resolve({
        decision,
        reason:
          (entry !== undefined && 'reason' in entry ? entry.reason : undefined) ?? `scripted ${decision}`,
        waitedSeconds: decision === 'timeout' ? request.timeoutSeconds : 0,
      });
    },
  };
}

/**
 * Approves with probability `approve` (seeded, so the same seed gives the same decisions), rejects otherwise.
 *
 * @example
 * ```ts
 * probabilisticHumanGate({ approve: 0.8, seed: 7 });
 * ```
 */
export function probabilisticHumanGate(options: {
  approve: number;
  seed: number;
  /** Simulated review time in seconds (default 60). */
  reviewSeconds?: number;
}): HumanGate {
  const rng: Rng = createRng(options.seed);
  return {
    review: (request) => {
      const approved = rng.random() < options.approve;
      const waited = Math.min(options.reviewSeconds ?? 60, request.timeoutSeconds);
      return Promise.resolve({
        decision: approved ? 'approve' : 'reject',
        reason: approved ? 'approved (simulated reviewer)' : 'rejected (simulated reviewer)',
        waitedSeconds: waited,
      });
    },
  };
}

/**
 * Asks a function; a call that does not settle within the request's `timeoutSeconds` (real time) is a `timeout`.
 *
 * @example
 * ```ts
 * callbackHumanGate(async (request) => ({ decision: 'approve', reason: 'looks good' }));
 * ```
 */
export function callbackHumanGate(
  decide: (request: HumanReviewRequest, signal: AbortSignal) => Promise<Omit<HumanDecision, 'waitedSeconds'>>,
): HumanGate {
  return {
    review: async (request, signal) => {
      const started = performance.now();
      const controller = new AbortController();
      const onAbort = (): void => controller.abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<HumanDecision>((resolve) => {
        timer = setTimeout(() => {
          controller.abort(new Error('review timed out'));
          resolve({
            decision: 'timeout',
            reason: 'no answer within the SLA',
            waitedSeconds: request.timeoutSeconds,
          });
        }, request.timeoutSeconds * 1000);
      });
      try {
        return await Promise.race([
          decide(request, controller.signal).then((answer) => ({
            ...answer,
            waitedSeconds: (performance.now() - started) / 1000,
          })),
          timeout,
        ]);
      } finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
}
