// The numbers behind simulated models: how skilled each model is, how hard each task, how long and how wordy a call.
import type { ModelMessage, ModelUsage } from '../../models/language-model.js';

/** How a simulated model behaves. */
export interface SimModelProfile {
  /** Skill on [0, 1]: the quality it reaches on a task of difficulty 0.5 after no feedback is about its skill. */
  skill: number;
  /** Seconds before the first token. */
  firstTokenSeconds: number;
  /** Seconds per output token. */
  secondsPerToken: number;
}

/** Profiles of known models (by model name, the provider ignored); others get {@link DEFAULT_SIM_PROFILE}. */
export const SIM_MODEL_PROFILES: Readonly<Record<string, SimModelProfile>> = Object.freeze({
  'gpt-4.1': { skill: 0.72, firstTokenSeconds: 0.6, secondsPerToken: 0.012 },
  'gpt-4.1-mini': { skill: 0.6, firstTokenSeconds: 0.4, secondsPerToken: 0.008 },
  'gpt-4.1-nano': { skill: 0.45, firstTokenSeconds: 0.3, secondsPerToken: 0.005 },
  'gpt-4o': { skill: 0.68, firstTokenSeconds: 0.5, secondsPerToken: 0.011 },
  'gpt-4o-mini': { skill: 0.52, firstTokenSeconds: 0.35, secondsPerToken: 0.007 },
  'claude-sonnet-4-20250514': { skill: 0.75, firstTokenSeconds: 0.8, secondsPerToken: 0.014 },
  'claude-opus-4': { skill: 0.82, firstTokenSeconds: 1.2, secondsPerToken: 0.025 },
  'claude-3-5-haiku': { skill: 0.5, firstTokenSeconds: 0.4, secondsPerToken: 0.006 },
});

export const DEFAULT_SIM_PROFILE: SimModelProfile = Object.freeze({
  skill: 0.6,
  firstTokenSeconds: 0.5,
  secondsPerToken: 0.01,
});

/**
 * The profile of a model name: an exact entry, else the longest known name it starts with, else the default.
 *
 * @example
 * ```ts
 * simProfileOf('claude-sonnet-4-20250514').skill; // 0.75
 * ```
 */
export function simProfileOf(modelName: string): SimModelProfile {
  const exact = SIM_MODEL_PROFILES[modelName];
  if (exact !== undefined) return exact;
  const prefix = Object.keys(SIM_MODEL_PROFILES)
    .filter((name) => modelName.startsWith(name))
    .sort((a, b) => b.length - a.length)[0];
  return prefix === undefined ? DEFAULT_SIM_PROFILE : SIM_MODEL_PROFILES[prefix]!;
}

const DIFFICULTY: Readonly<Record<string, number>> = Object.freeze({
  trivial: 0.1,
  easy: 0.25,
  low: 0.3,
  quick: 0.3,
  standard: 0.45,
  medium: 0.5,
  normal: 0.5,
  high: 0.65,
  hard: 0.7,
  deep: 0.7,
  expert: 0.85,
});

/**
 * A task's difficulty on [0, 1] from its label (`easy`, `medium`, `hard`, …, or a number); 0.5 when unknown.
 *
 * @example
 * ```ts
 * difficultyOf('hard'); // 0.7
 * ```
 */
export function difficultyOf(label: string | undefined): number {
  if (label === undefined) return 0.5;
  const number = Number(label);
  if (label.trim() !== '' && Number.isFinite(number)) return Math.min(1, Math.max(0, number));
  return DIFFICULTY[label.toLowerCase()] ?? 0.5;
}

/**
 * Tokens of a text as the simulated tokenizer counts them: about four characters per token (at least one for a
 * non-empty text).
 *
 * @example
 * ```ts
 * countSimTokens('Hello, world'); // 3
 * ```
 */
export function countSimTokens(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.ceil(text.length / 4));
}

/**
 * The usage of a simulated call: the prompt's tokens (plus a few per message) and the answer's.
 *
 * @example
 * ```ts
 * simUsage(messages, answer); // { inputTokens: 412, outputTokens: 96 }
 * ```
 */
export function simUsage(messages: readonly ModelMessage[], answer: string): ModelUsage {
  const inputTokens = messages.reduce((sum, message) => sum + 4 + countSimTokens(message.content), 0);
  return { inputTokens, outputTokens: countSimTokens(answer) };
}

/**
 * The simulated latency of a call: time to first token plus time per output token, times a jitter factor on
 * [0.8, 1.25) drawn by the caller from the call's seed.
 *
 * @example
 * ```ts
 * simLatency(profile, 200, 1); // 0.4 + 200 * 0.008 = 2.0 seconds
 * ```
 */
export function simLatency(profile: SimModelProfile, outputTokens: number, jitter: number): number {
  return (profile.firstTokenSeconds + outputTokens * profile.secondsPerToken) * jitter;
}
