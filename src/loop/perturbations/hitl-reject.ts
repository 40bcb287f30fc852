// `hitl_reject`: the person at the human gate says no (with a probability, or from a script).
import { z } from 'zod';
import { stringList } from './string-list.js';
import { createRng } from '../../core/random/rng.js';
import type { HumanDecision, HumanGate } from '../human-gate.js';
import type { PerturbationDefinition } from './perturbation.js';

const parameters = z.strictObject({
  /** The chance that each review is rejected (default 1: every one). */
  probability: z.number().min(0).max(1).default(1),
  /** Decisions in order instead of a probability (`reject`, `approve`, `timeout`); after the script, the gate's own. */
  script: z
    .preprocess(
      (value) => (typeof value === 'string' ? [value] : value),
      z.array(z.enum(['approve', 'reject', 'timeout'])),
    )
    .optional(),
  /** Only these gates (human evaluator, safety constraint or optimizer ids); default: every gate. */
  gates: stringList().optional(),
});

/**
 * `hitl_reject`: reviews are rejected with `probability` (seeded per episode), or decided by `script` in order; the
 * other reviews go to the environment's own gate. The loop's rules then apply as they would to a real rejection:
 * a human evaluator scores 0, `human_rejected` failure rules end the episode, `escalate_human` escalations are
 * refused.
 *
 * @example
 * ```ts
 * make('loopbench/hitl-gate-v1', { perturbations: [{ name: 'hitl_reject', probability: 0.5 }] });
 * ```
 */
export const hitlReject: PerturbationDefinition<z.infer<typeof parameters>> = {
  name: 'hitl_reject',
  description: 'The human gate rejects with a probability or from a script.',
  parameters,
  apply(episode, { probability, script, gates }, seed) {
    const inner = episode.services.humanGate;
    const rng = createRng(seed);
    let position = 0;
    const gate: HumanGate = {
      review: (request, signal) => {
        if (gates !== undefined && !gates.includes(request.gateId)) return inner.review(request, signal);
        let decision: HumanDecision['decision'] | undefined;
        if (script !== undefined) decision = script[position++];
        else decision = rng.random() < probability ? 'reject' : undefined;
        if (decision === undefined) return inner.review(request, signal);
        return Promise.resolve({
          decision,
          reason: `${decision} (hitl_reject perturbation)`,
          waitedSeconds: decision === 'timeout' ? request.timeoutSeconds : 0,
        });
      },
    };
    episode.services = { ...episode.services, humanGate: gate };
    return {};
  },
};
