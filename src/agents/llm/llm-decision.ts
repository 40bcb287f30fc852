// What one decision of a language-model agent records: its model calls and the action (or why there is none).
import type { ModelMessage, ModelUsage } from '../../models/language-model.js';

/** One model call made while deciding a step. */
export interface LlmCall {
  /** The messages sent. */
  messages: readonly ModelMessage[];
  /** The model's whole answer. */
  text: string;
  usage: ModelUsage;
  /** Dollars, from the price table (0 for models it does not know). */
  costUsd: number;
  /** The model's reported latency in seconds. */
  latencySeconds: number;
  /** Wall-clock time of the call in milliseconds. */
  durationMs: number;
  modelId: string;
  /** Why the answer was not a valid action, when it was not. */
  parseError?: string | undefined;
}

/**
 * A decision: an action read from the model's answer (`kind: 'action'`), a default action taken after an invalid
 * answer (`kind: 'default'`), or no action (`kind: 'invalid'`, the episode ends).
 */
export type LlmDecision<Act> =
  | { kind: 'action'; action: Act; answer: string; calls: readonly LlmCall[] }
  | { kind: 'default'; action: Act; answer: string; error: string; calls: readonly LlmCall[] }
  | { kind: 'invalid'; answer: string; error: string; calls: readonly LlmCall[] };

/** What a language model is asked to do when its answer is not a valid action. */
export type InvalidActionPolicy<Act = unknown> = 'end' | { retry: number } | { default: Act };
