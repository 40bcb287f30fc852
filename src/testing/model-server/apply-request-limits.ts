// Stop sequences and token limits, enforced by the server whatever the model did with them.
import { countSimTokens } from '../../backends/sim/sim-profile.js';
import type { GenerateOptions, GenerateResult } from '../../models/language-model.js';

/** A result after the request's limits, with the stop sequence that ended it (if one did). */
export interface LimitedResult {
  result: GenerateResult;
  stopSequence: string | null;
}

/**
 * Cuts an answer's text at the first of the request's stop sequences (finish `stop`), then at `maxTokens` (finish
 * `length`, counted with the model's own token count of the text; tool calls are left whole), so that every model
 * honours them as a real API does.
 *
 * @example
 * ```ts
 * applyRequestLimits(result, { messages, stopSequences: ['\n'] }).result.text; // the first line
 * ```
 */
export function applyRequestLimits(result: GenerateResult, options: GenerateOptions): LimitedResult {
  let { text, finishReason, usage } = result;
  let stopSequence: string | null = null;
  let cutAt = text.length;
  for (const sequence of options.stopSequences ?? []) {
    const index = sequence === '' ? -1 : text.indexOf(sequence);
    if (index >= 0 && index < cutAt) {
      cutAt = index;
      stopSequence = sequence;
    }
  }
  if (stopSequence !== null) {
    text = text.slice(0, cutAt);
    finishReason = 'stop';
    usage = { ...usage, outputTokens: Math.min(usage.outputTokens, countSimTokens(text)) };
  }
  const maxTokens = options.maxTokens;
  if (maxTokens !== undefined && result.toolCalls.length === 0 && usage.outputTokens > maxTokens) {
    const characters = Array.from(text);
    text = characters.slice(0, Math.floor((characters.length * maxTokens) / usage.outputTokens)).join('');
    finishReason = 'length';
    stopSequence = null;
    usage = { ...usage, outputTokens: maxTokens };
  }
  return { result: { ...result, text, finishReason, usage }, stopSequence };
}
