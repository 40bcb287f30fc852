// P1 `context_truncation`: a worker's prompt is cut to a number of tokens.
import { z } from 'zod';
import type { GenerateOptions, ModelMessage } from '../../models/language-model.js';
import type { PendingFeedback } from '../engine/episode-state.js';
import type { ResolvedInput } from '../engine/worker-prompt.js';
import { mapBackendModels, transformModel } from './map-backend-models.js';
import type { PerturbationDefinition } from './perturbation.js';

/** Characters per token, as LoopGym counts them everywhere (about four). */
const CHARACTERS_PER_TOKEN = 4;

const parameters = z.strictObject({
  /** The prompt's size after the cut, in tokens (about four characters each); default 256. */
  tokens: z.number().int().min(1).default(256),
  /** Which calls: only `workers` (default) or `all` (judges too). */
  callers: z.enum(['workers', 'all']).default('workers'),
});

/**
 * Messages cut to a budget of characters: kept from the start, the message that overflows cut, later ones dropped
 * (tool results of a conversation that was cut are kept whole, as a tool call must be answered).
 *
 * @example
 * ```ts
 * truncateMessages([{ role: 'user', content: 'abcdef' }], 3); // [{ role: 'user', content: 'abc' }]
 * ```
 */
export function truncateMessages(messages: readonly ModelMessage[], characters: number): ModelMessage[] {
  const kept: ModelMessage[] = [];
  let left = characters;
  for (const message of messages) {
    if (left <= 0) break;
    if (message.content.length <= left || message.role === 'tool' || message.role === 'assistant') {
      kept.push(message);
      left -= message.content.length;
      continue;
    }
    kept.push({ ...message, content: message.content.slice(0, left) });
    left = 0;
  }
  return kept;
}

/**
 * `context_truncation` (LoopBench P1): each worker's prompt is cut to `tokens` tokens (default 256), keeping its
 * beginning (the instructions) and losing its end (the feedback, the last inputs). What a simulated model reads
 * follows the cut: feedback and inputs whose text did not survive are not seen.
 *
 * @example
 * ```ts
 * make('loopbench/research-synthesis-v1', { perturbations: [{ name: 'context_truncation', tokens: 128 }] });
 * ```
 */
export const contextTruncation: PerturbationDefinition<z.infer<typeof parameters>> = {
  name: 'context_truncation',
  description: 'Cuts each worker prompt to a number of tokens (its end, with the feedback, is lost).',
  parameters,
  apply(episode, { tokens, callers }) {
    episode.backend = mapBackendModels(episode.backend, {
      model: (model, caller) =>
        callers === 'workers' && caller.kind !== 'worker'
          ? model
          : transformModel(model, {
              before: (options) => truncateCall(options, tokens * CHARACTERS_PER_TOKEN),
            }),
    });
    return { characters: tokens * CHARACTERS_PER_TOKEN };
  },
};

function truncateCall(options: GenerateOptions, characters: number): GenerateOptions {
  const messages = truncateMessages(options.messages, characters);
  const context = options.purpose?.context;
  if (context === undefined) return { ...options, messages };
  const kept = messages.map((message) => message.content).join('\n');
  const feedback = (context.feedback as PendingFeedback[] | undefined)?.filter((item) =>
    kept.includes(item.content),
  );
  const inputs = (context.inputs as ResolvedInput[] | undefined)?.map((input) =>
    typeof input.value === 'string' && !kept.includes(input.value)
      ? { ...input, value: undefined, missing: 'cut from the prompt' }
      : input,
  );
  const previous = context.previousOutput;
  return {
    ...options,
    messages,
    purpose: {
      ...options.purpose!,
      context: {
        ...context,
        ...(feedback === undefined ? {} : { feedback }),
        ...(inputs === undefined ? {} : { inputs }),
        previousOutput: typeof previous === 'string' && kept.includes(previous) ? previous : undefined,
      },
    },
  };
}
